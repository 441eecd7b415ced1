/**
 * The audit at scale: a generated corpus of agencies × years (bench/years.ts) with injected cross-year defects is
 * written to a temporary folder and audited by the built command line; every injected defect must be found, and no
 * cross-year finding may be made on a clean report. Prints the counts, the time and the peak memory.
 *
 *   node dist/bench/audit-scale.js [--agencies 4000] [--from 2019] [--to 2023] [--seed 1] [--size 6000]
 *                                  [--concurrency auto] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { series, type SeriesOptions, type SeriesReport } from './years.js';

/** the built command line, from dist/bench (the script) or bench/ (the tests, through ts-jest) */
function builtBin(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'src', 'cli', 'bin.js');
}
const BIN = builtBin();

export interface Expectation {
  path: string;
  year: number;
  agency: string;
  expect?: SeriesReport['expect'];
  /** a report with an earlier year of its agency in the corpus */
  paired: boolean;
}

/** Write the corpus; what each file must (and must not) get. */
export function writeCorpus(dir: string, opts: SeriesOptions): Expectation[] {
  const out: Expectation[] = [];
  const first = new Set<string>();
  for (const r of series(opts)) {
    const abs = join(dir, r.path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, r.text);
    out.push({ path: abs, year: r.year, agency: r.agency, expect: r.expect, paired: first.has(r.agency) });
    first.add(r.agency);
  }
  return out;
}

interface AuditJson {
  agencies: Array<{ agency: string; years: Array<{ year: number; files: string[]; findings: Array<{ filePath: string; ruleId: string | null; message: string }> }> }>;
  unidentified: Array<{ filePath: string }>;
}

export interface Check {
  reports: number;
  injected: Record<string, number>;
  found: number;
  missed: Array<{ path: string; ruleId: string }>;
  /** cross-year findings on reports without an injected defect */
  falsePositives: Array<{ path: string; ruleId: string; message: string }>;
  /** reports not put under their agency and year */
  misfiled: string[];
}

/** Compare the audit's findings with what was injected. */
export function check(audit: AuditJson, expected: Expectation[]): Check {
  const byFile = new Map<string, Array<{ ruleId: string | null; message: string }>>();
  const placed = new Map<string, { agency: string; year: number }>();
  for (const a of audit.agencies) {
    for (const y of a.years) {
      for (const f of y.files) placed.set(f, { agency: a.agency, year: y.year });
      for (const f of y.findings) {
        if (!byFile.has(f.filePath)) byFile.set(f.filePath, []);
        byFile.get(f.filePath)!.push(f);
      }
    }
  }
  const c: Check = { reports: expected.length, injected: {}, found: 0, missed: [], falsePositives: [], misfiled: [] };
  for (const e of expected) {
    const p = placed.get(e.path);
    if (!p || p.year !== e.year || p.agency !== e.agency) c.misfiled.push(e.path);
    const xy = (byFile.get(e.path) ?? []).filter((f) => f.ruleId?.startsWith('xy-'));
    if (e.expect) {
      c.injected[e.expect.ruleId] = (c.injected[e.expect.ruleId] ?? 0) + 1;
      if (xy.some((f) => f.ruleId === e.expect!.ruleId)) c.found++;
      else c.missed.push({ path: e.path, ruleId: e.expect.ruleId });
      for (const f of xy) if (f.ruleId !== e.expect.ruleId) c.falsePositives.push({ path: e.path, ruleId: f.ruleId!, message: f.message });
    } else {
      for (const f of xy) c.falsePositives.push({ path: e.path, ruleId: f.ruleId!, message: f.message });
    }
  }
  return c;
}

/** Audit a folder with the built CLI; the audit JSON, the wall time and the peak RSS (when /usr/bin/time is there). */
export function runAudit(dir: string, args: string[] = []): { audit: AuditJson; seconds: number; peakKb?: number; stderr: string } {
  const out = join(dir, '..', `${dir.split(/[\\/]/).pop()}-audit.json`);
  const time = existsSync('/usr/bin/time');
  const cmd = time ? '/usr/bin/time' : process.execPath;
  const argv = [...(time ? ['-f', 'PEAK_KB=%M', process.execPath] : []), BIN, 'audit', dir, '--format', 'json', '-o', out, ...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CI: '1' } });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if ((r.status !== 0 && r.status !== 1) || !existsSync(out)) throw new Error(`audit failed (${r.status}): ${r.stderr}`);
  const peak = /PEAK_KB=(\d+)/.exec(r.stderr ?? '');
  const audit = JSON.parse(readFileSync(out, 'utf8')) as AuditJson;
  rmSync(out, { force: true });
  const stderr = (r.stderr ?? '').replace(/PEAK_KB=\d+\n?/, '').replace(/Command exited with non-zero status \d+\n?/, '');
  return { audit, seconds, ...(peak ? { peakKb: Number(peak[1]) } : {}), stderr };
}

function args(argv: string[]): SeriesOptions & { concurrency: string; keep: boolean } {
  const a = { agencies: 4000, from: 2019, to: 2023, seed: 1, size: 6000, concurrency: 'auto', keep: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i].replace(/^--/, '');
    if (k === 'keep') a.keep = true;
    else if (k in a) (a as Record<string, unknown>)[k] = k === 'concurrency' ? argv[++i] : Number(argv[++i]);
    else throw new Error(`audit-scale: unknown argument ${argv[i]}`);
  }
  return a;
}

function main(): void {
  const a = args(process.argv.slice(2));
  const root = mkdtempSync(join(tmpdir(), 'report-lint-audit-scale-'));
  const dir = join(root, 'corpus');
  try {
    const t0 = Date.now();
    const expected = writeCorpus(dir, a);
    console.log(`corpus: ${expected.length} reports (${a.agencies} agencies × ${a.to - a.from + 1} years), written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const r = runAudit(dir, ['--concurrency', a.concurrency]);
    const c = check(r.audit, expected);
    console.log(`audit: ${r.seconds.toFixed(1)} s (${(expected.length / r.seconds).toFixed(0)} reports/s)${r.peakKb ? `, peak RSS ${(r.peakKb / 1024).toFixed(0)} MB` : ''}`);
    console.log(`injected: ${JSON.stringify(c.injected)}; found ${c.found}, missed ${c.missed.length}; cross-year findings on clean reports: ${c.falsePositives.length}; misfiled: ${c.misfiled.length}`);
    for (const m of c.missed.slice(0, 10)) console.log(`  missed ${m.ruleId}: ${m.path}`);
    for (const f of c.falsePositives.slice(0, 10)) console.log(`  false positive ${f.ruleId}: ${f.path}: ${f.message}`);
    if (r.stderr.trim()) console.log(`stderr: ${r.stderr.trim().slice(0, 500)}`);
    process.exitCode = c.missed.length || c.falsePositives.length || c.misfiled.length ? 1 : 0;
  } finally {
    if (!a.keep) rmSync(root, { recursive: true, force: true });
    else console.log(`kept: ${root}`);
  }
}

if (process.argv[1] && /audit-scale\.js$/.test(process.argv[1])) main();
