/**
 * review-total: in section 四, each 总计 (行政复议, 未经复议直接起诉, 复议后起诉) = 结果维持 + 结果纠正 + 其他结果 + 尚未审结;
 * the finding is on the 总计 cell.
 */
import rule from '../../rules/review-total.js';
import { RuleTester } from '../support/rule-tester.js';
import { SECTION3, SECTION4, asWordExport, madeSamplesWithout, smallReport, toPipeTables } from '../support/reports.js';

/** the report with section 四's table, one of its 15 values changed */
const withReview = (at?: number, value?: number | string) => smallReport(SECTION3, { section4: SECTION4.map((v, i) => (i === at ? value! : v)) });

new RuleTester().run('review-total', rule, {
  valid: [
    { name: 'section 四 adds up: 2 upheld + 1 corrected = 3 reviews; 1 upheld + 1 pending = 2 suits (tab rows)', code: withReview() },
    { name: 'the same report as a Word text export', code: asWordExport(withReview()) },
    { name: 'the same report with Markdown pipe tables', code: toPipeTables(withReview()), filePath: 'report.md' },
    { name: 'section 四 without its table: nothing to check', code: smallReport() },
    // a blank cell is never taken for 0: that group is not checked (cell-empty says why)
    { name: 'a blank cell in 行政复议: that total is not checked', code: withReview(1, '') },
    ...madeSamplesWithout('review-total'),
  ],
  invalid: [
    {
      name: '行政复议·总计 one more than its four results (tab rows)',
      code: withReview(4, 4),
      errors: [
        {
          message: '「行政复议·总计」应为 3（结果维持、结果纠正、其他结果、尚未审结之和），实为 4',
          line: 50,
          column: 9,
          endLine: 50,
          endColumn: 10,
          severity: 2,
          expected: '3',
          actual: '4',
          suggestions: [
            { desc: '若结果维持、结果纠正、其他结果、尚未审结的数字无误，把「行政复议·总计」改为 3', output: withReview() },
            { desc: '若「行政复议·总计」无误，「行政复议·结果维持」应为 3', output: smallReport(SECTION3, { section4: SECTION4.map((v, i) => (i === 4 ? 4 : i === 0 ? 3 : v)) }) },
            { desc: '若「行政复议·总计」无误，「行政复议·结果纠正」应为 2', output: smallReport(SECTION3, { section4: SECTION4.map((v, i) => (i === 4 ? 4 : i === 1 ? 2 : v)) }) },
            { desc: '若「行政复议·总计」无误，「行政复议·其他结果」应为 1', output: smallReport(SECTION3, { section4: SECTION4.map((v, i) => (i === 4 ? 4 : i === 2 ? 1 : v)) }) },
            { desc: '若「行政复议·总计」无误，「行政复议·尚未审结」应为 1', output: smallReport(SECTION3, { section4: SECTION4.map((v, i) => (i === 4 ? 4 : i === 3 ? 1 : v)) }) },
          ],
        },
      ],
      output: null,
    },
    {
      name: '未经复议直接起诉·总计 one short, in a Word text export',
      code: asWordExport(withReview(9, 1)),
      errors: [{ message: '「未经复议直接起诉·总计」应为 2（结果维持、结果纠正、其他结果、尚未审结之和），实为 1', line: 392, column: 2, endLine: 392, endColumn: 3 }],
      output: null,
    },
    {
      name: '复议后起诉·总计 written where there were no suits, with Markdown pipe tables',
      code: toPipeTables(withReview(14, 1)),
      filePath: 'report.md',
      errors: [{ message: '「复议后起诉·总计」应为 0（结果维持、结果纠正、其他结果、尚未审结之和），实为 1', line: 53, column: 59, endLine: 53, endColumn: 60 }],
      output: null,
    },
  ],
});
