/**
 * Each layout of the seeds comes out as the same tree: sections, tables, rows, cell values and positions.
 */
import { sections, tables } from '../src/ast.js';
import type { Report } from '../src/types.js';
import { SEEDS, parsed, readSample, rowOf, tableOf } from './support/reports.js';

const T3_2019 = ['r1', 'r2', 'r3_1', 'r3_2', 'r3_3_1', 'r3_3_2', 'r3_3_3', 'r3_3_4', 'r3_3_5', 'r3_3_6', 'r3_3_7', 'r3_3_8', 'r3_4_1', 'r3_4_2', 'r3_4_3', 'r3_5_1', 'r3_5_2', 'r3_5_3', 'r3_5_4', 'r3_5_5', 'r3_6', 'r3_7', 'r4'];
const T3_2021 = [...T3_2019.slice(0, 20), 'r3_6_1', 'r3_6_2', 'r3_6_3', 'r3_7', 'r4'];

function outline(r: Report) {
  return sections(r).map((s) => `${s.number}:${s.sectionId}:${s.heading.position.start.line}`);
}

function tableIds(r: Report) {
  return tables(r).map((t) => t.tableId);
}

function rowIds(r: Report, id: string) {
  return tableOf(r, id).children.map((x) => x.rowId);
}

/** The source text at a node's position (by offsets) — positions must point at what was written. */
function at(text: string, node: { position: { start: { offset?: number }; end: { offset?: number } } }) {
  return text.slice(node.position.start.offset, node.position.end.offset);
}

describe('000: Word export, one cell per line, U+00A0/U+3000 padding, 2019 format', () => {
  const text = readSample(SEEDS.s000);
  const r = parsed(text);
  test('report: year from the signing date, format, agency', () => {
    expect(r.year).toBe(2020);
    expect(r.yearSource).toBe('date');
    expect(r.format).toBe('2019');
    expect(r.agency).toBe('定海区统计局');
    expect(r.title?.position.start.line).toBe(4);
  });
  test('six sections at their lines', () => {
    expect(outline(r)).toEqual(['一:s1:6', '二:s2:24', '三:s3:100', '四:s4:363', '五:s5:410', '六:s6:415']);
  });
  test('tables and rows', () => {
    expect(tableIds(r)).toEqual(['T2_1', 'T2_5', 'T2_6', 'T2_8', 'T2_9', 'T3', 'T4']);
    expect(tables(r).every((t) => t.layout === 'cell-per-line')).toBe(true);
    expect(rowIds(r, 'T3')).toEqual(T3_2019);
    expect(rowIds(r, 'T4')).toEqual(['n']);
  });
  test('cell values, blanks and positions', () => {
    const reg = rowOf(r, 'T2_1', 'regulation');
    expect(reg.children.map((c) => [c.columnId, c.status, c.value])).toEqual([
      ['new_made', 'blank', undefined],
      ['new_published', 'number', 2],
      ['total_published', 'number', 6],
    ]);
    // 「\t\u00a02」 on line 36: the value sits after the tab and the no-break space
    expect(reg.children[1].position.start).toEqual({ line: 36, column: 3, offset: expect.any(Number) });
    expect(at(text, reg.children[1])).toBe('2');
    // 「\t\u30006」 on line 37: U+3000 counts as one column
    expect(reg.children[2].position.start.line).toBe(37);
    expect(reg.children[2].position.start.column).toBe(3);
    expect(at(text, reg.children[2])).toBe('6');
    const proc = rowOf(r, 'T2_9', 'procurement');
    expect(proc.children.map((c) => c.value)).toEqual([36, 189695]);
    const r1 = rowOf(r, 'T3', 'r1');
    expect(r1.children.filter((c) => c.status === 'blank')).toHaveLength(6);
    expect(r1.children[6]).toMatchObject({ columnId: 'total', value: 0 });
    expect(r1.children[6].position.start.line).toBe(125);
    const n = rowOf(r, 'T4', 'n');
    expect(n.foundCells).toBe(15);
    expect(n.children.every((c) => c.status === 'blank')).toBe(true);
  });
  test('a header label broken inside its cell (本年新 / 制作数量) is read whole', () => {
    const header = tableOf(r, 'T2_1').header.flatMap((h) => h.cells.map((c) => c.value));
    expect(header).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']);
  });
  test('group labels are kept apart from the row label', () => {
    const r31 = rowOf(r, 'T3', 'r3_1');
    expect(r31.label).toBe('（一）予以公开');
    expect(r31.groupMatches.map((g) => [g.label.value, g.match?.id])).toEqual([['三、本年度办理结果', 'r3']]);
  });
});

