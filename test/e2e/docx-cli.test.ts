/**
 * The built CLI on a Word .docx (made with the `docx` package): JSON carries the place of each finding (table, row
 * and cell, or paragraph), and `extract` reads the values by format ids.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, runJson, tempFolder as tempDir } from '../support/cli.js';
import { reportDocx } from '../support/docx.js';

let dir: string;
let done: () => void;
beforeAll(async () => {
  ({ dir, done } = tempDir());
  // 一、本年新收's 社会公益组织 written 5: its 总计 (3) no longer adds up
  writeFileSync(join(dir, 'wrong.docx'), await reportDocx({ t3Cell: ['r1', 3, '5'], heading5: '五、存在的问题及改进情况' }));
});
afterAll(() => done());

test('paragraph places count paragraphs only; JSON from the built CLI carries the place', () => {
  const { dir: d2, done: done2 } = tempDir();
  try {
    copyFileSync(join(dir, 'wrong.docx'), join(d2, 'wrong.docx'));
    const { code, results } = runJson([join(d2, 'wrong.docx')]);
    expect(code).toBe(1);
    const m = results[0].messages.find((x) => x.ruleId === 'row-total')!;
    expect(m.place).toEqual({ table: 2, row: 4, cell: 8, text: '第 2 个表格第 4 行第 8 格' });
    expect(m.line).toBe(9);
    // the heading of section 五 is the 12th paragraph-or-table and the 9th paragraph
    const h = results[0].messages.find((x) => x.ruleId === 'label-variant')!;
    expect([h.line, h.column]).toEqual([12, 1]);
    expect(h.place).toEqual({ paragraph: 9, text: '第 9 段' });
    expect(h.message).toContain('（Word 文件第 9 段）');
    const extract = runCli(['extract', join(d2, 'wrong.docx')]);
    expect(extract.code).toBe(0);
    expect(JSON.parse(extract.stdout).tables.T3.r1.public_welfare).toBe(5);
  } finally {
    done2();
  }
});
