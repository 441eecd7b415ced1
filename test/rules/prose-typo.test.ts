/**
 * prose-typo: common typos in the running text, from the dictionaries (截止→截至 before a date, 条列→条例, 行政复义,
 * 不于公开 …), each with its fix; table labels are label-variant's, and 截止 in its own sense stays.
 */
import rule from '../../rules/prose-typo.js';
import { RuleTester } from '../support/rule-tester.js';
import { asWordExport, edit, madeSamplesWithout, smallReport, toPipeTables } from '../support/reports.js';

const PROSE = '2021 年，我局认真贯彻落实《政府信息公开条例》。';
const S5 = '我局将继续做好政府信息公开工作。';
const withProse = (text: string) => edit(smallReport(), PROSE, text);

new RuleTester().run('prose-typo', rule, {
  valid: [
    { name: 'no typo (tab rows)', code: smallReport() },
    { name: 'the same report as a Word text export', code: asWordExport(smallReport()) },
    { name: 'the same report with Markdown pipe tables', code: toPipeTables(smallReport()), filePath: 'report.md' },
    { name: '截至 before a date, as it should be', code: withProse('截至2021年12月31日，我局共主动公开政府信息 128 条。') },
    { name: '截止 in its own sense (a deadline) stays', code: edit(smallReport(), S5, '申请截止日期为3月1日。') },
    // a table label is not running text: its typos are label-variant's
    { name: 'a typo in a table label is not prose', code: edit(smallReport(), '(一) 予以公开', '(一) 于以公开') },
    ...madeSamplesWithout('prose-typo'),
  ],
  invalid: [
    {
      name: '截止 before a date and 条列 for 条例 in section 一: two findings, both fixed',
      code: withProse('截止2021年12月31日，我局认真贯彻落实《中华人民共和国政府信息公开条列》。'),
      errors: [
        {
          message: '「截止」应为「截至」（表示“到某个时间为止”用“截至”；“截止”是“到期停止”）',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 3,
          severity: 1,
          expected: '截至',
          actual: '截止',
        },
        { message: '「政府信息公开条列」应为「政府信息公开条例」', line: 5, column: 31, endLine: 5, endColumn: 39, expected: '政府信息公开条例', actual: '政府信息公开条列' },
      ],
      output: withProse('截至2021年12月31日，我局认真贯彻落实《中华人民共和国政府信息公开条例》。'),
    },
    {
      name: '行政复义 and 不于公开 in section 五',
      code: edit(smallReport(), S5, '全年未发生行政复义、行政诉讼案件，依法不于公开 2 件。'),
      errors: [
        { message: '「行政复义」应为「行政复议」', line: 49, column: 6, endLine: 49, endColumn: 10 },
        { message: '「不于公开」应为「不予公开」', line: 49, column: 20, endLine: 49, endColumn: 24 },
      ],
      output: edit(smallReport(), S5, '全年未发生行政复议、行政诉讼案件，依法不予公开 2 件。'),
    },
    {
      name: 'the same typo in a Word text export (prose lines are as written)',
      code: asWordExport(withProse('截止2021年12月31日，我局共主动公开政府信息 128 条。')),
      errors: [{ message: '「截止」应为「截至」（表示“到某个时间为止”用“截至”；“截止”是“到期停止”）', line: 5, column: 1 }],
      output: asWordExport(withProse('截至2021年12月31日，我局共主动公开政府信息 128 条。')),
    },
  ],
});