describe('001: tab-separated rows, 2021 format', () => {
  const text = readSample(SEEDS.s001);
  const r = parsed(text);
  test('report', () => {
    expect(r).toMatchObject({ year: 2021, yearSource: 'title', format: '2021', agency: '平湖市统计局' });
    expect(outline(r)).toEqual(['一:s1:5', '二:s2:17', '三:s3:34', '四:s4:66', '五:s5:73', '六:s6:81']);
    expect(tableIds(r)).toEqual(['T2_1', 'T2_5', 'T2_6', 'T2_8', 'T3', 'T4']);
    expect(tables(r).every((t) => t.layout === 'tab')).toBe(true);
  });
  test('all 2021 rows of section 三, including the row that lost its leading tabs and the one after a blank line', () => {
    expect(rowIds(r, 'T3')).toEqual(T3_2021);
    const r334 = rowOf(r, 'T3', 'r3_3_4');
    expect(r334.position.start.line).toBe(46);
    expect(r334.foundCells).toBe(7);
    expect(rowOf(r, 'T3', 'r3_3_6').position.start.line).toBe(49);
  });
  test('values and positions', () => {
    const pen = rowOf(r, 'T2_6', 'penalty');
    expect(pen.children).toHaveLength(1);
    expect(pen.children[0]).toMatchObject({ columnId: 'decisions', value: 12 });
    expect(pen.children[0].position.start).toMatchObject({ line: 28, column: 6 });
    expect(at(text, pen.children[0])).toBe('12');
    const r1 = rowOf(r, 'T3', 'r1');
    // 「一、本年新收…\t\t0\t…」: the empty placeholder after the label is dropped
    expect(r1.children.map((c) => c.value)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r1.children[0].position.start).toMatchObject({ line: 39, column: 19 });
    expect(at(text, r1.children[0])).toBe('0');
    expect(rowOf(r, 'T4', 'n').children.map((c) => c.columnId)).toEqual([
      'rv_maintain', 'rv_correct', 'rv_other', 'rv_pending', 'rv_total',
      'ld_maintain', 'ld_correct', 'ld_other', 'ld_pending', 'ld_total',
      'la_maintain', 'la_correct', 'la_other', 'la_pending', 'la_total',
    ]);
  });
});

describe('002: Word export with label typos, 2019 format', () => {
  const r = parsed(readSample(SEEDS.s002));
  test('rows with typos still land on their rows', () => {
    expect(rowIds(r, 'T3')).toEqual(T3_2019);
    expect(rowOf(r, 'T3', 'r3_3_3').match).toMatchObject({ kind: 'variant', canonical: '3.危及“三安全一稳定”', distance: 1 });
    expect(rowOf(r, 'T3', 'r2').match).toMatchObject({ kind: 'variant', distance: 2 });
  });
  test('report', () => {
    expect(r).toMatchObject({ year: 2020, format: '2019', agency: '沈阳市辽中区统计局' });
    expect(outline(r)).toEqual(['一:s1:7', '二:s2:29', '三:s3:105', '四:s4:367', '五:s5:412', '六:s6:424']);
  });
});

describe('003: Markdown headings, PDF text with split labels', () => {
  const text = readSample(SEEDS.s003);
  const r = parsed(text);
  test('headings of mixed levels are sections; the title spans two heading lines', () => {
    expect(outline(r)).toEqual(['一:s1:7', '二:s2:13', '三:s3:34', '四:s4:66', '五:s5:73', '六:s6:81']);
    expect(sections(r).map((s) => s.depth)).toEqual([3, 2, 2, 4, 4, 2]);
    expect(sections(r)[0].heading.value).toBe('一、总体情况');
    expect(r).toMatchObject({ year: 2020, format: '2019', agency: '重庆市大渡口区统计局' });
  });
  test('labels split by spaces and a label continued on the next line are joined', () => {
    expect(rowIds(r, 'T3')).toEqual(T3_2019);
    const r354 = rowOf(r, 'T3', 'r3_5_4');
    expect(r354.label).toBe('4.无正当理由大量反复申请');
    expect(r354.match?.kind).toBe('exact');
    expect(r354.labels.map((l) => l.position.start.line)).toEqual([58, 60]);
    expect(rowOf(r, 'T3', 'r3_3_2').match?.kind).toBe('exact'); // 禁 止公开
  });
  test('a unit in a money cell is read apart', () => {
    const proc = rowOf(r, 'T2_9', 'procurement');
    expect(proc.children[1]).toMatchObject({ columnId: 'amount', status: 'unit', value: 20, unit: '万元', raw: '20 万元' });
    expect(at(text, proc.children[1])).toBe('20 万元');
  });
});

describe('004: PDF text, cells lost and added, a line of dashes', () => {
  const text = readSample(SEEDS.s004);
  const r = parsed(text);
  test('five sections; 六 is missing; the reworded heading of 四 is recognised', () => {
    expect(outline(r)).toEqual(['一:s1:9', '二:s2:31', '三:s3:53', '四:s4:86', '五:s5:93']);
  });
  test('the label broken over two lines and a page break is joined; rows with 6 and 16 cells are not bound', () => {
    expect(rowIds(r, 'T3')).toEqual(T3_2019);
    const r32 = rowOf(r, 'T3', 'r3_2');
    expect(r32.match?.kind).toBe('exact');
    expect(r32.labels.map((l) => l.position.start.line)).toEqual([61, 63]);
    expect(r32.foundCells).toBe(6);
    expect(r32.children.every((c) => c.columnId === undefined)).toBe(true);
    expect(rowOf(r, 'T3', 'r3_1').foundCells).toBe(6);
    expect(rowOf(r, 'T4', 'n').foundCells).toBe(16);
    // the dashes under the table are not a row, and not a Markdown heading underline
    expect(rowOf(r, 'T3', 'r4').position.start.line).toBe(83);
  });
  test('non-zero values in section 二', () => {
    expect(rowOf(r, 'T2_6', 'penalty').children.map((c) => c.value)).toEqual([19, 0, 0]);
  });
});

