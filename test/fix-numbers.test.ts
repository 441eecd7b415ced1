/** The engine refuses every fix that would change a number, whatever rule, plugin or dictionary offers it. */
import { applyFixes, isSafeFix, lint, definePlugin, defineRule } from '../src/index.js';
import { sample } from './support/reports.js';

test('a decimal point, a thousands separator, a sign or a percent sign is part of the number', () => {
  const text = '资金1.5万元，共1,234件，增长-3%';
  const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as [number, number];
  expect(isSafeFix(text, { range: at('1.5万元'), text: '15万元' })).toBe(false);
  expect(isSafeFix(text, { range: at('1.5万元'), text: '1．5万元' })).toBe(true); // full-width, same value as written
  expect(isSafeFix(text, { range: at('1,234件'), text: '1234件' })).toBe(false);
  expect(isSafeFix(text, { range: at('-3%'), text: '3%' })).toBe(false);
  expect(isSafeFix(text, { range: at('-3%'), text: '-3' })).toBe(false);
  expect(isSafeFix(text, { range: at('资金'), text: '经费' })).toBe(true);
  expect(applyFixes(text, [{ ruleId: 'x', severity: 1, message: '', line: 1, column: 1, endLine: 1, endColumn: 1, fix: { range: at('1.5万元'), text: '15万元' } }]).applied).toEqual([]);
});

test("a plugin's fix that drops a decimal point is not applied by --fix (the finding stays, unfixed)", () => {
  const text = sample('made/ok--2021-tab.txt') + '\n本年度信息化经费1.5万元。\n';
  const start = text.indexOf('1.5万元');
  const rule = defineRule({
    meta: { id: 'wan', type: 'suggestion', severity: 'warn', description: { zh: '万元写法', en: 'wan' }, docs: 'x', schema: { type: 'object' } },
    check(_report, ctx) {
      ctx.report({ node: { position: ctx.source.position(start, start + 5) }, message: '写法', fix: { range: [start, start + 5], text: '15万元' } });
    },
  });
  const r = lint(text, { filePath: 'r.txt', plugins: [definePlugin({ name: 'p', rules: [rule] })], fix: true });
  expect(r.output ?? text).toContain('1.5万元');
  expect(r.messages.some((m) => m.ruleId === 'p/wan')).toBe(true);
});
