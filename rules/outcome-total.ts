import { defineRule } from '../src/engine/rule.js';
import { evaluateRelations } from '../src/format/relations.js';
import { columnName, relationSuggestions, rowName } from '../src/rule-kit.js';

export default defineRule({
  meta: {
    id: 'outcome-total',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '第三部分：（七）总计应等于（一）（二）、（三）（四）（五）的各小项与（六）之和',
      en: 'Section 三: （七）总计 equals （一）+（二）+ the sub-rows of （三）（四）（五）+（六）',
    },
    docs: 'docs/rules/outcome-total.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
    hasSuggestions: true,
  },
  check(report, ctx) {
    for (const r of evaluateRelations(report, ctx.format, 'outcome-total')) {
      if (r.holds) continue;
      const t = r.relation.anchor.table;
      const col = columnName(ctx.format, t, r.relation.anchor.column);
      ctx.report({
        node: r.anchor,
        message: `（七）总计「${col}」栏应为 ${r.rhsSum}（（一）至（六）之和），实为 ${r.lhsSum}`,
        expected: r.rhsSum,
        actual: r.lhsSum,
        related: r.rhs
          .map((cell, i) => ({ cell, ref: r.relation.rhs[i] }))
          .filter(({ cell }) => cell.value !== 0)
          .map(({ cell, ref }) => ({ node: cell, message: `${rowName(ctx.format, t, ref.row)}：${cell.value}` })),
        suggestions: relationSuggestions(r, {
          isTotal: (side) => side === 'lhs',
          name: (side, i) => `「${rowName(ctx.format, t, (side === 'lhs' ? r.relation.lhs : r.relation.rhs)[i].row)}」「${col}」`,
          othersRight: '（一）至（六）各项数字',
          totalRight: `（七）总计「${col}」`,
        }),
      });
    }
  },
});
