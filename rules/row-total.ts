import { relationRule } from './relation.js';

export default relationRule(
  {
    id: 'row-total',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '第三部分每一行：“总计”应等于各类申请人（自然人及五类法人或其他组织）之和',
      en: "Section 三, every data row: 总计 equals the sum of the six applicant columns",
    },
    docs: 'docs/rules/row-total.md',
  },
  ['row-total'],
  {
    message: (t) => `「${t.row}」的${t.column}应为 ${t.r.rhsSum}（${t.parts}之和），实为 ${t.r.lhsSum}`,
    expected: 'rhs',
    related: 'rhs',
    relatedName: (t, side, i) => t.columnOf(side, i),
    totalSide: 'lhs',
    suggestionName: (t, side, i) => (side === 'lhs' ? t.column : t.columnOf(side, i)),
    othersRight: (t) => `${t.parts}数字`,
    totalRight: (t) => t.column,
  },
);
