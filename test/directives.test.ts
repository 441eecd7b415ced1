/**
 * Inline directives: each form, their scope, unknown ids, unused directives, --require-reason, fatal findings;
 * directive lines are never report text and never split a table (tab rows, one cell per line, pipe tables).
 * Through the API with a crafted plugin (findings exactly where the test puts them); the built CLI on the seeds is
 * in e2e/directives-cli.test.ts.
 */
import { defineRule, definePlugin, lint, type LintMessage, type LintResult } from '../src/index.js';
import { tables } from '../src/ast.js';
import { SEEDS, brief, parsed, readSample, toPipeTables } from './support/reports.js';

/** a rule that reports every occurrence of a mark in the report text (as the rules see it) */
const markRule = (id: string, mark: string) =>
  defineRule({
    meta: { id, type: 'problem', severity: 'error', description: { zh: `标记 ${mark}`, en: `mark ${mark}` }, docs: '', schema: { type: 'object' } },
    check(_report, ctx) {
      for (let i = ctx.source.text.indexOf(mark); i >= 0; i = ctx.source.text.indexOf(mark, i + 1)) {
        ctx.report({ node: { position: ctx.source.position(i, i + mark.length) }, message: `这里有 ${mark}` });
      }
    },
  });
const boom = defineRule({
  meta: { id: 'boom', type: 'problem', severity: 'error', description: { zh: '出错', en: 'throws' }, docs: '', schema: { type: 'object' } },
  check(report) {
    if (report.children.length) throw new Error('故意出错');
  },
});
const plugin = definePlugin({ name: 'test', rules: [markRule('a', 'Ⓐ'), markRule('b', 'Ⓑ')] });

/** seed 001 (no finding of its own) with lines appended to its last section; returns the text and the line of the first */
const BASE = readSample(SEEDS.s001);
const FIRST = BASE.split('\n').length + 1;
function report(lines: string[]): string {
  return BASE + '\n' + lines.join('\n');
}
function run(lines: string[], opts: Parameters<typeof lint>[1] = {}): LintResult {
  return lint(report(lines), { filePath: 'r.txt', plugins: [plugin], ...opts });
}
/** findings as "line rule" with the line counted from the first appended line (1-based) */
const at = (ms: LintMessage[] | undefined) => (ms ?? []).map((m) => `${m.line - FIRST + 1} ${m.ruleId}`);

describe('the forms and their scope', () => {
  test('no directive: every mark is reported', () => {
    expect(at(run(['甲Ⓐ', '乙Ⓑ', '丙ⒶⒷ']).messages)).toEqual(['1 test/a', '2 test/b', '3 test/a', '3 test/b']);
  });

  test('disable … enable: a rule silenced between them; the findings kept as suppressedMessages with the reason', () => {
    const r = run(['甲Ⓐ', 'report-lint-disable test/a -- 原样转载', '乙ⒶⒷ', '丙Ⓐ', 'report-lint-enable test/a', '丁Ⓐ']);
    expect(at(r.messages)).toEqual(['1 test/a', '3 test/b', '6 test/a']);
    expect(at(r.suppressedMessages)).toEqual(['3 test/a', '4 test/a']);
    expect(r.suppressedMessages![0].suppressions).toEqual([{ kind: 'directive', justification: '原样转载' }]);
    expect(r.errorCount).toBe(3);
  });

  test('disable without rules: every rule, to the end of the file when no enable follows', () => {
    const r = run(['甲Ⓐ', 'report-lint-disable', '乙ⒶⒷ', '', '丙Ⓑ']);
    expect(at(r.messages)).toEqual(['1 test/a']);
    expect(at(r.suppressedMessages)).toEqual(['3 test/a', '3 test/b', '5 test/b']);
  });

  test('enable of one rule after disable of all: that rule is back, the others stay silent; enable of all ends it', () => {
    const r = run(['report-lint-disable', '甲ⒶⒷ', 'report-lint-enable test/b', '乙ⒶⒷ', 'report-lint-enable', '丙ⒶⒷ']);
    expect(at(r.messages)).toEqual(['4 test/b', '6 test/a', '6 test/b']);
  });

  test('several rules in one directive, separated by commas, 、 or spaces', () => {
    for (const list of ['test/a, test/b', 'test/a，test/b', 'test/a、test/b', 'test/a test/b']) {
      const r = run([`report-lint-disable-next-line ${list}`, '甲ⒶⒷ', '乙Ⓐ']);
      expect({ list, found: at(r.messages) }).toEqual({ list, found: ['3 test/a'] });
    }
  });

  test('disable-next-line: the next line of report text only (blank and directive lines between are skipped)', () => {
    const r = run(['report-lint-disable-next-line test/a -- 说明', '', 'report-lint-disable-next-line test/b', '甲ⒶⒷ', '乙ⒶⒷ']);
    expect(at(r.messages)).toEqual(['5 test/a', '5 test/b']);
    expect(at(r.suppressedMessages)).toEqual(['4 test/a', '4 test/b']);
  });

  test('disable-line as a line of its own: the line of report text above it', () => {
    const r = run(['甲Ⓐ', '乙Ⓐ', 'report-lint-disable-line test/a -- 上一行是原文', '丙Ⓐ']);
    expect(at(r.messages)).toEqual(['1 test/a', '4 test/a']);
    expect(at(r.suppressedMessages)).toEqual(['2 test/a']);
  });

  test('disable-line as an HTML comment at the end of a line: that line; the comment is not report text', () => {
    const r = run(['甲Ⓐ <!-- report-lint-disable-line test/a -->', '乙Ⓐ']);
    expect(at(r.messages)).toEqual(['2 test/a']);
    expect(at(r.suppressedMessages)).toEqual(['1 test/a']);
  });

  test('HTML comments on lines of their own work as the plain lines do, in a .txt file too', () => {
    const r = run(['<!-- report-lint-disable test/b -- 原样转载 -->', '甲ⒶⒷ', '<!-- report-lint-enable test/b -->', '乙Ⓑ']);
    expect(at(r.messages)).toEqual(['2 test/a', '4 test/b']);
  });

  test('a disable directive in the middle of a line acts from its place on', () => {
    const r = run(['Ⓐ甲 <!-- report-lint-disable test/a --> Ⓐ乙', '丙Ⓐ']);
    expect(r.messages.map((m) => `${m.line - FIRST + 1}:${m.column}`)).toEqual(['1:1']);
    expect(r.suppressedMessages!.map((m) => `${m.line - FIRST + 1}:${m.column}`)).toEqual(['1:40', '2:2']);
  });

  test('fatal findings are never suppressed', () => {
    const text = 'report-lint-disable\n' + BASE;
    const r = lint(text, { plugins: [definePlugin({ name: 'x', rules: [boom] })] });
    expect(r.messages).toEqual([expect.objectContaining({ ruleId: 'x/boom', fatal: true, message: '规则「x/boom」运行出错：故意出错' })]);
    expect(r.fatalErrorCount).toBe(1);
  });

  test('findings without a rule are suppressed by directives without a rule list only', () => {
    const text = '# 说明\n\n这不是报告。\n';
    expect(lint(text).messages.map((m) => m.ruleId)).toEqual([null]);
    expect(lint('<!-- report-lint-disable label-variant -->\n' + text).messages.map((m) => m.ruleId)).toEqual([null]);
    expect(lint('<!-- report-lint-disable -- 不是报告 -->\n' + text).messages).toEqual([]);
  });
});

