/**
 * The HTML reader on pages of the kind agency sites publish: the report found among menus, tables of contents,
 * layout tables, scripts and footers; headings as bold paragraphs; rowspan/colspan label cells; entities and
 * line endings in the source; fixes only where they replace plain text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { lint, lintFile, parseReport } from '../src/index.js';
import { sections, tables } from '../src/ast.js';
import { extractValues } from '../src/cli/extract.js';
import { reportPage } from './support/pages.js';
import { tempFolder as tempDir } from './support/cli.js';

const parse = (html: string) => parseReport(html, { filePath: 'report.html' });
const values = (html: string) => extractValues(parse(html), 'report.html');

test('a complete page: six sections, every table, the numbers, no finding', () => {
  const html = reportPage();
  const { report } = parse(html);
  expect(report.title?.value).toBe('某某县人民政府办公室2021年政府信息公开工作年度报告');
  expect(report.year).toBe(2021);
  expect(sections(report).map((s) => s.sectionId)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
  expect(tables(report).map((t) => t.tableId)).toEqual(['T2_1', 'T2_5', 'T2_6', 'T2_8', 'T3', 'T4']);
  const x = values(html);
  expect(x.unbound).toEqual([]);
  expect(x.tables.T2_1.normative).toEqual({ issued: 5, repealed: 1, valid: 40 });
  expect(x.tables.T2_8.fee).toEqual({ amount: 1.5 });
  expect(x.tables.T3.r1.natural).toBe(3);
  expect(x.tables.T3.r3_6_3.total).toBe(1);
  expect(Object.keys(x.tables.T3)).toHaveLength(25);
  expect(x.tables.T4.n.rv_maintain).toBe(1);
  expect(lint(html, { filePath: 'report.html' }).messages).toEqual([]);
});

test('scripts, styles, hidden elements and the footer are not read; the heading in bold at the start of a paragraph is split from its text', () => {
  const { report } = parse(reportPage());
  const s = sections(report);
  // each heading once, from the article, not from the <script>, the <style> or the hidden footer div
  expect(s).toHaveLength(6);
  expect(s[1].heading.value).toBe('二、主动公开政府信息情况');
  expect(s[1].children[0]).toMatchObject({ type: 'paragraph', value: '本年度主动公开情况如下。' });
  expect(s[5].children.map((c) => (c.type === 'paragraph' ? c.value : c.type))).toEqual(['本年度未收取信息处理费。', '2022年1月20日']);
  const all = JSON.stringify(report);
  expect(all).not.toContain('主办单位');
  expect(all).not.toContain('console.log');
});

test('a table of contents listing the headings beside the article does not double the sections', () => {
  const { report } = parse(reportPage({ toc: true }));
  expect(sections(report)).toHaveLength(6);
  expect(tables(report)).toHaveLength(6);
});

test('an old-style page laid out in tables, with CRLF line endings: the report inside a layout cell', () => {
  const html = reportPage({ layoutTable: true, eol: '\r\n' });
  const { report } = parse(html);
  expect(sections(report)).toHaveLength(6);
  expect(values(html).tables.T3.r3_1.natural).toBe(2);
  // the title from the page's <title>, without the site's name
  expect(report.title?.value).toBe('某某县人民政府办公室2021年政府信息公开工作年度报告');
  expect(report.children.some((c) => c.type === 'paragraph' && c.value.includes('栏目导航'))).toBe(false);
});

describe.each([
  ['LF', '\n' as const],
  ['CRLF', '\r\n' as const],
])('a wrong number in a page (%s): located on the cell in the source, by line, column and table place', (_, eol) => {
  // 一、本年新收's 社会公益组织 (index 3) written 5: the row's 总计 (3) no longer adds up
  const html = reportPage({ eol, t3Cell: ['r1', 3, '5'] });
  const res = lint(html, { filePath: 'report.html' });
  const m = res.messages.find((x) => x.ruleId === 'row-total');

  test('the finding sits on the 总计 cell', () => {
    expect(m).toBeDefined();
    const lines = html.split(/\r\n|\r|\n/);
    expect(lines[m!.line - 1].slice(m!.column - 1, m!.endColumn - 1)).toBe('3');
    expect(m!.location).toEqual({ section: 's3', table: 'T3', row: 'r1', column: 'total' });
    // the 2nd table of the report, 4th <tr>, 8th <td> (one label cell spanning three columns, seven values)
    expect(m!.place).toEqual({ table: 2, row: 4, cell: 8, text: '第 2 个表格第 4 行第 8 格' });
  });

  test('the related cells are placed too', () => {
    expect(m!.related!.map((r) => r.place?.cell)).toEqual([2, 3, 4, 5, 6, 7]);
  });
});

test('entities in cells: &nbsp; padding and full-width digits written as character references are read, and located on their source', () => {
  const html = reportPage({ t3Cell: ['r3_1', 0, '&#65298;'] }); // ２
  const { report } = parse(html);
  const r31 = tables(report).find((t) => t.tableId === 'T3')!.children.find((r) => r.rowId === 'r3_1')!;
  expect(r31.children[0].value).toBe(2);
  const c = r31.children[0];
  expect(html.slice(c.position.start.offset!, c.position.end.offset!)).toBe('&#65298;');
  // a padded cell: the span is the number, without the &nbsp; around it
  const c6 = r31.children[6];
  expect(html.slice(c6.position.start.offset!, c6.position.end.offset!)).toBe('2');
});

test('a typo in a label written as plain text gets a fix that repairs the page; one broken by markup gets none', () => {
  const plain = reportPage({ r2Label: '二、上年结转政府信息公开数量' });
  const m = lint(plain, { filePath: 'report.html' }).messages.find((x) => x.ruleId === 'label-variant');
  expect(m?.fix).toBeDefined();
  const fixed = plain.slice(0, m!.fix!.range[0]) + m!.fix!.text + plain.slice(m!.fix!.range[1]);
  expect(lint(fixed, { filePath: 'report.html' }).messages).toEqual([]);

  const marked = reportPage({ r2Label: '二、上年结转<span>政府信息</span>公开数量' });
  const m2 = lint(marked, { filePath: 'report.html' }).messages.find((x) => x.ruleId === 'label-variant');
  expect(m2).toBeDefined();
  expect(m2!.fix).toBeUndefined();
});

test('a GBK page that says charset=gb2312, under a .htm name, is read', async () => {
  const { dir, done } = tempDir();
  try {
    const file = join(dir, 'nb2021.htm');
    writeFileSync(file, iconv.encode(reportPage({ charset: 'gb2312' }), 'gbk'));
    const r = await lintFile(file);
    expect(r.messages).toEqual([]);
  } finally {
    done();
  }
});

test('a page that is no annual report: one warning that says so', () => {
  const html = '<html><head><title>新闻</title></head><body><div class="nav">首页</div><p>今天召开了全县工作会议。</p><table><tr><td>1</td></tr></table></body></html>';
  const r = lint(html, { filePath: 'news.html' });
  expect(r.messages).toHaveLength(1);
  expect(r.messages[0]).toMatchObject({ ruleId: null, severity: 1 });
  expect(r.messages[0].message).toContain('未识别为政府信息公开工作年度报告');
  expect(r.errorCount).toBe(0);
});

test('an empty page says it is empty', () => {
  const r = lint('<html><body>\n</body></html>', { filePath: 'empty.html' });
  expect(r.messages).toHaveLength(1);
  expect(r.messages[0].message).toContain('网页是空的');
});
