/**
 * --shard i/n and `report-lint merge`: every file in exactly one shard, and the merged outputs of the shards equal
 * the output of one run over all the files. The GitHub Actions matrix and the Kubernetes script of docs/ci.md run
 * as written (report-lint and npx started from a stand-in on PATH).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { corpus } from '../../bench/bench.js';
import { parseShard, shardOf } from '../../src/batch/shard.js';
import { merge } from '../../src/batch/merge.js';
import { BIN, cleanEnv, tempDir } from '../support/cli.js';
import { ROOT } from '../support/root.js';

const FIX = join(ROOT, 'test/fixtures/crossyear');
const doc = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');

function block(file: string): string {
  for (const m of doc.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)) if (m[2].split('\n').some((l) => l === `# ${file}`)) return m[2];
  throw new Error(`docs/ci.md has no block for ${file}`);
}

function shims(): string {
  const dir = tempDir('report-lint-shim-');
  writeFileSync(join(dir, 'npx'), `#!/bin/sh\n[ "$1" = report-lint ] || { echo "npx: only report-lint here" >&2; exit 127; }\nshift\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  writeFileSync(join(dir, 'report-lint'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(dir, 'npx'), 0o755);
  chmodSync(join(dir, 'report-lint'), 0o755);
  return dir;
}
const SHIMS = shims();

function sh(script: string, cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync('bash', ['-c', script], { cwd, env: { ...cleanEnv(env), PATH: `${SHIMS}:${process.env.PATH}` }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** a site with reports/: cross-year pairs and generated reports in two folders */
function site(): string {
  const dir = tempDir('report-lint-shards-');
  mkdirSync(join(dir, 'reports/统计局'), { recursive: true });
  mkdirSync(join(dir, 'reports/generated'), { recursive: true });
  writeFileSync(join(dir, 'reports/统计局/2020.txt'), readFileSync(join(FIX, 'carry-2020.txt')));
  writeFileSync(join(dir, 'reports/统计局/2021.txt'), readFileSync(join(FIX, 'carry-2021-bad.txt')));
  writeFileSync(join(dir, 'reports/司法局-2021.txt'), readFileSync(join(FIX, 'stock-2021.txt')));
  writeFileSync(join(dir, 'reports/司法局-2022.txt'), readFileSync(join(FIX, 'stock-2022-lower.txt')));
  corpus(14, 3, 4000).forEach((s, i) => writeFileSync(join(dir, `reports/generated/r${i}.${s.layout === 'markdown' ? 'md' : 'txt'}`), s.text));
  return dir;
}

describe('--shard', () => {
  test('i/n parsed and checked', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(undefined)).toBeUndefined();
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/--shard/);
  });
  test('every file in one shard, by its path relative to the working directory', () => {
    const paths = Array.from({ length: 200 }, (_, i) => `/corpus/省${i % 7}/机关${i}/2021.txt`);
    const counts = [0, 0, 0, 0];
    for (const p of paths) counts[shardOf(p, '/corpus', 4) - 1]++;
    expect(counts.reduce((a, b) => a + b)).toBe(200);
    expect(Math.min(...counts)).toBeGreaterThan(20);
    expect(shardOf('/a/corpus/x.txt', '/a/corpus', 4)).toBe(shardOf('/b/corpus/x.txt', '/b/corpus', 4));
  });
});

describe('merge', () => {
  test('refuses mixed or unknown inputs, and a file linted twice', () => {
    expect(() => merge([{ name: 'a', data: [] }, { name: 'b', data: { version: '2.1.0', runs: [] } }])).toThrow(/不同格式/);
    expect(() => merge([{ name: 'a', data: { x: 1 } }])).toThrow(/不是 report-lint/);
    const r = { filePath: '/x.txt', messages: [], errorCount: 0, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
    expect(() => merge([{ name: 'a', data: [r] }, { name: 'b', data: [r] }])).toThrow(/同时出现/);
  });
});

describe('docs/ci.md: shards and merge give the output of one run', () => {
  const dir = site();
  const whole = (args: string) => sh(`report-lint reports/ ${args}`, dir);

  test('the GitHub Actions matrix', () => {
    const wf = parseYaml(block('.github/workflows/report-lint-shards.yml')) as { jobs: Record<string, { strategy?: { matrix: { shard: number[] } }; steps: Array<{ run?: string }> }> };
    const shards = wf.jobs.lint.strategy!.matrix.shard;
    const runs = (job: string) => wf.jobs[job].steps.map((s) => s.run).filter((r): r is string => !!r && r.includes('report-lint'));
    for (const n of shards) {
      for (const run of runs('lint')) {
        const r = sh(run.replace(/\$\{\{ matrix\.shard \}\}/g, String(n)), dir);
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
      }
    }
    for (const run of runs('merge')) {
      const r = sh(run, dir);
      expect(r.stderr).toBe('');
    }
    // the merged SARIF: the results of one run over all the files (order aside)
    const key = (log: { runs: Array<{ artifacts: Array<{ location: { uri: string } }>; results: Array<{ ruleId: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { index: number; uri: string }; region: { startLine: number; startColumn: number } } }> }> }> }) =>
      log.runs[0].results
        .map((x) => {
          const p = x.locations[0].physicalLocation;
          // the index must point at the artifact of the same uri
          expect(log.runs[0].artifacts[p.artifactLocation.index].location.uri).toBe(p.artifactLocation.uri);
          return `${p.artifactLocation.uri}:${p.region.startLine}:${p.region.startColumn} ${x.ruleId} ${x.message.text}`;
        })
        .sort();
    const merged = JSON.parse(readFileSync(join(dir, 'report-lint.sarif'), 'utf8'));
    const one = JSON.parse(whole('--format sarif').stdout);
    expect(merged.runs).toHaveLength(1);
    expect(key(merged)).toEqual(key(one));
    expect(key(merged).some((k) => k.includes('xy-carry'))).toBe(true);
    expect(merged.runs[0].artifacts).toHaveLength(one.runs[0].artifacts.length);
    // the merged scorecard
    expect(readFileSync(join(dir, 'scorecard.html'), 'utf8')).toContain('<table id="scores">');
    const audit = sh('report-lint merge out/audit-*.json --format json', dir);
    const oneAudit = JSON.parse(sh('report-lint audit reports/ --format json', dir).stdout);
    const mergedAudit = JSON.parse(audit.stdout);
    for (const k of ['years', 'totals'] as const) expect(mergedAudit[k]).toEqual(oneAudit[k]);
    const agencyView = (a: { agencies: Array<{ key: string; yearsMissing: number[]; errors: number; years: Array<{ year: number; files: string[] }> }> }) =>
      a.agencies.map((x) => ({ key: x.key, missing: x.yearsMissing, errors: x.errors, years: x.years.map((y) => [y.year, [...y.files].sort()]) }));
    expect(agencyView(mergedAudit)).toEqual(agencyView(oneAudit));
  }, 300_000);

  test('the Kubernetes Indexed Job script', () => {
    const script = join(dir, 'lint-shard.sh');
    writeFileSync(script, block('scripts/lint-shard.sh'));
    chmodSync(script, 0o755);
    for (let i = 0; i < 4; i++) {
      const r = sh(script, dir, { SHARDS: '4', JOB_COMPLETION_INDEX: String(i), MERGE: i === 3 ? '1' : '0' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
    const merged = JSON.parse(readFileSync(join(dir, 'out/all.json'), 'utf8'));
    expect(merged).toEqual(JSON.parse(whole('--format json').stdout));
  }, 300_000);
});
