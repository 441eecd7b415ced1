/**
 * `npm run bench`: lint a generated corpus in one process and print reports/s, MB/s, time, findings and memory.
 *
 *   node dist/bench/bench.js [--reports N] [--files N] [--no-files] [--only memory|files|pdf] [--seed S] [--size BYTES]
 *
 * In-memory mode: N reports (default 2,000; mixed layouts and formats, ~10 KB each, some with one defect) are
 * generated first, then linted with the rules resolved once, after a warm-up. Files mode: N reports (default
 * 2,000; --files 10000 for the big run) are written to a temp folder and linted one file after another through
 * lintFile (what the CLI does per file), keeping only counts, with the RSS printed at the start, middle and end;
 * then the same folder through lintFiles, which keeps every result. The folder is removed afterwards. PDF mode
 * (bench/pdf.ts): the PDF fixtures read and linted, in pages per second.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintText } from '../src/lint.js';
import type { LintEnv } from '../src/engine/run.js';
import { defaultEnv } from '../src/session.js';
import { lintFile, lintFiles } from '../src/index.js';
import { cliBench } from './cli-bench.js';
import { LAYOUTS, deepestRows, synthesize, type Defect, type Synth } from '../tools/synth/index.js';
import { builtinFormats } from '../src/format/formats.js';
import { pdfBench } from './pdf.js';

interface Args {
  only?: 'memory' | 'files' | 'pdf';
  reports: number;
  files: number;
  seed: number;
  size: number;
  /** agencies of the command-line part (× 5 years); 0: skip it */
  cliAgencies: number;
}

function args(argv: string[]): Args {
  const a: Args = { reports: 2000, files: 2000, seed: 1, size: 10_000, cliAgencies: 400 };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--reports':
        a.reports = Number(v);
        i++;
        break;
      case '--files':
        a.files = Number(v);
        i++;
        break;
      case '--no-files':
        a.files = 0;
        break;
      case '--only':
        if (v !== 'memory' && v !== 'files' && v !== 'pdf') throw new Error('bench: --only memory|files|pdf');
        a.only = v;
        i++;
        break;
      case '--seed':
        a.seed = Number(v);
        i++;
        break;
      case '--cli-agencies':
        a.cliAgencies = Number(v);
        i++;
        break;
      case '--size':
        a.size = Number(v);
        i++;
        break;
      default:
        throw new Error(`bench: unknown argument ${argv[i]}`);
    }
  }
  return a;
}

/** A mixed corpus: layouts and formats in turn, one report in four with one defect. */
export function corpus(n: number, seed: number, size: number, first = 0): Synth[] {
  const formats = builtinFormats();
  const out: Synth[] = [];
  for (let i = first; i < first + n; i++) {
    const format = formats[i % formats.length];
    const layout = LAYOUTS[Math.floor(i / formats.length) % LAYOUTS.length];
    let defect: Defect | undefined;
    switch (i % 8) {
      case 1:
        defect = { kind: 'number', cell: `${deepestRows(format, 'T3')[i % 5]}.natural` };
        break;
      case 3:
        defect = { kind: 'blank', cell: 'T3.r2.other' };
        break;
      case 5:
        defect = { kind: 'drop-cell', cell: 'T4.n.rv_other' };
        break;
      case 7:
        defect = { kind: 'label-typo', row: 'T3.r3_4_1' };
        break;
    }
    out.push(synthesize({ seed: seed + i - first, format: format.short, layout, targetBytes: size, defect }));
  }
  return out;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const rss = () => process.memoryUsage().rss;

function table(rows: Array<[string, string]>): string {
  const w = Math.max(...rows.map(([k]) => displayWidth(k)));
  return rows.map(([k, v]) => `  ${k}${' '.repeat(w - displayWidth(k))}  ${v}`).join('\n');
}

function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return n;
}

async function main(): Promise<void> {
  const a = args(process.argv.slice(2));
  const rssStart = rss();
  console.log(`report-lint benchmark — Node ${process.version}, ${process.platform}/${process.arch}`);

  // the rules are resolved once, as the CLI does
  const active = defaultEnv();
  if (!a.only || a.only === 'memory') await inMemory(a, active);
  if (!a.only || a.only === 'files') if (a.files > 0) await files(a);
  if (!a.only || a.only === 'pdf') await pdfBench();
  // the command line over agencies × years: floor, serial, workers, start-up, cache re-run, audit (bench/cli-bench.ts)
  if (!a.only && a.cliAgencies > 0) cliBench({ agencies: a.cliAgencies, from: 2019, to: 2023, workers: Math.max(2, Math.min(4, os.availableParallelism())) });
  console.log(`\n进程 maxRSS：${mb(process.resourceUsage().maxRSS * 1024)} MB（起始 RSS ${mb(rssStart)} MB）`);
}