describe('Markdown that must not eat the report', () => {
  test('a GFM pipe table is read with its cells', () => {
    const md = [
      '# 某某局2021年政府信息公开工作年度报告',
      '',
      '## 二、主动公开政府信息情况',
      '',
      '| 第二十条第（一）项 | | | |',
      '|---|---|---|---|',
      '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '| 规章 | 1 | 0 | 5 |',
      '| 行政规范性文件 | 3 | 2 | 17 |',
      '',
    ].join('\n');
    const r = parsed(md, 'r.md');
    const t = tableOf(r, 'T2_1');
    expect(t.layout).toBe('gfm');
    expect(rowOf(r, 'T2_1', 'normative').children.map((c) => c.value)).toEqual([3, 2, 17]);
    const c = rowOf(r, 'T2_1', 'normative').children[2];
    expect(c.position.start).toMatchObject({ line: 9, column: 21 });
    expect(md.slice(c.position.start.offset, c.position.end.offset)).toBe('17');
  });
  test('tab-indented lines, "1. " lines and a line of dashes stay report text', () => {
    const text = ['某某局2021年政府信息公开工作年度报告', '', '一、总体情况', '1. 主动公开情况。全年公开信息 12 条。', '---', '\t我局继续做好依申请公开。', '二、主动公开政府信息情况'].join('\n');
    const r = parsed(text, 'r.md');
    expect(sections(r).map((s) => s.sectionId)).toEqual(['s1', 's2']);
    const s1 = sections(r)[0];
    expect(s1.children.filter((c) => c.type === 'paragraph').map((p) => p.type === 'paragraph' && p.value)).toEqual([
      '1. 主动公开情况。全年公开信息 12 条。',
      '---',
    ]);
  });
});

describe('CRLF, CR and mixed line endings keep positions', () => {
  const base = readSample(SEEDS.s001);
  for (const [name, eol] of [['CRLF', '\r\n'], ['CR', '\r']] as const) {
    test(name, () => {
      const text = base.split('\n').join(eol);
      const r = parsed(text);
      const c = rowOf(r, 'T2_6', 'penalty').children[0];
      expect(c.position.start).toMatchObject({ line: 28, column: 6 });
      expect(text.slice(c.position.start.offset, c.position.end.offset)).toBe('12');
    });
  }
});

describe('headings and captions as PDF text leaves them', () => {
  test('a heading run on with its text: the heading up to the first punctuation, the rest a paragraph of the section', () => {
    const text = ['某某局2021年政府信息公开工作年度报告', '一、总体情况：全年主动公开信息 12 条。', '六、其他需要报告的事项。本年度未收取信息处理费。'].join('\n');
    const r = parsed(text);
    const ss = sections(r);
    expect(ss.map((s) => [s.sectionId, s.heading.value])).toEqual([['s1', '一、总体情况'], ['s6', '六、其他需要报告的事项']]);
    expect(ss[1].heading.position.end.column).toBe(12);
    expect(ss[1].children).toEqual([expect.objectContaining({ type: 'paragraph', value: '本年度未收取信息处理费。', position: expect.objectContaining({ start: expect.objectContaining({ line: 3, column: 13 }) }) })]);
  });
  test('a table caption that lost its tabs still starts its table', () => {
    const text = ['某某局2021年政府信息公开工作年度报告', '二、主动公开政府信息情况', '第二十条第（一）项', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '规章\t1\t0\t3'].join('\n');
    const r = parsed(text);
    expect(tableOf(r, 'T2_1').caption?.value).toBe('第二十条第（一）项');
    expect(rowOf(r, 'T2_1', 'regulation').children.map((c) => c.value)).toEqual([1, 0, 3]);
  });
});

describe('the reader as a unified plugin', () => {
  test('unified().use(reportParse).parse(file) gives the report AST; what it learnt is on the file', async () => {
    const { unified } = await import('unified');
    const { VFile } = await import('vfile');
    const { reportParse } = await import('../src/index.js');
    const file = new VFile({ path: 'r.txt', value: readSample(SEEDS.s001) });
    const tree = unified().use(reportParse, { format: '2021' }).parse(file) as unknown as Report;
    expect(tree.type).toBe('report');
    expect(sections(tree)).toHaveLength(6);
    expect(file.data.reportLint?.format.short).toBe('2021');
    expect(file.data.reportLint?.input.kind).toBe('text');
  });
});
