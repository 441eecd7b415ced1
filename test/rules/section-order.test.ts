/**
 * section-order: the sections come in the format's order, numbered as the format numbers them, each number and each
 * section once; the finding is on the heading at fault.
 */
import rule from '../../rules/section-order.js';
import { RuleTester } from '../support/rule-tester.js';
import { SECTION3, SECTION4, asWordExport, edit, madeSamplesWithout, smallReport, toPipeTables } from '../support/reports.js';

const SECTION2 = '二、主动公开政府信息情况\n\n第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t0\n\n';

/** the report with section 四 (its table too) moved after section 五 */
function fourAfterFive(): string {
  const text = smallReport(SECTION3, { section4: SECTION4 });
  const four = text.match(/四、政府信息公开行政复议、行政诉讼情况[\s\S]*?(?=五、)/)![0];
  return edit(edit(text, four, ''), '六、其他需要报告的事项', four + '六、其他需要报告的事项');
}
const WRONG_PLACE = '「四、政府信息公开行政复议、行政诉讼情况」顺序不对：应排在「五、存在的主要问题及改进情况」之前';

new RuleTester().run('section-order', rule, {
  valid: [
    { name: 'sections 一 to 六 in order (tab rows)', code: smallReport() },
    { name: 'the same report as a Word text export', code: asWordExport(smallReport()) },
    { name: 'the same report with Markdown pipe tables', code: toPipeTables(smallReport()), filePath: 'report.md' },
    // a missing section is section-missing's; the sections after it keep their numbers and are not out of order
    { name: 'a section left out: the others are still in order', code: edit(smallReport(), SECTION2, '') },
    ...madeSamplesWithout('section-order'),
  ],
  invalid: [
    {
      name: 'section 四 written after section 五 (tab rows)',
      code: fourAfterFive(),
      errors: [{ message: WRONG_PLACE, line: 49, column: 1, endLine: 49, endColumn: 20, severity: 2 }],
      output: null,
    },
    {
      name: 'the same in a Word text export',
      code: asWordExport(fourAfterFive()),
      errors: [{ message: WRONG_PLACE, line: 337, column: 1, endLine: 337, endColumn: 20 }],
      output: null,
    },
    {
      name: '六 numbered 五: the number used twice, and the wrong number for that section',
      code: edit(smallReport(), '六、其他需要报告的事项', '五、其他需要报告的事项'),
      errors: [
        { message: '部分编号「五、」重复使用（第 47 行已用过）', line: 51, column: 1, endLine: 51, endColumn: 12, actual: '五' },
        { message: '「其他需要报告的事项」应为第六部分，编号写作「五、」', line: 51, column: 1, endLine: 51, endColumn: 12, expected: '六', actual: '五' },
      ],
      output: null,
    },
    {
      name: 'section 三 written a second time after 六',
      code: edit(smallReport(), '无。\n', '无。\n\n三、收到和处理政府信息公开申请情况\n\n见上表。\n'),
      errors: [
        { message: '部分编号「三、」重复使用（第 14 行已用过）', line: 55, column: 1, endLine: 55, endColumn: 18 },
        { message: '「收到和处理政府信息公开申请情况」部分出现了两次（第 14 行已有）', line: 55, column: 1, endLine: 55, endColumn: 18 },
      ],
      output: null,
    },
  ],
});
