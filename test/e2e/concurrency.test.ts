/**
 * --concurrency: files linted on worker threads give exactly the output of a serial run (order, findings, fatal
 * messages, cross-year findings), and the flag's values are checked.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus } from '../../bench/bench.js';
import { PARALLEL_THRESHOLD, resolveConcurrency } from '../../src/batch/pool.js';
import { ROOT } from '../support/root.js';
import { runCli, tempFolder as tempDir } from '../support/cli.js';

const FIX = join(ROOT, 'test/fixtures/crossyear');

describe('resolveConcurrency', () => {
  test('off, N, auto; by default workers only from the threshold on', () => {
    expect(resolveConcurrency('off', 5000, 8)).toBe(1);
    expect(resolveConcurrency('3', 5000, 8)).toBe(3);
    expect(resolveConcurrency('4', 2, 8)).toBe(2);
    expect(resolveConcurrency('auto', 5000, 2)).toBe(2);
    expect(resolveConcurrency('auto', 60, 8)).toBe(1);
    expect(resolveConcurrency(undefined, PARALLEL_THRESHOLD - 1, 8)).toBe(1);
    expect(resolveConcurrency(undefined, 10_000, 2)).toBe(2);
    expect(() => resolveConcurrency('0', 10, 2)).toThrow(/--concurrency/);
    expect(() => resolveConcurrency('many', 10, 2)).toThrow(/auto、off 或正整数/);
  });
});

describe('workers give the output of a serial run', () => {
  const t = tempDir();
  beforeAll(() => {
    corpus(36, 7, 5000).forEach((s, i) => writeFileSync(join(t.dir, `r${String(i).padStart(3, '0')}.${s.layout === 'markdown' ? 'md' : 'txt'}`), s.text));
    mkdirSync(join(t.dir, 'xy'));
    writeFileSync(join(t.dir, 'xy/2020.txt'), readFileSync(join(FIX, 'carry-2020.txt')));
    writeFileSync(join(t.dir, 'xy/2021.txt'), readFileSync(join(FIX, 'carry-2021-bad.txt')));
    writeFileSync(join(t.dir, 'broken.docx'), 'not a zip');
    writeFileSync(join(t.dir, '.reportlintrc.json'), JSON.stringify({ ignorePatterns: ['r000.*'] }));
  });
  afterAll(() => t.done());

  test.each(['json', 'sarif', 'stylish'])('--format %s', (format) => {
    const serial = runCli([t.dir, '--concurrency', 'off', '--format', format]);
    const parallel = runCli([t.dir, '--concurrency', '2', '--format', format]);
    expect(serial.code).toBe(2); // broken.docx
    expect(parallel.code).toBe(serial.code);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(parallel.stderr).toBe(serial.stderr);
    if (format === 'json') {
      const results = JSON.parse(serial.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null }> }>;
      expect(results.some((r) => r.messages.some((m) => m.ruleId === 'xy-carry'))).toBe(true);
      expect(results.some((r) => r.filePath.endsWith('r000.txt') || r.filePath.endsWith('r000.md'))).toBe(false);
    }
  }, 120_000);

  test('audit too', () => {
    const serial = runCli(['audit', t.dir, '--concurrency', 'off', '--format', 'csv']);
    const parallel = runCli(['audit', t.dir, '--concurrency', '2', '--format', 'csv']);
    expect(parallel.stdout).toBe(serial.stdout);
  }, 120_000);

  test('a bad value is a usage error', () => {
    const r = runCli([t.dir, '--concurrency', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--concurrency 的值「lots」无效/);
  });
});
