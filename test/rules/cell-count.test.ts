/**
 * cell-count: a table row with fewer or more number cells than the format's columns; which number belongs to which
 * column cannot be told, so the row is left out of the sums, and the finding (on the whole row) says so.
 */
import rule from '../../rules/cell-count.js';
import { RuleTester } from '../support/rule-tester.js';
import { SECTION3, SECTION4, asWordExport, edit, madeSamplesWithout, smallReport, toPipeTables } from '../support/reports.js';

const CARRIED = '二、上年结转政府信息公开申请数量\t\t2\t0\t0';
const oneShort = edit(smallReport(), CARRIED, '二、上年结转政府信息公开申请数量\t\t2\t0');
const SHORT = '「二、上年结转政府信息公开申请数量」应有 7 个数字格，实有 6 个（少了 1 个）；无法确定各数字对应哪一列，本行不参与求和核对';

new RuleTester().run('cell-count', rule, {
  valid: [
    { name: 'every row has its seven numbers (tab rows)', code: smallReport() },
    { name: 'the same report as a Word text export', code: asWordExport(smallReport()) },
    { name: 'the same report with Markdown pipe tables', code: toPipeTables(smallReport()), filePath: 'report.md' },
    { name: 'section 四’s row has its fifteen numbers', code: smallReport(SECTION3, { section4: SECTION4 }) },
    // a blank cell between tabs is still a cell: cell-empty's finding
    { name: 'a blank cell is a cell (cell-empty’s finding)', code: edit(smallReport(), CARRIED, '二、上年结转政府信息公开申请数量\t\t2\t\t0') },
    ...madeSamplesWithout('cell-count'),
  ],
  invalid: [
    {
      name: 'a row with a number left out (tab rows): on the whole row',
      code: oneShort,
      errors: [{ message: SHORT, line: 20, column: 1, endLine: 20, endColumn: 30, severity: 1, expected: '7', actual: '6' }],
      output: null,
    },
    {
      name: 'the same in a Word text export: from the label to the last number, over eight lines',
      code: asWordExport(oneShort),
      errors: [{ message: SHORT, line: 73, column: 2, endLine: 80, endColumn: 3 }],
      output: null,
    },
    {
      name: 'section 四’s data row with a number too many',
      code: smallReport(SECTION3, { section4: [...SECTION4, 0] }),
      errors: [{ message: '第四部分表格的数据行应有 15 个数字格，实有 16 个（多了 1 个）；无法确定各数字对应哪一列，本行不参与求和核对', line: 50, column: 1, endLine: 50, endColumn: 32, expected: '15', actual: '16' }],
      output: null,
    },
  ],
});
