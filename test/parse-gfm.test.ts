/**
 * GFM pipe tables: the delimiter row (| --- |) belongs to its table. Read as a paragraph, it cut every table in
 * two: in section 二, where several tables follow one another, the caption row (第二十条第（N）项) was left alone
 * and the rows below it landed in a table of no known id, so none of section 二's values were read.
 */
import { parse } from '../src/index.js';
import { cellAt, sections } from '../src/ast.js';

const md = [
  '# 青山区统计局',
  '',
  '## 2021年政府信息公开工作年度报告',
  '',
  '## 一、总体情况',
  '',
  '本年度主动公开政府信息120条。',
  '',
  '## 二、主动公开政府信息情况',
  '',
  '| 第二十条第（一）项 |   |   |   |',
  '| --- | --- | --- | --- |',
  '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
  '| 规章 | 3 | 1 | 12 |',
  '| 行政规范性文件 | 5 | 2 | 40 |',
  '',
  '| 第二十条第（五）项 |   |',
  '| --- | --- |',
  '| 信息内容 | 本年处理决定数量 |',
  '| 行政许可 | 17 |',
  '',
].join('\n');

describe('GFM pipe tables', () => {
  const { report } = parse(md, { filePath: 'r.md' });
  const s2 = sections(report).find((s) => s.sectionId === 's2')!;

  test('a delimiter row is no paragraph', () => {
    expect(s2.children.filter((c) => c.type === 'paragraph')).toEqual([]);
    expect(s2.children.filter((c) => c.type === 'table').map((t) => (t.type === 'table' ? t.tableId : ''))).toEqual(['T2_1', 'T2_5']);
  });

  test('each caption keeps its rows, and the values are read at their places', () => {
    const c = cellAt(report, 'T2_1', 'regulation', 'valid')!;
    expect(c.value).toBe(12);
    expect(c.position.start.line).toBe(14);
    expect(cellAt(report, 'T2_1', 'normative', 'issued')?.value).toBe(5);
    const lic = cellAt(report, 'T2_5', 'license', 'decisions')!;
    expect(lic.value).toBe(17);
    expect(lic.position.start).toMatchObject({ line: 20, column: 10 });
  });
});
