/**
 * The built CLI (dist/src/cli/bin.js, built by `npm test`) on generated reports written to a temp folder:
 * exit codes and the ESLint-shaped JSON.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize, type Loc } from '../../tools/synth/index.js';
import { runCli, tempDir } from '../support/cli.js';

let dir: string;
let reviewTotal: Loc;
let blankCell: Loc;

const run = (...args: string[]) => {
  const { code, stdout, stderr } = runCli(args, { cwd: dir });
  return { code, stdout, stderr };
};

beforeAll(() => {
  dir = tempDir('report-lint-cli-');
  writeFileSync(join(dir, 'ok-2021.txt'), synthesize({ seed: 1, format: '2021', layout: 'tab' }).text);
  writeFileSync(join(dir, 'ok-2020.md'), synthesize({ seed: 2, format: '2019', layout: 'markdown' }).text);
  const bad = synthesize({ seed: 3, format: '2021', layout: 'word', defect: { kind: 'number', cell: 'T4.n.la_maintain', delta: 2 } });
  writeFileSync(join(dir, 'bad-review.txt'), bad.text);
  reviewTotal = bad.cells['T4.n.la_total'];
  const warn = synthesize({ seed: 4, format: '2019', layout: 'pdf', defect: { kind: 'blank', cell: 'T3.r1.natural' } });
  writeFileSync(join(dir, 'warn-blank.txt'), warn.text);
  blankCell = warn.injection!.loc;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('correct reports: exit 0, an empty message list for each file', () => {
  const r = run('--format', 'json', 'ok-2021.txt', 'ok-2020.md');
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out).toHaveLength(2);
  for (const f of out) {
    expect(f).toMatchObject({ messages: [], errorCount: 0, warningCount: 0 });
    expect(f.filePath).toMatch(/ok-20(21|20)\.(txt|md)$/);
  }
});

test('a report whose sums do not hold: exit 1, the finding in ESLint JSON shape at the total cell', () => {
  const r = run('--format', 'json', 'bad-review.txt');
  expect(r.code).toBe(1);
  const [f] = JSON.parse(r.stdout);
  expect(f.filePath).toBe(join(dir, 'bad-review.txt'));
  expect(f).toMatchObject({ errorCount: 1, warningCount: 0 });
  expect(f.messages).toHaveLength(1);
  const m = f.messages[0];
  const where = reviewTotal;
  expect(m).toMatchObject({ ruleId: 'review-total', severity: 2, line: where.line, column: where.column, endLine: where.endLine, endColumn: where.endColumn });
  expect(typeof m.message).toBe('string');
  expect(m.message).toContain('复议后起诉·总计');
});

test('warnings only: exit 0; with --max-warnings 0: exit 1; with --quiet: nothing reported', () => {
  const r = run('--format', 'json', 'warn-blank.txt');
  expect(r.code).toBe(0);
  const [f] = JSON.parse(r.stdout);
  const where = blankCell;
  expect(f).toMatchObject({ errorCount: 0, warningCount: 1 });
  expect(f.messages[0]).toMatchObject({ ruleId: 'cell-empty', severity: 1, line: where.line });
  expect(run('--format', 'json', '--max-warnings', '0', 'warn-blank.txt').code).toBe(1);
  const q = run('--format', 'json', '--quiet', 'warn-blank.txt');
  expect(q.code).toBe(0);
  expect(JSON.parse(q.stdout)[0].messages).toEqual([]);
});

test('a folder: every report in it, errors give exit 1; a missing file gives exit 2 with a fatal message', () => {
  const r = run('--format', 'json', '.');
  expect(r.code).toBe(1);
  const out = JSON.parse(r.stdout) as Array<{ filePath: string; errorCount: number; warningCount: number }>;
  expect(out.map((f) => f.filePath.replace(/.*[\\/]/, '')).sort()).toEqual(['bad-review.txt', 'ok-2020.md', 'ok-2021.txt', 'warn-blank.txt']);
  expect(out.reduce((n, f) => n + f.errorCount, 0)).toBe(1);
  expect(out.reduce((n, f) => n + f.warningCount, 0)).toBe(1);
  const missing = run('--format', 'json', 'ok-2021.txt', 'nope.txt');
  expect(missing.code).toBe(2);
  const res = JSON.parse(missing.stdout);
  expect(res[0].messages).toEqual([]);
  expect(res[1].messages[0]).toMatchObject({ ruleId: null, fatal: true, severity: 2 });
});

test('--rule turns a rule off (paths first)', () => {
  const r = run('--format', 'json', 'bad-review.txt', '--rule', 'review-total:off');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)[0].messages).toEqual([]);
});

// --rule takes one value each time it is given, so paths may follow it
test('--rule before the paths', () => {
  const r = run('--format', 'json', '--rule', 'review-total:off', 'bad-review.txt');
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)[0].messages).toEqual([]);
});
