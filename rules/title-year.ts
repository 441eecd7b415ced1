import { defineRule } from '../src/engine/rule.js';
import { compareDates, formatDate, type DatedText } from '../src/prose/identity.js';

export default defineRule({
  meta: {
    id: 'title-year',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '标题应写明报告年度；标题的年份与落款日期、标题下的日期、网页发布日期应相符（成文不能早于报告年度结束）',
      en: 'The title names the report year; the title year agrees with the signing date, a date under the title and the page date',
    },
    docs: 'docs/rules/title-year.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(report, ctx) {
    const id = ctx.identity();
    const t = id.title;
    if (!t) return;
    if (t.year === undefined) {
      const hints: string[] = [];
      const p = id.period;
      if (p?.from) hints.push(`统计期限从 ${p.from.year} 年开始`);
      else if (p?.wholeYear) hints.push(`统计期限为 ${p.wholeYear} 年度`);
      if (id.signature) hints.push(`落款日期为「${id.signature.text}」`);
      ctx.report({
        node: t.node,
        message: `标题「${t.compact}」没有写报告年度（如「${id.year ?? 'XXXX'}年度」）${hints.length ? `；${hints.join('，')}` : ''}`,
        severity: 'warn',
      });
      return;
    }
    const y = t.year;
    const yearRel = t.yearNode ? [{ node: t.yearNode, message: `标题中的年份：${y}` }] : [];
    const dates: Array<{ d: DatedText; what: string }> = [];
    if (id.signature) dates.push({ d: id.signature, what: '落款日期' });
    if (id.dateUnderTitle && id.dateUnderTitle !== id.signature) dates.push({ d: id.dateUnderTitle, what: '标题下的日期' });
    if (id.published) dates.push({ d: id.published, what: '网页发布日期' });
    for (const { d, what } of dates) {
      if (compareDates(d.date, { year: y + 1, month: 1, day: 1 }) < 0) {
        ctx.report({
          node: d.node,
          message: `${what}「${formatDate(d.date)}」早于报告年度 ${y} 年结束：${y} 年度的报告应在 ${y + 1} 年编制发布，标题年份或日期有误`,
          expected: `${y + 1}年或以后`,
          actual: formatDate(d.date),
          related: yearRel,
        });
      } else if (what === '落款日期' && d.date.year > y + 1) {
        ctx.report({
          node: d.node,
          message: `${what}「${formatDate(d.date)}」比报告年度 ${y} 年晚了不止一年（通常在 ${y + 1} 年初）：标题年份是否沿用了往年的？`,
          severity: 'warn',
          related: yearRel,
        });
      }
    }
  },
});
