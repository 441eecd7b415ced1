/**
 * table-incomplete: the rows (and, asked for, the tables) of the format that were not found, one message per table,
 * at the table, with the sums that could not be checked because of them.
 */
import rule from '../../rules/table-incomplete.js';
import { RuleTester } from '../support/rule-tester.js';
import { SECTION3, SECTION4, edit, madeSamplesWithout, smallReport, toPipeTables } from '../support/reports.js';

const complete = smallReport(SECTION3, { section4: SECTION4 });
const lost = (labels: string[]) => smallReport(SECTION3.filter(([l]) => !labels.some((x) => l.includes(x))), { section4: SECTION4 });
const THREE = lost(['6. 属于四类过程性信息', '7. 属于行政执法案卷', '8. 属于行政查询事项']);

new RuleTester().run('table-incomplete', rule, {
  valid: [
    { name: 'every row of section 三 and the row of section 四 found', code: complete },
    { name: 'the same with Markdown pipe tables', code: toPipeTables(complete), filePath: 'report.md' },
    // a table the report does not have at all is said only when asked for (missingTables)
    { name: 'section 四 with no table at all: not said by default', code: smallReport() },
    // a row found with a number too many is cell-count's finding, unless asked for here
    { name: 'a row with a cell too many is cell-count’s', code: edit(complete, '二、上年结转政府信息公开申请数量\t\t2\t0', '二、上年结转政府信息公开申请数量\t\t2\t0\t0') },
    ...madeSamplesWithout('table-incomplete'),
  ],
  invalid: [
    {
      name: 'three rows of section 三 lost: one message at the table, naming them and the sums left unchecked',
      code: THREE,
      errors: [
        {
          message: '第三部分表格缺少 3 行：（三）不予公开6.属于四类过程性信息、（三）不予公开7.属于行政执法案卷、（三）不予公开8.属于行政查询事项；共 21 个数字格未读到，因此未能核对：outcome-total 7 处、row-total 3 处',
          severity: 1,
        },
      ],
      output: null,
    },
    {
      name: 'section 四 with no table, asked for with missingTables: at the section heading',
      code: smallReport(),
      options: { missingTables: true },
      errors: [
        { message: '第二部分「第二十条第（五）项」表格未找到（应有 1 行、1 个数字：行政许可）', line: 7, column: 1 },
        { message: '第二部分「第二十条第（六）项」表格未找到（应有 2 行、2 个数字：行政处罚、行政强制）', line: 7, column: 1 },
        { message: '第二部分「第二十条第（八）项」表格未找到（应有 1 行、1 个数字：行政事业性收费）', line: 7, column: 1 },
        { message: '第四部分表格未找到（应有 15 个数字），因此未能核对：review-total 3 处' },
      ],
      output: null,
    },
    {
      name: 'rowsWithUnreadableCells: a row with a number too many counts as not read',
      code: edit(complete, '二、上年结转政府信息公开申请数量\t\t2\t0', '二、上年结转政府信息公开申请数量\t\t2\t0\t0'),
      options: { rowsWithUnreadableCells: true },
      errors: [{ message: '第三部分表格中 1 行的数字无法逐一对应到列：「二、上年结转政府信息公开申请数量」（读到 0/7 个）；共 7 个数字格未读到，因此未能核对：balance 7 处、row-total 1 处', line: 16, column: 1 }],
      output: null,
    },
  ],
});
