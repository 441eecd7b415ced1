/**
 * Rule settings as ESLint users write them: a later setting that changes only the severity (an override, --rule
 * id:error, the API's rules over a configuration) keeps the options configured before it; the array form
 * `['error', { …options }]` works in the API as in configuration files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, lintFiles } from '../../src/index.js';
import { runCli, tempFolder } from '../support/cli.js';
import { sample } from '../support/reports.js';

let dir: string;
let done: () => void;
beforeAll(() => {
  ({ dir, done } = tempFolder());
  mkdirSync(join(dir, 'sub'));
  writeFileSync(
    join(dir, '.reportlintrc.json'),
    JSON.stringify({
      rules: { 'label-variant': ['warn', { rows: false }] },
      overrides: [{ files: ['sub/**'], rules: { 'label-variant': 'error' } }],
    }),
  );
  writeFileSync(join(dir, 'sub', 'r.txt'), sample('made/label-variant--2021-tab.txt'));
  writeFileSync(join(dir, 'r.txt'), sample('made/label-variant--2021-tab.txt'));
});
afterAll(() => done());

const printed = (file: string, extra: string[] = []) => JSON.parse(runCli(['--print-config', file, ...extra], { cwd: dir }).stdout).rules['label-variant'];

test('an override that sets only the severity keeps the configured options', () => {
  expect(printed('sub/r.txt')).toEqual(['error', { headings: true, rows: false, columns: true }]);
});

test('--rule id:severity keeps the configured options', () => {
  expect(printed('r.txt', ['--rule', 'label-variant:error'])).toEqual(['error', { headings: true, rows: false, columns: true }]);
});

test("the API: ['error', { …options }] is a rule setting; rules over a configuration keep its options", async () => {
  const text = sample('made/label-variant--2021-tab.txt');
  const all = lint(text, { rules: { 'label-variant': 'error' } }).messages.filter((m) => m.ruleId === 'label-variant');
  const noRows = lint(text, { rules: { 'label-variant': ['error', { rows: false }] as never } }).messages.filter((m) => m.ruleId === 'label-variant');
  expect(all.length).toBeGreaterThan(noRows.length);
  expect(noRows.every((m) => m.severity === 2)).toBe(true);
  const [r] = await lintFiles(['r.txt'], { cwd: dir, rules: { 'label-variant': 'error' } });
  expect(r.messages.filter((m) => m.ruleId === 'label-variant')).toHaveLength(noRows.length);
});
