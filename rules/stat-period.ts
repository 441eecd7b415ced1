import { defineRule } from '../src/engine/rule.js';
import { formatDate } from '../src/prose/identity.js';

export default defineRule({
  meta: {
    id: 'stat-period',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '统计期限应为报告年度的 1 月 1 日至 12 月 31 日：写成别的年份或别的时间段都是错误',
      en: 'The statistical period (统计期限) is 1 January to 31 December of the report year',
    },
    docs: 'docs/rules/stat-period.md',
    schema: {
      type: 'object',
      properties: { requirePeriod: { type: 'boolean', description: 'report a report that states no statistical period' } },
      additionalProperties: false,
    },
    defaultOptions: { requirePeriod: false },
  },
  check(report, ctx) {
    const id = ctx.identity();
    const p = id.period;
    // the report year: from the title, else from the signing date (never from the period itself)
    const y = id.title?.year ?? (id.yearSource === 'date' ? id.year : undefined);
    const yearFrom = id.title?.year !== undefined ? '标题' : '落款日期';
    if (!p) {
      if (ctx.options.requirePeriod && report.children.length) {
        const at = id.preamble[0] ?? id.title?.node ?? report.children[0];
        ctx.report({ node: at, message: '没有写统计期限（如「本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止」）', severity: 'warn' });
      }
      return;
    }
    const related = y !== undefined && id.title?.yearNode && yearFrom === '标题' ? [{ node: id.title.yearNode, message: `标题中的年份：${y}` }] : [];
    if (p.from && p.to) {
      const whole = p.from.month === 1 && p.from.day === 1 && p.to.month === 12 && p.to.day === 31 && p.from.year === p.to.year;
      if (!whole) {
        ctx.report({
          node: p.node,
          message: `统计期限「${formatDate(p.from)}至${formatDate(p.to)}」不是一个完整的年度（应为某年 1 月 1 日至同年 12 月 31 日）`,
          expected: y !== undefined ? `${y}年1月1日至${y}年12月31日` : undefined,
          actual: `${formatDate(p.from)}至${formatDate(p.to)}`,
          related,
        });
        return;
      }
      if (y !== undefined && p.from.year !== y) {
        ctx.report({
          node: p.node,
          message: `统计期限写的是 ${p.from.year} 年，${yearFrom}表明报告年度是 ${y} 年`,
          expected: `${y}年1月1日至${y}年12月31日`,
          actual: `${formatDate(p.from)}至${formatDate(p.to)}`,
          related,
        });
      }
      return;
    }
    if (p.wholeYear !== undefined && y !== undefined && p.wholeYear !== y) {
      ctx.report({ node: p.node, message: `统计期限写的是 ${p.wholeYear} 年度，${yearFrom}表明报告年度是 ${y} 年`, expected: `${y}年度`, actual: `${p.wholeYear}年度`, related });
    }
  },
});
