import { defineRule } from '../src/engine/rule.js';
import { evaluateRelations } from '../src/format/relations.js';
import { columnName, relationSuggestions } from '../src/rule-kit.js';

export default defineRule({
  meta: {
    id: 'review-total',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '第四部分：行政复议、未经复议直接起诉、复议后起诉的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和',
      en: 'Section 四: each 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
    },
    docs: 'docs/rules/review-total.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
    hasSuggestions: true,
  },
  check(report, ctx) {
    for (const r of evaluateRelations(report, ctx.format, 'review-total')) {
      if (r.holds) continue;
      const t = r.relation.anchor.table;
      const total = columnName(ctx.format, t, r.relation.anchor.column);
      ctx.report({
        node: r.anchor,
        message: `「${total}」应为 ${r.rhsSum}（结果维持、结果纠正、其他结果、尚未审结之和），实为 ${r.lhsSum}`,
        expected: r.rhsSum,
        actual: r.lhsSum,
        related: r.rhs.map((cell, i) => ({ node: cell, message: `${columnName(ctx.format, t, r.relation.rhs[i].column)}：${cell.value}` })),
        suggestions: relationSuggestions(r, {
          isTotal: (side) => side === 'lhs',
          name: (side, i) => `「${columnName(ctx.format, t, (side === 'lhs' ? r.relation.lhs : r.relation.rhs)[i].column)}」`,
          othersRight: '结果维持、结果纠正、其他结果、尚未审结的数字',
          totalRight: `「${total}」`,
        }),
      });
    }
  },
});
