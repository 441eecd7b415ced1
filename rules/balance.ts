import { relationRule } from './relation.js';

export default relationRule(
  {
    id: 'balance',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '第三部分每一列：一（本年新收）+ 二（上年结转）= （七）总计 + 四（结转下年度继续办理）',
      en: 'Section 三, per column: new + carried over = total handled + carried forward',
    },
    docs: 'docs/rules/balance.md',
  },
  ['balance'],
  {
    message: (t) =>
      `「${t.column}」列勾稽关系不成立：${t.short('lhs', 0)}（${t.r.lhs[0].value}）+ ${t.short('lhs', 1)}（${t.r.lhs[1].value}）= ${t.r.lhsSum}，` +
      `${t.short('rhs', 0)}（${t.r.rhs[0].value}）+ ${t.short('rhs', 1)}（${t.r.rhs[1].value}）= ${t.r.rhsSum}，两者应相等`,
    expected: 'lhs',
    related: 'all',
    relatedName: (t, side, i) => t.rowOf(side, i),
    // no cell of the four is "the total": each may be the wrong one
    suggestionName: (t, side, i) => `「${t.rowOf(side, i)}」「${t.column}」`,
    othersRight: () => '',
    totalRight: () => '其他三个数字',
  },
);
