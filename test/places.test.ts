/**
 * Issue 9, locations people can use: in web pages the stylish output shows the logical place (第 2 个表格第 5 行第 3
 * 格, 第一部分第 1 段) next to line:column, and codeframe cuts long source lines to a window around the finding.
 */
import { lint } from '../src/index.js';
import { formatters } from '../src/formatters/index.js';
import { sourceWindow } from '../src/formatters/codeframe.js';
import { LIMITS } from '../src/io/limits.js';
import { reportPage } from './support/pages.js';

const ctx = { cwd: '/', colorLevel: 0 as const, rules: new Map(), env: {} };

test('stylish: a page finding in a table cell shows its table, row and cell beside line:column', () => {
  const html = reportPage({ t3Cell: ['r1', 0, '三'] });
  const r = lint(html, { filePath: '/r.html' });
  const m = r.messages.find((x) => x.ruleId === 'cell-value')!;
  expect(m.place?.text).toMatch(/^第 \d+ 个表格第 \d+ 行第 \d+ 格$/);
  const out = formatters.stylish([{ ...r, filePath: '/r.html' }], ctx);
  expect(out).toContain(`${m.line}:${m.column} ${m.place!.text}  错误`);
});

test('stylish and JSON: a finding in a paragraph of a page is placed in its section', () => {
  const html =
    '<html><body><p>某县2021年政府信息公开工作年度报告</p><p><b>一、总体情况</b></p><p>本年度我县公开信息。</p><p>截止2021年底，我县公开信息。</p>' +
    '<p><b>二、主动公开政府信息情况</b></p></body></html>';
  const r = lint(html, { filePath: '/p.html', rules: { 'prose-typo': 'warn', 'section-missing': 'off', 'table-incomplete': 'off' } });
  const m = r.messages.find((x) => x.ruleId === 'prose-typo')!;
  expect(m.place).toEqual({ paragraph: 2, text: '第一部分第 2 段' });
  expect(formatters.stylish([{ ...r, filePath: '/p.html' }], ctx)).toContain(`${m.line}:${m.column} 第一部分第 2 段  警告`);
});

test('stylish: text files show line:column only', () => {
  const r = lint('某县2021年政府信息公开工作年度报告\n\n一、总体情况\n\n截止2021年底，我县公开信息。\n', { filePath: '/r.txt', rules: { 'prose-typo': 'warn', 'section-missing': 'off' } });
  const out = formatters.stylish([{ ...r, filePath: '/r.txt' }], ctx);
  expect(out).toMatch(/\n {2}5:1 {2}警告 {2}「截止」应为「截至」/);
});

test("codeframe: a long source line is cut to a window around the finding, the marks under it", async () => {
  const filler = '<p style="text-align:justify"><span style="font-family:仿宋">&nbsp;</span></p>'.repeat(1500);
  const html = `<html><body><p>某县2021年政府信息公开工作年度报告</p><p><b>一、总体情况</b></p>${filler}<p>截止2021年底，我县公开信息。</p>${filler}<p><b>二、主动公开政府信息情况</b></p></body></html>`;
  const r = lint(html, { filePath: '/long.html', rules: { 'prose-typo': 'warn', 'section-missing': 'off', 'table-incomplete': 'off' } });
  expect(html.length).toBeGreaterThan(100_000);
  expect(r.messages.map((m) => m.ruleId)).toEqual(['prose-typo']);
  const out = formatters.codeframe([{ ...r, filePath: '/long.html', source: html }], ctx);
  expect(out.length).toBeLessThan(2000);
  const lines = out.split('\n');
  const at = lines.findIndex((l) => l.startsWith('> '));
  expect(lines[at]).toMatch(/^> 1 \| ….*截止2021年底.*…$/);
  // the marks stand under 截止
  const caret = lines[at + 1].indexOf('^');
  const shown = lines[at].slice(lines[at].indexOf('| ') + 2);
  const under = lines[at + 1].slice(lines[at + 1].indexOf('| ') + 2);
  expect(under.trimStart().startsWith('^^^^')).toBe(true);
  expect(caret).toBeGreaterThan(0);
  // display columns: the marks start where 截止 starts
  const stringWidth = (await import('string-width')).default;
  expect(stringWidth(shown.slice(0, shown.indexOf('截止')))).toBe(under.indexOf('^'));
});

test('sourceWindow: whole short lines; windows within the line, never splitting a surrogate pair', () => {
  expect(sourceWindow('短行', 0, 1)).toEqual({ start: 0, end: 2 });
  const long = 'a'.repeat(1000);
  const w = sourceWindow(long, 500, 504);
  expect(w.end - w.start).toBe(LIMITS.shownLineChars);
  expect(w.start).toBeLessThanOrEqual(500);
  expect(w.end).toBeGreaterThanOrEqual(504);
  expect(sourceWindow(long, 990, 995).end).toBe(1000);
  expect(sourceWindow(long, 2, 3).start).toBe(0);
  const emoji = '😀'.repeat(500);
  const e = sourceWindow(emoji, 401, 402);
  expect(e.start % 2).toBe(0);
  expect(e.end % 2).toBe(0);
});
