/**
 * A complete 2021-format report as a web page, in the markup government sites and Word produce: bold paragraphs
 * for headings, rowspan/colspan label cells, &nbsp; padding, mso spans. Labels come from the format's data; the
 * numbers add up unless a test changes one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './root.js';

interface FRow {
  id: string;
  label: string | null;
  data: boolean;
  parent?: string;
}
const format = JSON.parse(readFileSync(join(ROOT, 'data', 'formats', '2021.json'), 'utf8')) as {
  tables: Array<{ id: string; rows: FRow[]; columns: Array<{ id: string; label: string }> }>;
};
const t3 = format.tables.find((t) => t.id === 'T3')!;

/** 自然人 values of section 三 by row id (the other applicants 0); they balance: 3 + 0 = (2 + 1) + 0. */
export const NATURAL: Record<string, number> = { r1: 3, r3_1: 2, r3_6_3: 1, r3_7: 3 };

export interface PageOptions {
  /** override a cell of section 三: [row id, column index 0–6, text] */
  t3Cell?: [string, number, string];
  /** line ending of the HTML source */
  eol?: '\n' | '\r\n';
  /** put the article inside an old-style layout table */
  layoutTable?: boolean;
  /** a table of contents beside the article, listing the section headings as links */
  toc?: boolean;
  /** text of the 二、上年结转 row label (to write a typo) */
  r2Label?: string;
  charset?: string;
}

const pad = (v: string) => `<p class=MsoNormal align=center><span style="font-family:仿宋_GB2312;mso-bidi-font-size:10.5pt">&nbsp;${v}&nbsp;<o:p></o:p></span></p>`;

function t3Rows(o: PageOptions): string[] {
  const rows: string[] = [];
  const data = t3.rows.filter((r) => r.data);
  const groups = new Map(t3.rows.filter((r) => !r.data).map((r) => [r.id, r]));
  const under = (g: string) => data.filter((r) => r.parent === g || (r.parent && groups.get(r.parent)?.parent === g));
  const seen = new Set<string>();
  for (const r of data) {
    const vals = [NATURAL[r.id] ?? 0, 0, 0, 0, 0, 0];
    const cells = [...vals, vals.reduce((a, b) => a + b, 0)].map(String);
    if (o.t3Cell && o.t3Cell[0] === r.id) cells[o.t3Cell[1]] = o.t3Cell[2];
    const values = cells.map((v) => `<td width=60>${pad(v)}</td>`).join('');
    let label = '';
    const parent = r.parent ? groups.get(r.parent) : undefined;
    const top = parent?.parent ? groups.get(parent.parent) : parent;
    if (top && !seen.has(top.id)) {
      seen.add(top.id);
      label += `<td rowspan=${under(top.id).length}><b>${top.label}</b></td>`;
    }
    if (parent && parent !== top && !seen.has(parent.id)) {
      seen.add(parent.id);
      label += `<td rowspan=${under(parent.id).length}>${parent.label}</td>`;
    }
    const text = r.id === 'r2' && o.r2Label ? o.r2Label : r.label!;
    const span = parent === undefined ? 3 : parent === top ? 2 : 1;
    label += `<td colspan=${span}>${text}</td>`;
    rows.push(`<tr>${label}${values}</tr>`);
  }
  return rows;
}

