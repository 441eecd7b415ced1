/**
 * label-variant: a section heading, row label or column label that differs from the format (a character missing,
 * added or changed) is reported on the label with the canonical label as its fix; options turn each kind off.
 */
import rule from '../../rules/label-variant.js';
import { RuleTester } from '../support/rule-tester.js';
import { asWordExport, edit, madeSamplesWithout, smallReport, toPipeTables } from '../support/reports.js';

const report = smallReport();
const ROW = '行名「一、本年新收到政府信息公开申请数量」与格式不一致（多了「到」），应为「一、本年新收政府信息公开申请数量」';
const rowTypo = edit(report, '一、本年新收政府信息公开申请数量', '一、本年新收到政府信息公开申请数量');
const headingTypo = edit(report, '五、存在的主要问题及改进情况', '五、存在的问题及改进情况');
const columnTypo = edit(report, '法人或其他组织', '法人和其他组织');

new RuleTester().run('label-variant', rule, {
  valid: [
    { name: 'every heading and label as the format writes it (tab rows)', code: report },
    { name: 'the same report as a Word text export', code: asWordExport(report) },
    { name: 'the same report with Markdown pipe tables', code: toPipeTables(report), filePath: 'report.md' },
    // half-width brackets and a space after the enumerator are how reports write the format's （一）予以公开
    { name: 'half-width brackets and spaces in row labels are not variants', code: edit(report, '(一) 予以公开', '（一）予以公开') },
    { name: 'headings: false — a heading typo is not reported', code: headingTypo, options: { headings: false } },
    { name: 'rows: false — a row label typo is not reported', code: rowTypo, options: { rows: false } },
    { name: 'columns: false — a column label variant is not reported', code: columnTypo, options: { columns: false } },
    ...madeSamplesWithout('label-variant'),
  ],
  invalid: [
    {
      name: 'a row label with a character too many (tab rows): fixed to the format’s label',
      code: rowTypo,
      errors: [
        {
          message: ROW,
          line: 19,
          column: 1,
          endLine: 19,
          endColumn: 18,
          severity: 1,
          expected: '一、本年新收政府信息公开申请数量',
          actual: '一、本年新收到政府信息公开申请数量',
        },
      ],
      output: report,
    },
    {
      name: 'the same in a Word text export (the label on a line of its own after a tab)',
      code: asWordExport(rowTypo),
      errors: [{ message: ROW, line: 63, column: 2, endLine: 63, endColumn: 19 }],
      output: asWordExport(report),
    },
    {
      name: 'a heading with words left out: on the title after 五、',
      code: headingTypo,
      errors: [{ message: '部分标题「存在的问题及改进情况」与格式不一致（缺少「主要」），应为「存在的主要问题及改进情况」', line: 47, column: 3, endLine: 47, endColumn: 13 }],
      output: report,
    },
    {
      name: 'a column label with 和 for 或',
      code: columnTypo,
      errors: [{ message: '列名「法人和其他组织」与格式不一致（「和」应为「或」），应为「法人或其他组织」', line: 17, column: 7, endLine: 17, endColumn: 14 }],
      output: report,
    },
    {
      name: 'two variants in one report, fixed together',
      code: edit(rowTypo, '五、存在的主要问题及改进情况', '五、存在的问题及改进情况'),
      errors: [
        { message: ROW, line: 19, column: 1 },
        { message: '部分标题「存在的问题及改进情况」与格式不一致（缺少「主要」），应为「存在的主要问题及改进情况」', line: 47, column: 3 },
      ],
      output: report,
    },
  ],
});
