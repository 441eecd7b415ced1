/**
 * The two real report pages (samples/pages, verbatim from shared/corpus): every section and table found, every
 * cell value as the page shows it (checked by hand against the page, cell by cell), positions on the cells'
 * text in the HTML source. The built CLI on them (no error on PT2021, which is correct throughout) is in
 * e2e/html-corpus-cli.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../src/index.js';
import { extractValues } from '../src/cli/extract.js';
import { sections, tables } from '../src/ast.js';
import { ROOT } from './support/root.js';

const page = (name: string) => join(ROOT, 'samples', 'pages', name);
const read = (name: string) => {
  const html = readFileSync(page(name), 'utf8');
  return { html, parsed: parseReport(html, { filePath: page(name) }) };
};

/** rows as the page shows them, in the format's column order */
const PT2019: Record<string, Record<string, Array<number | null>>> = {
  T2_1: { regulation: [0, 0, 0], normative: [89, 89, 89] },
  T2_5: { license: [396, 0, 181], other_mgmt: [10, 0, 153] },
  T2_6: { penalty: [2648, 0, 430], coercion: [126, 0, 25] },
  T2_8: { fee: [35, 0] },
  // 75394432.52元: a unit in the cell, read apart (cell-value warns); extract gives null, never a guess
  T2_9: { procurement: [135, null] },
  T3: {
    r1: [23, 0, 0, 0, 0, 0, 23],
    r2: [0, 0, 0, 0, 0, 0, 0],
    r3_1: [7, 0, 0, 0, 0, 0, 7],
    r3_2: [1, 0, 0, 0, 0, 0, 1],
    r3_3_1: [0, 0, 0, 0, 0, 0, 0],
    r3_3_2: [0, 0, 0, 0, 0, 0, 0],
    r3_3_3: [0, 0, 0, 0, 0, 0, 0],
    r3_3_4: [0, 0, 0, 0, 0, 0, 0],
    r3_3_5: [0, 0, 0, 0, 0, 0, 0],
    r3_3_6: [0, 0, 0, 0, 0, 0, 0],
    r3_3_7: [0, 0, 0, 0, 0, 0, 0],
    r3_3_8: [0, 0, 0, 0, 0, 0, 0],
    r3_4_1: [7, 0, 0, 0, 0, 0, 7],
    r3_4_2: [0, 0, 0, 0, 0, 0, 0],
    r3_4_3: [5, 0, 0, 0, 0, 0, 5],
    r3_5_1: [0, 0, 0, 0, 0, 0, 0],
    r3_5_2: [3, 0, 0, 0, 0, 0, 3],
    r3_5_3: [0, 0, 0, 0, 0, 0, 0],
    r3_5_4: [0, 0, 0, 0, 0, 0, 0],
    r3_5_5: [0, 0, 0, 0, 0, 0, 0],
    r3_6: [0, 0, 0, 0, 0, 0, 0],
    r3_7: [23, 0, 0, 0, 0, 0, 23],
    r4: [0, 0, 0, 0, 0, 0, 0],
  },
  T4: { n: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
};

const PT2021: Record<string, Record<string, Array<number | null>>> = {
  T2_1: { regulation: [0, 0, 0], normative: [69, 3, 665] },
  T2_5: { license: [2293] },
  T2_6: { penalty: [1282], coercion: [42] },
  T2_8: { fee: [24252.311082] },
  T3: {
    r1: [64, 0, 0, 2, 0, 4, 70],
    r2: [0, 0, 0, 0, 0, 0, 0],
    r3_1: [27, 0, 0, 2, 0, 1, 30],
    r3_2: [5, 0, 0, 0, 0, 0, 5],
    r3_3_1: [0, 0, 0, 0, 0, 0, 0],
    r3_3_2: [0, 0, 0, 0, 0, 0, 0],
    r3_3_3: [0, 0, 0, 0, 0, 0, 0],
    r3_3_4: [0, 0, 0, 0, 0, 0, 0],
    r3_3_5: [1, 0, 0, 0, 0, 0, 1],
    r3_3_6: [0, 0, 0, 0, 0, 0, 0],
    r3_3_7: [6, 0, 0, 0, 0, 0, 6],
    r3_3_8: [1, 0, 0, 0, 0, 0, 1],
    r3_4_1: [22, 0, 0, 0, 0, 3, 25],
    r3_4_2: [0, 0, 0, 0, 0, 0, 0],
    r3_4_3: [0, 0, 0, 0, 0, 0, 0],
    r3_5_1: [0, 0, 0, 0, 0, 0, 0],
    r3_5_2: [0, 0, 0, 0, 0, 0, 0],
    r3_5_3: [0, 0, 0, 0, 0, 0, 0],
    r3_5_4: [0, 0, 0, 0, 0, 0, 0],
    r3_5_5: [0, 0, 0, 0, 0, 0, 0],
    r3_6_1: [0, 0, 0, 0, 0, 0, 0],
    r3_6_2: [0, 0, 0, 0, 0, 0, 0],
    r3_6_3: [1, 0, 0, 0, 0, 0, 1],
    r3_7: [63, 0, 0, 2, 0, 4, 69],
    r4: [1, 0, 0, 0, 0, 0, 1],
  },
  T4: { n: [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0] },
};

describe.each([
  ['PT2019.html', PT2019, '2019', '平潭综合实验区2019年 政府信息公开工作年度报告'],
  ['PT2021.html', PT2021, '2021', '平潭综合实验区2021年度政府信息公开工作年度报告'],
])('%s', (name, expected, format, title) => {
  const { html, parsed } = read(name);
  const { report } = parsed;

  test('title, year, agency and format are read from the page', () => {
    expect(report.title?.value).toBe(title);
    expect(report.year).toBe(Number(format));
    expect(report.yearSource).toBe('title');
    expect(report.agency).toBe('平潭综合实验区');
    expect(report.format).toBe(format);
    expect(report.notAReport).toBeUndefined();
  });

  test('all six sections, in order, with their headings as written', () => {
    const s = sections(report);
    expect(s.map((x) => x.sectionId)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    for (const x of s) {
      const { start, end } = x.heading.position;
      // the heading's position is its text in the HTML source
      expect(html.slice(start.offset!, end.offset!)).toBe(x.heading.value);
    }
  });

  test('the site around the report is left out', () => {
    const text = JSON.stringify(report.children.map((c) => (c.type === 'paragraph' ? c.value : '')));
    for (const chrome of ['当前位置', '首页', '网站地图', '主办单位', '文件下载']) expect(text).not.toContain(chrome);
    expect(report.children.filter((c) => c.type === 'paragraph')).toHaveLength(1);
  });

  test('every table found, every cell value as on the page', () => {
    expect(tables(report).map((t) => t.tableId)).toEqual(Object.keys(expected));
    const x = extractValues(parsed, name);
    expect(x.unbound).toEqual([]);
    const got: Record<string, Record<string, Array<number | null>>> = {};
    for (const [t, rows] of Object.entries(x.tables)) {
      got[t] = {};
      for (const [r, cols] of Object.entries(rows)) got[t][r] = Object.values(cols);
    }
    expect(got).toEqual(expected);
  });

  test('every cell is located on its text in the HTML source (line and column too)', () => {
    const lines = html.split(/\r\n|\r|\n/);
    let n = 0;
    for (const t of tables(report)) {
      expect(t.layout).toBe('html');
      for (const r of t.children) {
        expect(r.foundCells).toBe(r.expectedCells);
        for (const c of r.children) {
          const { start, end } = c.position;
          expect(html.slice(start.offset!, end.offset!)).toBe(c.raw);
          expect(start.line).toBe(end.line);
          expect(lines[start.line - 1].slice(start.column - 1, end.column - 1)).toBe(c.raw);
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(150);
  });
});

test('PT2019: rowspan=10 label 三、本年度办理结果 twice; rows under it keep their own labels and groups', () => {
  const { parsed } = read('PT2019.html');
  const t3 = tables(parsed.report).find((t) => t.tableId === 'T3')!;
  const row = (id: string) => t3.children.find((r) => r.rowId === id)!;
  expect(row('r3_1').groupMatches.map((g) => g.label.value)).toEqual(['三、本年度办理结果']);
  expect(row('r3_4_1').groupMatches.map((g) => g.label.value)).toEqual(['三、本年度办理结果', '（四）无法提供']);
  expect(row('r3_3_2').labels.map((l) => l.value)).toEqual(['2.其他法律行政法规禁止公开']);
  expect(t3.header.map((h) => h.cells.map((c) => c.value))).toEqual([
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
    ['自然人', '法人或其他组织', '总计'],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
  ]);
});

test('PT2021: the extra blank cell under 自然人 and the 商业企业 cells merged across two columns do not shift the columns', () => {
  const { parsed } = read('PT2021.html');
  const t3 = tables(parsed.report).find((t) => t.tableId === 'T3')!;
  const r1 = t3.children.find((r) => r.rowId === 'r1')!;
  expect(r1.children.map((c) => [c.columnId, c.value])).toEqual([
    ['natural', 64],
    ['commercial', 0],
    ['research', 0],
    ['public_welfare', 2],
    ['legal_service', 0],
    ['other', 4],
    ['total', 70],
  ]);
});
