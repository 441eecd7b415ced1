/**
 * cell-value: a number cell must hold a non-negative whole number; words (五, 无) and fractions are errors, a number
 * with a unit is an error in a count (5件) and a warning in an amount whose format gives no unit.
 */
import rule from '../../rules/cell-value.js';
import { RuleTester } from '../support/rule-tester.js';
import { SECTION3, SECTION4, asWordExport, edit, madeSamplesWithout, sample, smallReport, toPipeTables } from '../support/reports.js';

const GRANTED = '(一) 予以公开\t5';
const granted = (raw: string) => edit(smallReport(), GRANTED, `(一) 予以公开\t${raw}`);

new RuleTester().run('cell-value', rule, {
  valid: [
    { name: 'whole numbers in every cell (tab rows)', code: smallReport() },
    { name: 'the same report as a Word text export', code: asWordExport(smallReport()) },
    { name: 'the same report with Markdown pipe tables', code: toPipeTables(smallReport()), filePath: 'report.md' },
    // full-width digits, as Chinese input methods type them, are numbers
    { name: 'full-width digits (５) are numbers', code: granted('５') },
    { name: 'a number padded with U+3000 and U+00A0 is a number', code: granted('\u30005\u00a0') },
    { name: 'section 四 with numbers', code: smallReport(SECTION3, { section4: SECTION4 }) },
    ...madeSamplesWithout('cell-value'),
  ],
  invalid: [
    {
      name: 'a number written in Chinese (五)',
      code: granted('五'),
      errors: [{ message: '「（一）予以公开」「自然人」填的是「五」，不是数字', line: 21, column: 20, endLine: 21, endColumn: 21, severity: 2, actual: '五' }],
      output: null,
    },
    {
      name: 'a count with a unit (5件): an error, the number expected',
      code: granted('5件'),
      errors: [{ message: '「（一）予以公开」「自然人」填的是「5件」，应只填数字 5', line: 21, column: 20, endLine: 21, endColumn: 22, severity: 2, expected: '5', actual: '5件' }],
      output: null,
    },
    {
      name: 'an amount with a unit where the 2019 format gives none (20万元 in 采购总金额): a warning',
      filePath: 'cell-value--2020-unit-warning.txt',
      code: sample('made/cell-value--2020-unit-warning.txt'),
      errors: [
        {
          message: '「政府集中采购」「采购总金额」写有单位「万元」（20万元）；格式未规定单位，建议只填数字并在文字中说明单位',
          line: 50,
          column: 10,
          endLine: 50,
          endColumn: 14,
          severity: 1,
        },
      ],
      output: null,
    },
    {
      name: 'a negative number and a fraction',
      code: edit(granted('-5'), '(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t1', '(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t1.5'),
      errors: [
        { message: '「（一）予以公开」「自然人」应为非负整数，实为「-5」', line: 21, column: 20, endLine: 21, endColumn: 22 },
        { message: '「（二）部分公开」「自然人」应为非负整数，实为「1.5」', line: 22, column: 32, endLine: 22, endColumn: 35 },
      ],
      output: null,
    },
    {
      name: '无 in a cell of section 四',
      code: smallReport(SECTION3, { section4: SECTION4.map((v, i) => (i === 6 ? '无' : v)) }),
      errors: [{ message: '「未经复议直接起诉·结果纠正」填的是「无」，不是数字', line: 50, column: 13, endLine: 50, endColumn: 14 }],
      output: null,
    },
    {
      name: 'a number written in Chinese, in a Word text export',
      code: asWordExport(granted('五')),
      errors: [{ message: '「（一）予以公开」「自然人」填的是「五」，不是数字', line: 85, column: 2, endLine: 85, endColumn: 3 }],
      output: null,
    },
  ],
});
