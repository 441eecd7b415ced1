/**
 * Word .docx files (made in the test with the `docx` package): read through mammoth into the same report as a
 * page or a text; findings located by paragraph/table number and by table, row and cell, in the message and
 * in JSON. The built CLI on a .docx is in e2e/docx-cli.test.ts.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFile, readInput, parseReport } from '../src/index.js';
import { sections, tables } from '../src/ast.js';
import { extractValues } from '../src/cli/extract.js';
import { tempFolder as tempDir } from './support/cli.js';
import { reportDocx } from './support/docx.js';

let dir: string;
let done: () => void;
beforeAll(async () => {
  ({ dir, done } = tempDir());
  writeFileSync(join(dir, 'good.docx'), await reportDocx());
  // 一、本年新收's 社会公益组织 written 5: its 总计 (3) no longer adds up
  writeFileSync(join(dir, 'wrong.docx'), await reportDocx({ t3Cell: ['r1', 3, '5'], heading5: '五、存在的问题及改进情况' }));
});
afterAll(() => done());

test('a .docx is read into six sections and every table, with the numbers as written (full-width digits, thousands separators)', async () => {
  const input = await readInput(join(dir, 'good.docx'));
  expect(input.kind).toBe('docx');
  const parsed = parseReport(input.text, { filePath: 'good.docx', kind: 'docx' });
  const { report } = parsed;
  expect(report.title?.value).toBe('某某县统计局2021年政府信息公开工作年度报告');
  expect(report.year).toBe(2021);
  expect(sections(report).map((s) => s.sectionId)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
  expect(tables(report).map((t) => t.tableId)).toEqual(['T2_1', 'T2_5', 'T2_6', 'T2_8', 'T3', 'T4']);
  const x = extractValues(parsed, 'good.docx');
  expect(x.unbound).toEqual([]);
  expect(x.tables.T2_1.normative).toEqual({ issued: 2, repealed: 0, valid: 1234 });
  expect(x.tables.T2_5.license.decisions).toBe(7);
  expect(Object.keys(x.tables.T3)).toHaveLength(25);
  expect(x.tables.T3.r3_7).toEqual({ natural: 3, commercial: 0, research: 0, public_welfare: 0, legal_service: 0, other: 0, total: 3 });
  // vertically merged labels read as groups of the rows under them
  const r = tables(report).find((t) => t.tableId === 'T3')!.children.find((row) => row.rowId === 'r3_4_2')!;
  expect(r.groupMatches.map((g) => g.label.value)).toEqual([]);
  const first = tables(report).find((t) => t.tableId === 'T3')!.children.find((row) => row.rowId === 'r3_4_1')!;
  expect(first.groupMatches.map((g) => g.label.value)).toEqual(['（四）无法提供']);
});

test('a correct .docx has no finding', async () => {
  const r = await lintFile(join(dir, 'good.docx'));
  expect(r.messages).toEqual([]);
});

test('a finding in a .docx: line = paragraph/table number, column 1, the message and JSON say which table, row and cell', async () => {
  const r = await lintFile(join(dir, 'wrong.docx'));
  const m = r.messages.find((x) => x.ruleId === 'row-total')!;
  expect(m).toBeDefined();
  // the 9th paragraph-or-table of the document is section 三's table, the 2nd table
  expect([m.line, m.column, m.endLine, m.endColumn]).toEqual([9, 1, 9, 1]);
  // 4th row (three header rows before it), 8th cell (one label cell, seven values)
  expect(m.place).toEqual({ table: 2, row: 4, cell: 8, text: '第 2 个表格第 4 行第 8 格' });
  expect(m.message).toMatch(/（Word 文件第 2 个表格第 4 行第 8 格）$/);
  expect(m.related?.[0].place?.text).toBe('第 2 个表格第 4 行第 2 格');
  expect(m.fix).toBeUndefined();
  // what the formatters show for line 9 is that table's text, not HTML
  expect(r.source!.split('\n')[8]).toMatch(/^（本列数据的勾稽关系为/);
  expect(r.source!.split('\n')[4]).toBe('2021年，本局主动公开政府信息。');
});

test('a .docx renamed .txt is still read as Word; a broken .docx is a fatal message for that file only', async () => {
  copyFileSync(join(dir, 'good.docx'), join(dir, 'renamed.txt'));
  expect((await lintFile(join(dir, 'renamed.txt'))).messages).toEqual([]);

  writeFileSync(join(dir, 'broken.docx'), Buffer.from('PK\u0003\u0004 this is no zip at all'));
  const broken = await lintFile(join(dir, 'broken.docx'));
  expect(broken.fatalErrorCount).toBe(1);
  expect(broken.messages[0].message).toMatch(/^无法读取：不是可以读取的 Word 文件（\.docx）/);

  writeFileSync(join(dir, 'text.docx'), '一、总体情况\n这是文本，不是 Word 文件。\n');
  const notZip = await lintFile(join(dir, 'text.docx'));
  expect(notZip.fatalErrorCount).toBe(1);
  expect(notZip.messages[0].message).toContain('不是 Word（.docx）文件');
});