async function inMemory(a: Args, active: LintEnv): Promise<void> {
  let t0 = performance.now();
  // only the texts are kept: the generator's bookkeeping would weigh on the garbage collector
  const texts: string[] = [];
  const filePaths: string[] = [];
  const byLayout = new Map<string, number>();
  const layoutOf: string[] = [];
  for (let i = 0; i < a.reports; i += 50) {
    for (const r of corpus(Math.min(50, a.reports - i), a.seed + i, a.size, i)) {
      layoutOf.push(`${r.layout}/${r.format}`);
      filePaths.push(`synthetic-${texts.length}.${r.layout === 'markdown' ? 'md' : 'txt'}`);
      texts.push(r.text);
      byLayout.set(`${r.layout}/${r.format}`, (byLayout.get(`${r.layout}/${r.format}`) ?? 0) + 1);
    }
  }
  const genMs = performance.now() - t0;
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const kindOf = layoutOf;

  // warm-up: the JIT, the format data, the caches
  for (let i = 0; i < Math.min(200, texts.length); i++) lintText(texts[i], active, { filePath: filePaths[i] });

  global.gc?.();
  let findings = 0;
  let errors = 0;
  let peakHeap = 0;
  let peakRss = 0;
  const perKind = new Map<string, number>();
  const cpu0 = process.cpuUsage();
  t0 = performance.now();
  for (let i = 0; i < texts.length; i++) {
    const c = process.cpuUsage();
    const r = lintText(texts[i], active, { filePath: filePaths[i] }).result;
    const d = process.cpuUsage(c);
    perKind.set(kindOf[i], (perKind.get(kindOf[i]) ?? 0) + (d.user + d.system) / 1000);
    findings += r.messages.length;
    errors += r.errorCount;
    if (i % 100 === 0) {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
    }
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;

  console.log(`\n内存中：${a.reports} 份报告（${[...byLayout].map(([k, v]) => `${k} ${v}`).join('，')}）`);
  console.log(
    table([
      ['报告数', String(texts.length)],
      ['总大小', `${mb(bytes)} MB（平均 ${(bytes / texts.length / 1024).toFixed(1)} KB）`],
      ['生成用时', `${(genMs / 1000).toFixed(2)} s（不计入）`],
      ['检查用时', `${(ms / 1000).toFixed(2)} s`],
      ['reports/s', (texts.length / (ms / 1000)).toFixed(0)],
      ['MB/s', (bytes / 1024 / 1024 / (ms / 1000)).toFixed(2)],
      ['每份', `${(ms / texts.length).toFixed(2)} ms`],
      ['CPU 时间', `${(cpuMs / 1000).toFixed(2)} s（${(texts.length / (cpuMs / 1000)).toFixed(0)} reports/CPU·s；机器忙时看这个）`],
      ['负载', `loadavg ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}，${os.cpus().length} 核`],
      ['问题数', `${findings}（错误 ${errors}）`],
      ['堆峰值（抽样）', `${mb(peakHeap)} MB`],
      ['RSS 峰值（抽样）', `${mb(peakRss)} MB`],
      ['maxRSS（进程）', `${mb(process.resourceUsage().maxRSS * 1024)} MB`],
    ]),
  );
  console.log('\n  各版式每份的 CPU 时间（含 GC）：');
  console.log(table([...perKind].sort().map(([k, v]) => [k, `${(v / byLayout.get(k)!).toFixed(2)} ms（${(byLayout.get(k)! / (v / 1000)).toFixed(0)} reports/CPU·s）`])));
}

async function files(a: Args): Promise<void> {
  let t0: number;

  {
    const dir = mkdtempSync(join(tmpdir(), 'report-lint-bench-'));
    try {
      const paths: string[] = [];
      let fileBytes = 0;
      for (let i = 0; i < a.files; i++) {
        // generated in chunks and written at once: the corpus is never all in memory
        const s = corpus(1, a.seed + 100_000, a.size, i)[0];
        const p = join(dir, `r${String(i).padStart(5, '0')}.${s.layout === 'markdown' ? 'md' : 'txt'}`);
        writeFileSync(p, s.text);
        fileBytes += Buffer.byteLength(s.text);
        paths.push(p);
      }
      const env = defaultEnv();
      global.gc?.();
      const marks: Array<[string, string]> = [];
      const mark = (label: string) => marks.push([label, `RSS ${mb(rss())} MB，堆 ${mb(process.memoryUsage().heapUsed)} MB`]);
      mark('开始');
      let n = 0;
      let f = 0;
      t0 = performance.now();
      for (let i = 0; i < paths.length; i++) {
        const r = await lintFile(paths[i], { env });
        f += r.messages.length;
        n++;
        if (i === Math.floor(paths.length / 2)) mark('一半');
      }
      const fms = performance.now() - t0;
      mark('结束');
      console.log(`\n逐个文件（lintFile，只保留计数）：${n} 个文件，${mb(fileBytes)} MB，在 ${dir}`);
      console.log(
        table([
          ...marks,
          ['用时', `${(fms / 1000).toFixed(2)} s`],
          ['reports/s', (n / (fms / 1000)).toFixed(0)],
          ['MB/s', (fileBytes / 1024 / 1024 / (fms / 1000)).toFixed(2)],
          ['问题数', String(f)],
        ]),
      );

      const before = rss();
      t0 = performance.now();
      const all = await lintFiles(paths);
      const ams = performance.now() - t0;
      const after = rss();
      console.log(`\n一次全部（lintFiles，保留全部结果，CLI 也是这样）：${all.length} 个文件`);
      console.log(
        table([
          ['开始 RSS', `${mb(before)} MB`],
          ['结束 RSS', `${mb(after)} MB（结果含原文，共 ${mb(all.reduce((x, r) => x + (r.source?.length ?? 0) * 2, 0))} MB 字符串）`],
          ['用时', `${(ams / 1000).toFixed(2)} s`],
          ['reports/s', (all.length / (ams / 1000)).toFixed(0)],
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

if (process.argv[1] && /bench\.js$/.test(process.argv[1])) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