describe('findings about directives (ruleId null)', () => {
  test('an unknown rule id: an error at the id, with did-you-mean, whatever the options', () => {
    const r = run(['report-lint-disable-next-line test/c, label-varient', '甲Ⓐ']);
    const line = FIRST;
    expect(r.messages).toEqual([
      expect.objectContaining({ ruleId: null, severity: 2, line, column: 31, endColumn: 37, message: '指令「report-lint-disable-next-line」中的规则「test/c」不存在，是否想写「test/a」？' }),
      expect.objectContaining({ ruleId: null, severity: 2, line, column: 39, message: '指令「report-lint-disable-next-line」中的规则「label-varient」不存在，是否想写「label-variant」？' }),
      // a list of unknown ids only applies to nothing, not to every rule
      expect.objectContaining({ ruleId: 'test/a', line: line + 1 }),
    ]);
  });

  test('a rule that exists but is turned off is not unknown', () => {
    const r = run(['report-lint-disable-next-line test/a', '甲Ⓐ'], { rules: { 'test/a': 'off' }, reportUnusedDisableDirectives: true });
    expect(r.messages).toEqual([]);
  });

  test('an unknown directive word: an error with did-you-mean; its line is not report text either', () => {
    const r = run(['report-lint-disabel test/a', '甲Ⓐ']);
    expect(r.messages[0]).toMatchObject({
      ruleId: null,
      severity: 2,
      line: FIRST,
      message: '不认识的指令「report-lint-disabel」，是否想写「report-lint-disable」？可用的指令有：report-lint-disable、report-lint-enable、report-lint-disable-line、report-lint-disable-next-line',
    });
    expect(at(r.messages.slice(1))).toEqual(['2 test/a']);
  });

  test('unused directives: only when asked for, error by default, at the directive or at the unused rule id', () => {
    const lines = [
      'report-lint-disable-next-line test/a -- 用到了',
      '甲Ⓐ',
      'report-lint-disable-next-line test/b -- 这一行没有 Ⓑ',
      '乙Ⓐ',
      'report-lint-disable-line test/a, test/b',
      'report-lint-enable test/a',
      'report-lint-disable',
    ];
    expect(run(lines).messages).toEqual([]);
    const r = run(lines, { reportUnusedDisableDirectives: true });
    expect(r.messages.map((m) => [m.line - FIRST + 1, m.column, m.severity, m.message])).toEqual([
      [3, 1, 2, '指令「report-lint-disable-next-line」没有屏蔽任何问题（「test/b」在此处没有报告问题），可以删除'],
      [5, 34, 2, '指令「report-lint-disable-line」中的「test/b」没有屏蔽任何问题（此处没有这条规则的问题），可以删去'],
      [6, 1, 2, '指令「report-lint-enable」中的「test/a」此前并未关闭，不起作用'],
      [7, 1, 2, '指令「report-lint-disable」没有屏蔽任何问题，可以删除'],
    ]);
    // line 5 covers line 4 (the line of report text above it): its test/a was used there
    expect(at(r.suppressedMessages)).toEqual(['2 test/a', '4 test/a']);
    expect(run(lines, { reportUnusedDisableDirectives: 'warn' }).messages.filter((m) => m.ruleId === null).every((m) => m.severity === 1)).toBe(true);
    expect(run(lines, { reportUnusedDisableDirectives: 'off' }).messages).toEqual([]);
  });

  test('an enable with nothing disabled before it', () => {
    const r = run(['report-lint-enable', '甲'], { reportUnusedDisableDirectives: 'error' });
    expect(r.messages).toEqual([expect.objectContaining({ ruleId: null, line: FIRST, message: '指令「report-lint-enable」前面没有被关闭的规则，不起作用，可以删除' })]);
  });

  test('--require-reason: disable directives without a reason are errors; enable needs none; -- and —— both start a reason', () => {
    const lines = [
      'report-lint-disable-next-line test/a',
      '甲Ⓐ',
      'report-lint-disable-next-line test/a -- 原样转载',
      '乙Ⓐ',
      'report-lint-disable-next-line test/a ——上级要求',
      '丙Ⓐ',
      '<!-- report-lint-disable test/b -->',
      '<!-- report-lint-enable test/b -->',
      'report-lint-disable-next-line test/a --',
      '丁Ⓐ',
    ];
    expect(run(lines).messages).toEqual([]);
    const r = run(lines, { requireReason: true });
    expect(r.messages.map((m) => `${m.line - FIRST + 1}:${m.column}`)).toEqual(['1:1', '7:1', '9:1']);
    expect(r.messages[0]).toMatchObject({
      ruleId: null,
      severity: 2,
      message: '指令「report-lint-disable-next-line」没有写明原因：请在后面加上「-- 原因」，例如 report-lint-disable-next-line cell-empty -- 表格按上级要求原样转载',
    });
    expect(r.suppressedMessages!.map((m) => m.suppressions[0].justification)).toEqual(['', '原样转载', '上级要求', '']);
  });
});

