/**
 * section-missing: each of the six sections (一、总体情况 … 六、其他需要报告的事项) must be there; a missing one is
 * reported on the heading of the section that should follow it, or, at the end, on the report's last line.
 */
import rule from '../../rules/section-missing.js';
import { RuleTester } from '../support/rule-tester.js';
import { SECTION3, SECTION4, asWordExport, edit, madeSamplesWithout, smallReport, toPipeTables } from '../support/reports.js';

const SECTION2 = '二、主动公开政府信息情况\n\n第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t0\n\n';
const SECTIONS45 = '四、政府信息公开行政复议、行政诉讼情况\n\n五、存在的主要问题及改进情况\n\n我局将继续做好政府信息公开工作。\n\n';
const SECTION6 = '六、其他需要报告的事项\n\n无。\n';

new RuleTester().run('section-missing', rule, {
  valid: [
    { name: 'all six sections (tab rows)', code: smallReport() },
    { name: 'all six, section 四 with its table', code: smallReport(SECTION3, { section4: SECTION4 }) },
    { name: 'the same report as a Word text export', code: asWordExport(smallReport()) },
    { name: 'the same report with Markdown pipe tables', code: toPipeTables(smallReport()), filePath: 'report.md' },
    // a section in the wrong place is there: section-order's finding, not this one
    { name: 'sections out of order are not missing', code: edit(smallReport(), SECTION6, '').replace('一、总体情况', '六、其他需要报告的事项\n\n无。\n\n一、总体情况') },
    // a heading with a typo is still the section (label-variant offers the right words)
    { name: 'a heading with a typo still counts', code: edit(smallReport(), '五、存在的主要问题及改进情况', '五、存在的问题及改进情况') },
    ...madeSamplesWithout('section-missing'),
  ],
  invalid: [
    {
      name: 'section 二 left out: on the heading of 三',
      code: edit(smallReport(), SECTION2, ''),
      errors: [
        {
          message: '缺少第二部分「二、主动公开政府信息情况」（应在「三、收到和处理政府信息公开申请情况」之前）',
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 18,
          severity: 2,
          expected: '二、主动公开政府信息情况',
        },
      ],
      output: null,
    },
    {
      name: 'sections 四 and 五 left out: two findings, both on the heading of 六',
      code: edit(smallReport(), SECTIONS45, ''),
      errors: [
        { message: '缺少第四部分「四、政府信息公开行政复议、行政诉讼情况」（应在「六、其他需要报告的事项」之前）', line: 45, column: 1, endLine: 45, endColumn: 12 },
        { message: '缺少第五部分「五、存在的主要问题及改进情况」（应在「六、其他需要报告的事项」之前）', line: 45, column: 1, endLine: 45, endColumn: 12 },
      ],
      output: null,
    },
    {
      name: 'the report ends before section 六: on its last line of text',
      code: edit(smallReport(), SECTION6, ''),
      errors: [{ message: '缺少第六部分「六、其他需要报告的事项」（报告到此结束，未见这一部分）', line: 49, column: 1, endLine: 49, endColumn: 17 }],
      output: null,
    },
    {
      name: 'section 二 left out of a Word text export',
      code: asWordExport(edit(smallReport(), SECTION2, '')),
      errors: [{ message: '缺少第二部分「二、主动公开政府信息情况」（应在「三、收到和处理政府信息公开申请情况」之前）', line: 7, column: 1 }],
      output: null,
    },
  ],
});
