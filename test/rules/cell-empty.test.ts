/**
 * cell-empty: a blank cell where the format wants a number (write 0). By default the blank cells of a row are one
 * finding on the first of them, the others related; `aggregateRows: false` gives one finding per cell.
 */
import rule from '../../rules/cell-empty.js';
import { RuleTester } from '../support/rule-tester.js';
import { SECTION3, SECTION4, asWordExport, edit, madeSamplesWithout, smallReport, toPipeTables } from '../support/reports.js';

const CARRIED = '二、上年结转政府信息公开申请数量\t\t2\t0\t0';
const oneBlank = edit(smallReport(), CARRIED, '二、上年结转政府信息公开申请数量\t\t2\t\t0');
const twoBlank = edit(smallReport(), CARRIED, '二、上年结转政府信息公开申请数量\t\t2\t\t');
const ONE = '「二、上年结转政府信息公开申请数量」「商业企业」为空，应填写数字（没有的填 0）';

new RuleTester().run('cell-empty', rule, {
  valid: [
    { name: 'every number cell filled, 0 where nothing happened (tab rows)', code: smallReport() },
    { name: 'the same report as a Word text export', code: asWordExport(smallReport()) },
    { name: 'the same report with Markdown pipe tables', code: toPipeTables(smallReport()), filePath: 'report.md' },
    { name: 'section 四 filled in', code: smallReport(SECTION3, { section4: SECTION4 }) },
    // a row with a cell too few cannot say which cell is blank: cell-count's finding
    { name: 'a row with a cell left out is cell-count’s, not a blank cell', code: edit(smallReport(), CARRIED, '二、上年结转政府信息公开申请数量\t\t2\t0') },
    ...madeSamplesWithout('cell-empty'),
  ],
  invalid: [
    {
      name: 'one blank cell (tab rows): a zero-width finding where its text would be',
      code: oneBlank,
      errors: [{ message: ONE, line: 20, column: 21, endLine: 20, endColumn: 21, severity: 1, expected: '0', actual: '' }],
      output: null,
    },
    {
      name: 'the same in a Word text export: the blank cell’s own line',
      code: asWordExport(oneBlank),
      errors: [{ message: ONE, line: 76, column: 2, endLine: 76, endColumn: 2 }],
      output: null,
    },
    {
      name: 'two blank cells of a row: one finding, the other cell related',
      code: twoBlank,
      errors: [
        {
          message: '「二、上年结转政府信息公开申请数量」有 2 个格子是空的（商业企业、科研机构），应填写数字（没有的填 0）',
          line: 20,
          column: 21,
          related: [{ message: '科研机构：空', line: 20, column: 22, endLine: 20, endColumn: 22, location: { section: 's3', table: 'T3', row: 'r2', column: 'research' } }],
        },
      ],
      output: null,
    },
    {
      name: 'aggregateRows: false — a finding per blank cell',
      code: twoBlank,
      options: { aggregateRows: false },
      errors: [
        { message: ONE, line: 20, column: 21 },
        { message: '「二、上年结转政府信息公开申请数量」「科研机构」为空，应填写数字（没有的填 0）', line: 20, column: 22 },
      ],
      output: null,
    },
    {
      name: 'a blank cell in section 四',
      code: smallReport(SECTION3, { section4: SECTION4.map((v, i) => (i === 6 ? '' : v)) }),
      errors: [{ message: '「未经复议直接起诉·结果纠正」为空，应填写数字（没有的填 0）', line: 50, column: 13, endLine: 50, endColumn: 13 }],
      output: null,
    },
  ],
});
