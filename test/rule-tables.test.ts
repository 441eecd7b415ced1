/**
 * The rules tables of README.md and docs/guide.md are what scripts/rule-tables.mjs makes from the rules' meta: a
 * rule added to the registry (rules/index.ts), or a description changed, fails this test until `npm run docs:rules`
 * is run.
 */
import { builtinRules } from '../src/index.js';
import { ROOT } from './support/root.js';
// @ts-expect-error: a plain ES module script, without type declarations
import { END, START, TARGETS, rulesTable, tables, withTable } from '../scripts/rule-tables.mjs';

type Meta = (typeof builtinRules.rules)[number]['meta'];

test.each(TARGETS.map((t: { file: string }) => t.file) as string[])('%s: the rules table is up to date (npm run docs:rules)', (file: string) => {
  const t = (tables(ROOT, builtinRules.rules) as Array<{ file: string; text: string; wanted: string }>).find((x) => x.file === file)!;
  expect(t.text).toBe(t.wanted);
});

test('every registered rule has a row, in the order of the registry, linked to its page', () => {
  const rows = (rulesTable(builtinRules.rules, 'en') as string).split('\n').slice(2);
  expect(rows.map((r) => /^\| \[`([^`]+)`\]\(([^)]+)\)/.exec(r)!.slice(1))).toEqual(builtinRules.rules.map((r) => [r.meta.id, r.meta.docs]));
  const zh = (rulesTable(builtinRules.rules, 'zh', 'docs') as string).split('\n').slice(2);
  expect(zh.map((r) => /^\| \[([^\]]+)\]\(([^)]+)\)/.exec(r)!.slice(1))).toEqual(builtinRules.rules.map((r) => [r.meta.id, `rules/${r.meta.id}.md`]));
});

test('a rule added to the registry gets its row without any other edit', () => {
  const meta: Meta = {
    id: 'title-year',
    type: 'problem',
    severity: 'warn',
    description: { zh: '标题中的年份与正文|表格一致', en: 'The year in the title agrees with the text' },
    docs: 'docs/rules/title-year.md',
    schema: { type: 'object' },
    fixable: true,
  };
  const table = rulesTable([...builtinRules.rules, { meta, check: () => {} }], 'zh', 'docs') as string;
  expect(table.split('\n').at(-1)).toBe('| [title-year](rules/title-year.md) | 警告 | 可自动修正 | 标题中的年份与正文\\|表格一致 |');
});

test('only the part between the markers is rewritten; missing or doubled markers are an error', () => {
  const text = `# x\n\n${START}\nold\n${END}\n\nafter\n`;
  expect(withTable(text, '| t |', 'x.md')).toBe(`# x\n\n${START}\n| t |\n${END}\n\nafter\n`);
  expect(() => withTable('# x\n', '| t |', 'x.md')).toThrow(/x\.md: the rules table must stand between/);
  expect(() => withTable(`${START}\n${END}\n${START}\n${END}\n`, '| t |', 'x.md')).toThrow(/must stand between one/);
});