describe('directive lines are not report text', () => {
  const base = readSample(SEEDS.s002);
  /** insert lines before a 1-based line */
  const insert = (text: string, before: number, ...lines: string[]) => {
    const all = text.split('\n');
    all.splice(before - 1, 0, ...lines);
    return all.join('\n');
  };
  const shape = (text: string, filePath = 'r.txt') =>
    tables(parsed(text, filePath)).map((t) => ({ id: t.tableId, rows: t.children.map((r) => `${r.rowId}:${r.label}:${r.children.map((c) => c.raw).join(',')}`) }));

  test('one cell per line (Word export): a directive between the cells of a row leaves the row whole', () => {
    // line 184 is a placeholder cell of the row whose label (line 185) is 3.危机“三安全一稳定”
    const text = insert(base, 185, 'report-lint-disable-next-line label-variant -- 原文如此');
    expect(shape(text)).toEqual(shape(base));
    const r = lint(text, { filePath: 'r.txt' });
    expect(brief(r.messages)).toEqual(['123:2 label-variant', '132:2 label-variant', '230:2 label-variant', '263:2 label-variant']);
    expect(brief(r.suppressedMessages!)).toEqual(['186:2 label-variant']);
  });

  test('tab rows: a directive line inside a table, and a comment after the last cell, change no row', () => {
    const t = readSample(SEEDS.s001);
    const lines = t.split('\n');
    // line 41 is （一）予以公开 of section 三
    const withComment = lines.map((l, i) => (i === 40 ? l + '\t<!-- report-lint-disable-line row-total -- 核对中 -->' : l)).join('\n');
    const text = insert(withComment, 42, '<!-- report-lint-disable-next-line cell-empty -->');
    expect(shape(text)).toEqual(shape(t));
    expect(lint(text).messages).toEqual([]);
  });

  test('the parse tree holds no directive text', () => {
    const text = insert(base, 120, 'report-lint-disable label-variant -- 原样', '', '<!-- report-lint-enable -->');
    expect(JSON.stringify(parsed(text))).not.toContain('report-lint');
  });

  test('a pipe table (Markdown): a comment line between its rows does not end it', () => {
    const md = toPipeTables(readSample(SEEDS.s001));
    const lines = md.split('\n');
    const i = lines.findIndex((l) => l.includes('2. 重复申请'));
    const text = insert(md, i + 1, '<!-- report-lint-disable-next-line cell-empty -- 原样 -->');
    expect(shape(md, 'r.md').find((x) => x.id === 'T3')!.rows).toHaveLength(25);
    expect(shape(text, 'r.md')).toEqual(shape(md, 'r.md'));
    // the comment as report text would end the table: the rows below it would be lost
    const asText = insert(md, i + 1, '<!-- just a comment -->');
    expect(shape(asText, 'r.md').find((x) => x.id === 'T3')!.rows.length).toBeLessThan(25);
  });
});
