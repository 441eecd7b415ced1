import { relationRule } from './relation.js';

export default relationRule(
  {
    id: 'outcome-total',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '第三部分：（七）总计应等于（一）（二）、（三）（四）（五）的各小项与（六）之和',
      en: 'Section 三: （七）总计 equals （一）+（二）+ the sub-rows of （三）（四）（五）+（六）',
    },
    docs: 'docs/rules/outcome-total.md',
  },
  ['outcome-total'],
  {
    message: (t) => `${t.row}「${t.column}」栏应为 ${t.r.rhsSum}（${t.parts}之和），实为 ${t.r.lhsSum}`,
    expected: 'rhs',
    related: 'rhs-nonzero',
    relatedName: (t, side, i) => t.rowOf(side, i),
    totalSide: 'lhs',
    suggestionName: (t, side, i) => `「${t.rowOf(side, i)}」「${t.column}」`,
    othersRight: (t) => `${t.parts}各项数字`,
    totalRight: (t) => `${t.row}「${t.column}」`,
  },
);