export function reportPage(o: PageOptions = {}): string {
  const eol = o.eol ?? '\n';
  const article = [
    '<p style="text-align:center"><span style="font-family:方正小标宋简体">某某县人民政府办公室</span></p>',
    '<p>根据《中华人民共和国政府信息公开条例》，编制本报告。</p>',
    '<p><strong>一、总体情况</strong></p>',
    '<p>2021年，本办主动公开政府信息。</p>',
    '<p><b>二、主动公开政府信息情况</b>　本年度主动公开情况如下。</p>',
    '<table border=1><tbody>',
    '<tr><td colspan=4>第二十条第（一）项</td></tr>',
    '<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>',
    '<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>',
    '<tr><td>行政规范性文件</td><td>5</td><td>1</td><td>40</td></tr>',
    '<tr><td colspan=4>第二十条第（五）项</td></tr>',
    '<tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>',
    '<tr><td>行政许可</td><td colspan=3>120</td></tr>',
    '<tr><td colspan=4>第二十条第（六）项</td></tr>',
    '<tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>',
    '<tr><td>行政处罚</td><td colspan=3>30</td></tr>',
    '<tr><td>行政强制</td><td colspan=3>2</td></tr>',
    '<tr><td colspan=4>第二十条第（八）项</td></tr>',
    '<tr><td>信息内容</td><td colspan=3>本年收费金额（单位：万元）</td></tr>',
    '<tr><td>行政事业性收费</td><td colspan=3>1.5</td></tr>',
    '</tbody></table>',
    '<h3 style="font-family:黑体">三、收到和处理政府信息公开申请情况</h3>',
    '<table border=1>',
    '<thead><tr><th colspan=3 rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan=7>申请人情况</th></tr>',
    '<tr><th rowspan=2>自然人</th><th colspan=5>法人或其他组织</th><th rowspan=2>总计</th></tr>',
    '<tr><th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th></tr></thead>',
    '<tbody>',
    ...t3Rows(o),
    '</tbody></table>',
    '<p><span style="font-family:黑体">四、政府信息公开行政复议、行政诉讼情况</span></p>',
    '<table border=1>',
    '<tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr>',
    '<tr><td rowspan=2>结果维持</td><td rowspan=2>结果纠正</td><td rowspan=2>其他结果</td><td rowspan=2>尚未审结</td><td rowspan=2>总计</td><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>',
    '<tr>' + ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((l) => `<td>${l}</td>`).join('') + '</tr>',
    '<tr>' + ['1', '0', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'].map((v) => `<td>${v}</td>`).join('') + '</tr>',
    '</table>',
    '<p><strong>五、存在的主要问题及改进情况</strong></p>',
    '<p>公开的及时性有待提高。</p>',
    '<p><strong>六、其他需要报告的事项</strong></p>',
    '<p>本年度未收取信息处理费。</p>',
    '<p style="text-align:right">2022年1月20日</p>',
  ];
  const toc = o.toc
    ? ['<div class="toc"><ul>', ...['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'].map((h, i) => `<li><a href="#s${i}">${h}</a></li>`), '</ul></div>']
    : [];
  const body = o.layoutTable
    ? ['<table width=980><tr><td class="nav">首页 | 政务公开 | 互动交流</td></tr><tr><td>', '<table><tr><td width=200>栏目导航</td><td>', ...article, '</td></tr></table>', '</td></tr></table>']
    : ['<div class="header"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a>信息公开年报</a></li></ul></div>', ...toc, '<h1 class="article-title">某某县人民政府办公室2021年政府信息公开工作年度报告</h1>', '<div class="info">来源：县政府办　发布时间：2022-01-25</div>', '<div class="article">', ...article, '</div>'];
  return [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    `<meta charset="${o.charset ?? 'utf-8'}">`,
    '<title>某某县人民政府办公室2021年政府信息公开工作年度报告_信息公开年报_某某县人民政府</title>',
    '<style>.article p { line-height: 2 } /* 一、总体情况 */</style>',
    '<script>var headings = ["一、总体情况", "二、主动公开政府信息情况"]; document.title += "";</script>',
    '</head>',
    '<body>',
    ...body,
    '<div class="footer">主办单位：某某县人民政府办公室　联系电话：0000-1234567<div style="display:none">三、收到和处理政府信息公开申请情况</div></div>',
    '<script>for (var i = 0; i < 10; i++) { console.log("四、政府信息公开行政复议、行政诉讼情况"); }</script>',
    '</body>',
    '</html>',
    '',
  ].join(eol);
}
