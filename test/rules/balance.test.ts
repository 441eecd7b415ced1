/**
 * balance: in section 三, per column, 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理; the finding is on
 * （七）总计's cell, with the four cells as related places and a suggestion for each.
 */
import rule from '../../rules/balance.js';
import { RuleTester } from '../support/rule-tester.js';
import { SECTION3, asWordExport, edit, madeSamplesWithout, section3With, smallReport, toPipeTables } from '../support/reports.js';

// 四、结转下年度继续办理 says 3 people's applications go on to next year where 10 + 2 − 10 = 2 do
const carriedOver3 = smallReport(section3With('四、结转下年度', 'natural', 3));
const MESSAGE = '「自然人」列勾稽关系不成立：一、本年新收（10）+ 二、上年结转（2）= 12，（七）总计（10）+ 四、结转下年度继续办理（3）= 13，两者应相等';

new RuleTester().run('balance', rule, {
  valid: [
    { name: 'every column balances (tab rows)', code: smallReport() },
    { name: 'the same report as a Word text export', code: asWordExport(smallReport()) },
    { name: 'the same report with Markdown pipe tables', code: toPipeTables(smallReport()), filePath: 'report.md' },
    // a row's total is wrong (row-total's finding), but no column's balance changes: 一, 二, （七） and 四 are as written
    { name: 'a wrong row total inside 三、本年度办理结果 is not a balance error', code: smallReport(section3With('(一) 予以公开', 'total', 8)) },
    // a blank cell is never taken for 0: the column cannot be checked (cell-empty says why)
    { name: 'a blank cell in 四、结转下年度: the column is not checked', code: edit(smallReport(), '四、结转下年度继续办理\t\t2\t', '四、结转下年度继续办理\t\t\t') },
    ...madeSamplesWithout('balance'),
  ],
  invalid: [
    {
      name: '四、结转下年度 one more than the column allows (tab rows)',
      code: carriedOver3,
      errors: [
        {
          message: MESSAGE,
          line: 42,
          column: 9,
          endLine: 42,
          endColumn: 11,
          severity: 2,
          expected: '12',
          actual: '13',
          suggestions: [
            { desc: '若其他三个数字无误，「一、本年新收政府信息公开申请数量」「自然人」应为 11', output: smallReport(section3With('四、结转下年度', 'natural', 3, section3With('一、本年新收', 'natural', 11))) },
            { desc: '若其他三个数字无误，「二、上年结转政府信息公开申请数量」「自然人」应为 3', output: smallReport(section3With('四、结转下年度', 'natural', 3, section3With('二、上年结转', 'natural', 3))) },
            { desc: '若其他三个数字无误，「（七）总计」「自然人」应为 9', output: smallReport(section3With('四、结转下年度', 'natural', 3, section3With('(七) 总计', 'natural', 9))) },
            { desc: '若其他三个数字无误，「四、结转下年度继续办理」「自然人」应为 2', output: smallReport() },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the same in a Word text export: the finding on the line of （七）总计 ‘自然人’',
      code: asWordExport(carriedOver3),
      errors: [{ message: MESSAGE, line: 314, column: 2, endLine: 314, endColumn: 4 }],
      output: null,
    },
    {
      name: '一、本年新收 and its row total both one short: the 自然人 and 总计 columns',
      code: smallReport(section3With('一、本年新收', 'natural', 9, section3With('一、本年新收', 'total', 12))),
      errors: [
        { message: '「自然人」列勾稽关系不成立：一、本年新收（9）+ 二、上年结转（2）= 11，（七）总计（10）+ 四、结转下年度继续办理（2）= 12，两者应相等', line: 42, column: 9 },
        { message: '「总计」列勾稽关系不成立：一、本年新收（12）+ 二、上年结转（2）= 14，（七）总计（13）+ 四、结转下年度继续办理（2）= 15，两者应相等', line: 42, column: 22 },
      ],
      output: null,
    },
  ],
});
