import { defineRule } from '../src/engine/rule.js';
import { evaluateRelations } from '../src/format/relations.js';
import { columnName, relationSuggestions, rowName } from '../src/rule-kit.js';

export default defineRule({
  meta: {
    id: 'row-total',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '第三部分每一行：“总计”应等于六类申请人（自然人及五类法人或其他组织）之和',
      en: "Section 三, every data row: 总计 equals the sum of the six applicant columns",
    },
    docs: 'docs/rules/row-total.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
    hasSuggestions: true,
  },
  check(report, ctx) {
    for (const r of evaluateRelations(report, ctx.format, 'row-total')) {
      if (r.holds) continue;
      const t = r.relation.anchor.table;
      const row = rowName(ctx.format, t, r.relation.anchor.row);
      ctx.report({
        node: r.anchor,
        message: `「${row}」的总计应为 ${r.rhsSum}（六类申请人之和），实为 ${r.lhsSum}`,
        expected: r.rhsSum,
        actual: r.lhsSum,
        related: r.rhs.map((cell, i) => ({
          node: cell,
          message: `${columnName(ctx.format, t, r.relation.rhs[i].column)}：${cell.value}`,
        })),
        suggestions: relationSuggestions(r, {
          isTotal: (side) => side === 'lhs',
          name: (side, i) => (side === 'lhs' ? '总计' : columnName(ctx.format, t, r.relation.rhs[i].column)),
          othersRight: '六类申请人数字',
          totalRight: '总计',
        }),
      });
    }
  },
});
