import { defineRule } from '../src/engine/rule.js';
import { formatMismatch, formatName } from '../src/prose/format-year.js';

export default defineRule({
  meta: {
    id: 'format-year',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '报告的表格用了与年份不符的格式（2021 年及以后的报告用了 2019 年格式，或 2019、2020 年的报告用了 2021 年格式）；此时这些表格不给出改写标签的自动修改',
      en: 'The tables are written in the format of another year (a 2021-or-later report in the 2019 format, or the reverse); label fixes are then withheld in those tables',
    },
    docs: 'docs/rules/format-year.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(report, ctx) {
    const m = formatMismatch(report, ctx.format, ctx.identity());
    if (!m) return;
    const shown = m.labels.slice(0, 3).map((l) => `「${l.value}」`).join('');
    const more = m.labels.length > 3 ? `等 ${m.labels.length} 处` : '';
    const from = m.yearFrom === 'title' ? '标题' : '统计期限';
    const id = ctx.identity();
    const yearNode = m.yearFrom === 'title' ? id.title?.yearNode : id.period?.node;
    ctx.report({
      node: m.labels[0],
      message: `${from}写明是 ${m.year} 年度的报告，应使用 ${formatName(ctx.format)}，表格却是 ${formatName(m.other)} 的写法：${shown}${more}（这些标签不会被自动改写）`,
      expected: ctx.format.short,
      actual: m.other.short,
      related: [
        ...(yearNode ? [{ node: yearNode, message: `${from}中的年份：${m.year}` }] : []),
        ...m.labels.slice(1, 6).map((l) => ({ node: l, message: `${m.other.short} 年格式的写法「${l.value}」` })),
      ],
    });
  },
});
