#!/usr/bin/env node
/**
 * The long fuzz campaign: test/fuzz.test.ts run with FUZZ_RUNS inputs (default 100,000) for each seed given
 * (default: one seed from the clock), each input bounded in time (FUZZ_BOUND_MS, default 20 s). Prints the
 * figures of each seed: inputs run, exit codes, slowest input, failures with their counterexamples.
 *
 *   npm run fuzz                       # 100,000 inputs, one seed
 *   npm run fuzz -- --runs 20000 --seed 1 --seed 2
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
let runs = 100_000;
const seeds = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--seed') seeds.push(Number(args[++i]));
  else {
    console.error(`fuzz: unknown argument ${args[i]} (use --runs N, --seed S)`);
    process.exit(2);
  }
}
if (!Number.isInteger(runs) || runs <= 0) {
  console.error('fuzz: --runs needs a positive whole number');
  process.exit(2);
}
if (!seeds.length) seeds.push(Date.now() % 2 ** 31);

const dir = mkdtempSync(join(tmpdir(), 'report-lint-fuzz-'));
console.log(`fuzz: figures so far in ${dir}`);
let failed = false;
for (const seed of seeds) {
  const report = join(dir, `fuzz-${seed}.json`);
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    ['--experimental-vm-modules', '--no-warnings', 'node_modules/jest/bin/jest.js', 'test/fuzz.test.ts', '--runInBand'],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed), FUZZ_REPORT: report } },
  );
  let figures;
  try {
    figures = JSON.parse(readFileSync(report, 'utf8'));
  } catch {
    figures = undefined;
  }
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  if (!figures) {
    console.log(`seed ${seed}: no figures (jest exit ${r.status})`);
    failed = true;
    continue;
  }
  console.log(`seed ${seed}: ${figures.runs} inputs in ${minutes} min; exit codes ${JSON.stringify(figures.byExit)}; slowest input ${figures.slowestMs} ms; ${figures.failures.length} failure(s)`);
  for (const f of figures.failures) console.log(`  ${f.property}: ${f.error}\n    counterexample: ${f.counterexample}`);
  if (r.status !== 0 || figures.failures.length) failed = true;
}
rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
