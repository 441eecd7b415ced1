/**
 * Issue 9: `parse` and `extract` say per table how many of the format's rows and cells were found; `extract`
 * writes CSV (one line a cell) and reads several files and folders.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempFolder } from '../support/cli.js';
import { EXPECTED, asHtml, asText, report, t2Captioned, t3Spaced, t3Tabbed, t4Three } from '../support/layouts.js';

let dir: string;
let done: () => void;
beforeAll(() => {
  ({ dir, done } = tempFolder());
  mkdirSync(join(dir, 'reports'));
  writeFileSync(join(dir, 'reports', 'a.txt'), asText(report({ s2: t2Captioned(), s3: t3Tabbed(), s4: t4Three() })));
  writeFileSync(join(dir, 'reports', 'b.html'), asHtml(report({ s2: t2Captioned(), s3: t3Spaced(), s4: t4Three() })));
  // three rows of section 三 lost, and table 四 left out
  const lossy = asText(report({ s2: t2Captioned(), s3: t3Tabbed(), s4: [{ p: '本年度未发生行政复议、行政诉讼。' }] }))
    .split('\n')
    .filter((l) => !/^(?:\t*)(?:6\.属于四类过程性信息|7\.属于行政执法案卷|8\.属于行政查询事项)\t/.test(l))
    .join('\n');
  writeFileSync(join(dir, 'lossy.txt'), lossy);
});
afterAll(() => done());

test('extract says per table how many rows and cells were found, and which rows were not', () => {
  const r = runCli(['extract', 'lossy.txt'], { cwd: dir });
  expect(r.code).toBe(0);
  const x = JSON.parse(r.stdout);
  expect(x.coverage.T3).toEqual({ rows: { found: 22, required: 25 }, cells: { found: 154, required: 175 }, missingRows: ['r3_3_6', 'r3_3_7', 'r3_3_8'] });
  expect(x.coverage.T4).toEqual({ rows: { found: 0, required: 1 }, cells: { found: 0, required: 15 }, missingRows: ['n'] });
  expect(x.coverage.T2_1).toEqual({ rows: { found: 2, required: 2 }, cells: { found: 6, required: 6 }, missingRows: [] });
});

test('parse prints the AST with the same counts', () => {
  const r = runCli(['parse', 'lossy.txt'], { cwd: dir });
  expect(r.code).toBe(0);
  const ast = JSON.parse(r.stdout);
  expect(ast.type).toBe('report');
  expect(ast.coverage.T3.rows).toEqual({ found: 22, required: 25 });
});

test('extract of a folder: a list, one entry a file; every value as the format names it', () => {
  const r = runCli(['extract', 'reports'], { cwd: dir });
  expect(r.code).toBe(0);
  const list = JSON.parse(r.stdout) as Array<{ filePath: string; tables: unknown }>;
  expect(list.map((x) => x.filePath)).toEqual([join('reports', 'a.txt'), join('reports', 'b.html')]);
  for (const x of list) expect(x.tables).toEqual(EXPECTED);
});

test('extract --format csv: one line a cell, with the format ids and labels; several files', () => {
  const r = runCli(['extract', 'reports/a.txt', 'reports/b.html', '--format', 'csv'], { cwd: dir });
  expect(r.code).toBe(0);
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines[0]).toBe('file,table,row_id,row_label,column_id,column_label,value');
  // 2 files × (6 + 1 + 2 + 1 cells of section 二, 175 of 三, 15 of 四)
  expect(lines).toHaveLength(1 + 2 * (10 + 175 + 15));
  expect(lines).toContain('reports/a.txt,T3,r1,一、本年新收政府信息公开申请数量,natural,自然人,1204');
  expect(lines).toContain('reports/b.html,T4,n,第四部分表格的数据行,ld_total,未经复议直接起诉·总计,1');
  expect(lines).toContain('reports/a.txt,T2_8,fee,行政事业性收费,amount,本年收费金额（单位：万元）,1.5');
  // a field with a comma is quoted
  writeFileSync(join(dir, '报告,2023.txt'), asText(report({ s2: t2Captioned(), s3: t3Tabbed(), s4: t4Three() })));
  const q = runCli(['extract', '报告,2023.txt', '--format', 'csv'], { cwd: dir });
  expect(q.stdout.split('\n')[1]).toBe('"报告,2023.txt",T2_1,regulation,规章,issued,本年制发件数,1');
});

test('extract: a file that cannot be read is said on stderr (exit 2), the others are still extracted', () => {
  const r = runCli(['extract', 'reports/a.txt', 'nope.txt', '--format', 'csv'], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('nope.txt');
  expect(r.stdout.split('\n').length).toBeGreaterThan(100);
  expect(runCli(['extract', 'reports/a.txt', '--format', 'sarif'], { cwd: dir }).code).toBe(2);
});
