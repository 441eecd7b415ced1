/**
 * outcome-total: in section 三, （七）总计 = （一）+（二）+ the sub-rows of （三）（四）（五）+ the sub-rows of （六）, per
 * column; the finding is on （七）总计's cell, the rows summed as related places.
 */
import rule from '../../rules/outcome-total.js';
import { RuleTester } from '../support/rule-tester.js';
import { asWordExport, edit, madeSamplesWithout, section3With, smallReport, toPipeTables } from '../support/reports.js';

// one more repeated application (（五）2. 重复申请) from a person than （七）总计 counts
const repeated2 = section3With('2. 重复申请', 'natural', 2);
const MESSAGE = '（七）总计「自然人」栏应为 11（（一）至（六）之和），实为 10';

new RuleTester().run('outcome-total', rule, {
  valid: [
    { name: 'the outcomes add up to （七）总计 (tab rows)', code: smallReport() },
    { name: 'the same report as a Word text export', code: asWordExport(smallReport()) },
    { name: 'the same report with Markdown pipe tables', code: toPipeTables(smallReport()), filePath: 'report.md' },
    // 一、本年新收 is not an outcome: a wrong number there is balance's and row-total's
    { name: 'a number changed in 一、本年新收 is not an outcome error', code: smallReport(section3With('一、本年新收', 'natural', 11)) },
    // a blank outcome cell is never taken for 0: that column is not checked
    { name: 'a blank cell among the outcomes: its column is not checked', code: edit(smallReport(), '\t\t2. 重复申请\t1\t', '\t\t2. 重复申请\t\t') },
    ...madeSamplesWithout('outcome-total'),
  ],
  invalid: [
    {
      name: 'a sub-row of （五）不予处理 one more than （七）总计 counts (tab rows)',
      code: smallReport(repeated2),
      errors: [
        {
          message: MESSAGE,
          line: 42,
          column: 9,
          endLine: 42,
          endColumn: 11,
          severity: 2,
          expected: '11',
          actual: '10',
        },
      ],
      output: null,
    },
    {
      name: 'the same in a Word text export',
      code: asWordExport(smallReport(repeated2)),
      errors: [{ message: MESSAGE, line: 314, column: 2, endLine: 314, endColumn: 4 }],
      output: null,
    },
    {
      name: 'the sub-row adds up across (its total changed too): the 自然人 and 总计 columns, with suggestions',
      code: smallReport(section3With('2. 重复申请', 'total', 2, repeated2)),
      errors: [
        {
          message: MESSAGE,
          line: 42,
          column: 9,
          suggestions: [
            { desc: '若（一）至（六）各项数字无误，把「（七）总计」「自然人」改为 11', output: smallReport(section3With('(七) 总计', 'natural', 11, section3With('2. 重复申请', 'total', 2, repeated2))) },
            { desc: '若（七）总计「自然人」无误，「（一）予以公开」「自然人」应为 4', output: smallReport(section3With('(一) 予以公开', 'natural', 4, section3With('2. 重复申请', 'total', 2, repeated2))) },
            { desc: '若（七）总计「自然人」无误，「（二）部分公开」「自然人」应为 0', output: smallReport(section3With('(二) 部分公开', 'natural', 0, section3With('2. 重复申请', 'total', 2, repeated2))) },
            { desc: '若（七）总计「自然人」无误，「（三）不予公开1.属于国家秘密」「自然人」应为 0', output: smallReport(section3With('1. 属于国家秘密', 'natural', 0, section3With('2. 重复申请', 'total', 2, repeated2))) },
            { desc: '若（七）总计「自然人」无误，「（四）无法提供1.本机关不掌握相关政府信息」「自然人」应为 1', output: smallReport(section3With('1. 本机关不掌握相关政府信息', 'natural', 1, section3With('2. 重复申请', 'total', 2, repeated2))) },
            { desc: '若（七）总计「自然人」无误，「（五）不予处理2.重复申请」「自然人」应为 1', output: smallReport(section3With('2. 重复申请', 'total', 2)) },
          ],
        },
        { message: '（七）总计「总计」栏应为 14（（一）至（六）之和），实为 13', line: 42, column: 22, endLine: 42, endColumn: 24 },
      ],
      output: null,
    },
  ],
});
