/**
 * The command line over a folder of generated agencies × years (bench/years.ts), measured side by side in one run:
 * the floor (a Node process that only reads, decodes and splits the same files into lines), the CLI serial
 * (--concurrency off) and on workers (--concurrency N), start-up on one text file, a --cache re-run over the
 * unchanged folder, with wall time, reports/s, MB/s, the ratio to the floor and the peak RSS of each.
 *
 *   node dist/bench/cli-bench.js [--agencies 400] [--from 2019] [--to 2023] [--workers 2]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { series } from './years.js';

function root(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const BIN = join(root(), 'dist', 'src', 'cli', 'bin.js');

/** read, decode and split every file: what any linter must do at least */
const FLOOR = `
const fs = require('node:fs'); const path = require('node:path');
let lines = 0;
const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else lines += new TextDecoder('utf-8').decode(fs.readFileSync(p)).split(/\\r?\\n/).length; } };
walk(process.argv[1]); console.log(lines);`;

interface Run {
  seconds: number;
  peakMb?: number;
  status: number | null;
}

function timed(args: string[], cwd: string): Run {
  const time = existsSync('/usr/bin/time');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(time ? '/usr/bin/time' : process.execPath, [...(time ? ['-f', 'PEAK_KB=%M', process.execPath] : []), ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, CI: '1' },
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const peak = /PEAK_KB=(\d+)/.exec(r.stderr ?? '');
  return { seconds, status: r.status, ...(peak ? { peakMb: Number(peak[1]) / 1024 } : {}) };
}

function size(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else ((files += 1), (bytes += statSync(p).size));
    }
  };
  walk(dir);
  return { files, bytes };
}

export function cliBench(opts: { agencies: number; from: number; to: number; workers: number }): void {
  const tmp = mkdtempSync(join(tmpdir(), 'report-lint-cli-bench-'));
  const dir = join(tmp, 'corpus');
  try {
    for (const r of series({ agencies: opts.agencies, from: opts.from, to: opts.to, seed: 1 })) {
      const p = join(dir, r.path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, r.text);
    }
    const { files, bytes } = size(dir);
    const one = join(tmp, 'one.txt');
    writeFileSync(one, [...series({ agencies: 1, from: 2021, to: 2021, seed: 9 })][0].text);
    const mbs = bytes / 1024 / 1024;
    console.log(`\n命令行：${files} 个报告（${opts.agencies} 个机关 × ${opts.to - opts.from + 1} 年，跨年度规则开启），${mbs.toFixed(1)} MB；${availableParallelism()} 个核`);
    const floor = timed(['-e', FLOOR, dir], tmp);
    const cache = join(tmp, 'cache');
    const rows: Array<[string, Run]> = [
      ['读取+解码+分行（下限）', floor],
      ['启动：node -e 0', timed(['-e', '0'], tmp)],
      ['启动：一个文本文件', timed([BIN, one, '--format', 'json'], tmp)],
      ['逐个（--concurrency off）', timed([BIN, dir, '--format', 'json', '--concurrency', 'off'], tmp)],
      [`${opts.workers} 个线程（--concurrency ${opts.workers}）`, timed([BIN, dir, '--format', 'json', '--concurrency', String(opts.workers)], tmp)],
      ['--cache 首次', timed([BIN, dir, '--format', 'json', '--cache', '--cache-location', cache], tmp)],
      ['--cache 再次（文件未改动）', timed([BIN, dir, '--format', 'json', '--cache', '--cache-location', cache], tmp)],
      ['audit（--format json）', timed([BIN, 'audit', dir, '--format', 'json', '-o', join(tmp, 'audit.json')], tmp)],
    ];
    const w = Math.max(...rows.map(([n]) => [...n].reduce((x, ch) => x + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0)));
    for (const [name, r] of rows) {
      const pad = ' '.repeat(w - [...name].reduce((x, ch) => x + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0));
      const per = name.startsWith('启动') ? '' : `  ${(files / r.seconds).toFixed(0).padStart(6)} 个/秒  ${(mbs / r.seconds).toFixed(2).padStart(6)} MB/s  ${(r.seconds / floor.seconds).toFixed(1).padStart(5)} × 下限`;
      console.log(`  ${name}${pad}  ${r.seconds.toFixed(2).padStart(7)} s${per}${r.peakMb ? `  峰值 RSS ${r.peakMb.toFixed(0)} MB` : ''}`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && /cli-bench\.js$/.test(process.argv[1])) {
  const a = { agencies: 400, from: 2019, to: 2023, workers: Math.max(2, Math.min(4, availableParallelism())) };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) (a as Record<string, number>)[argv[i].replace(/^--/, '')] = Number(argv[i + 1]);
  cliBench(a);
}
