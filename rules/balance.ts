import { defineRule } from '../src/engine/rule.js';
import { evaluateRelations } from '../src/format/relations.js';
import { columnName, relationSuggestions, rowName } from '../src/rule-kit.js';

export default defineRule({
  meta: {
    id: 'balance',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '第三部分每一列：一（本年新收）+ 二（上年结转）= （七）总计 + 四（结转下年度继续办理）',
      en: 'Section 三, per column: new + carried over = total handled + carried forward',
    },
    docs: 'docs/rules/balance.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
    hasSuggestions: true,
  },
  check(report, ctx) {
    for (const r of evaluateRelations(report, ctx.format, 'balance')) {
      if (r.holds) continue;
      const t = r.relation.anchor.table;
      const col = columnName(ctx.format, t, r.relation.anchor.column);
      const [a, b] = r.lhs;
      const [c, d] = r.rhs;
      ctx.report({
        node: r.anchor,
        message:
          `「${col}」列勾稽关系不成立：一、本年新收（${a.value}）+ 二、上年结转（${b.value}）= ${r.lhsSum}，` +
          `（七）总计（${c.value}）+ 四、结转下年度继续办理（${d.value}）= ${r.rhsSum}，两者应相等`,
        expected: r.lhsSum,
        actual: r.rhsSum,
        related: [...r.lhs, ...r.rhs].map((cell, i) => ({
          node: cell,
          message: `${rowName(ctx.format, t, [...r.relation.lhs, ...r.relation.rhs][i].row)}：${cell.value}`,
        })),
        // no cell of the four is "the total": each may be the wrong one
        suggestions: relationSuggestions(r, {
          isTotal: () => false,
          name: (side, i) => `「${rowName(ctx.format, t, (side === 'lhs' ? r.relation.lhs : r.relation.rhs)[i].row)}」「${col}」`,
          othersRight: '',
          totalRight: '其他三个数字',
        }),
      });
    }
  },
});
