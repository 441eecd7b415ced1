import { relationRule } from './relation.js';

export default relationRule(
  {
    id: 'review-total',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '第四部分：行政复议、未经复议直接起诉、复议后起诉的“总计”应等于结果维持、结果纠正、其他结果、尚未审结之和',
      en: 'Section 四: each 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结',
    },
    docs: 'docs/rules/review-total.md',
  },
  ['review-total'],
  {
    message: (t) => `「${t.column}」应为 ${t.r.rhsSum}（${t.parts}之和），实为 ${t.r.lhsSum}`,
    expected: 'rhs',
    related: 'rhs',
    relatedName: (t, side, i) => t.columnOf(side, i),
    totalSide: 'lhs',
    suggestionName: (t, side, i) => `「${t.columnOf(side, i)}」`,
    othersRight: (t) => `${t.parts}的数字`,
    totalRight: (t) => `「${t.column}」`,
  },
);
