/**
 * row-total: in section 三, every data row's 总计 = the six applicant columns; the finding is on the 总计 cell, with
 * the six cells as related places and suggestions (the total as the parts make it, each part as the total makes it).
 */
import rule from '../../rules/row-total.js';
import { RuleTester } from '../support/rule-tester.js';
import { SECTION3, asWordExport, edit, madeSamplesWithout, section3With, smallReport, toPipeTables } from '../support/reports.js';

// （一）予以公开: 5 people and 2 companies, written 8 in all
const granted8 = smallReport(section3With('(一) 予以公开', 'total', 8));
const MESSAGE = '「（一）予以公开」的总计应为 7（六类申请人之和），实为 8';

new RuleTester().run('row-total', rule, {
  valid: [
    { name: 'every row adds up (tab rows)', code: smallReport() },
    { name: 'the same report as a Word text export', code: asWordExport(smallReport()) },
    { name: 'the same report with Markdown pipe tables', code: toPipeTables(smallReport()), filePath: 'report.md' },
    // （七）总计 no longer equals the rows above it, but each row still adds up: outcome-total's finding, not this one
    { name: 'a wrong 总计 row that adds up across is not a row-total error', code: smallReport(section3With('(七) 总计', 'natural', 11, section3With('(七) 总计', 'total', 14))) },
    // the row cannot be checked when a cell is blank (cell-empty says so)
    { name: 'a row with a blank cell is not checked', code: edit(smallReport(), '(一) 予以公开\t5\t2\t', '(一) 予以公开\t\t2\t') },
    ...madeSamplesWithout('row-total'),
  ],
  invalid: [
    {
      name: 'a total one more than its row (tab rows)',
      code: granted8,
      errors: [
        {
          message: MESSAGE,
          line: 21,
          column: 32,
          endLine: 21,
          endColumn: 33,
          severity: 2,
          expected: '7',
          actual: '8',
          suggestions: [
            { desc: '若六类申请人数字无误，把总计改为 7', output: smallReport() },
            { desc: '若总计无误，自然人应为 6', output: smallReport(section3With('(一) 予以公开', 'natural', 6, section3With('(一) 予以公开', 'total', 8))) },
            { desc: '若总计无误，商业企业应为 3', output: smallReport(section3With('(一) 予以公开', 'commercial', 3, section3With('(一) 予以公开', 'total', 8))) },
            { desc: '若总计无误，科研机构应为 1', output: smallReport(section3With('(一) 予以公开', 'research', 1, section3With('(一) 予以公开', 'total', 8))) },
            { desc: '若总计无误，社会公益组织应为 1', output: smallReport(section3With('(一) 予以公开', 'public_welfare', 1, section3With('(一) 予以公开', 'total', 8))) },
            { desc: '若总计无误，法律服务机构应为 1', output: smallReport(section3With('(一) 予以公开', 'legal_service', 1, section3With('(一) 予以公开', 'total', 8))) },
            { desc: '若总计无误，其他应为 1', output: smallReport(section3With('(一) 予以公开', 'other', 1, section3With('(一) 予以公开', 'total', 8))) },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the same in a Word text export',
      code: asWordExport(granted8),
      errors: [{ message: MESSAGE, line: 91, column: 2, endLine: 91, endColumn: 3 }],
      output: null,
    },
    {
      name: 'the same with Markdown pipe tables',
      code: toPipeTables(granted8),
      filePath: 'report.md',
      errors: [{ message: MESSAGE, line: 23, column: 50, endLine: 23, endColumn: 51 }],
      output: null,
    },
    {
      name: 'one row a person short, another a person over (the column sums unchanged): two findings, in order',
      code: smallReport(section3With('二、上年结转', 'natural', 1, section3With('四、结转下年度', 'natural', 3))),
      errors: [
        { message: '「二、上年结转政府信息公开申请数量」的总计应为 1（六类申请人之和），实为 2', line: 20, column: 31 },
        { message: '「四、结转下年度继续办理」的总计应为 3（六类申请人之和），实为 2', line: 43, column: 26 },
      ],
      output: null,
    },
  ],
});
