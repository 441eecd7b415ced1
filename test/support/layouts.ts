/**
 * Reports written in the layouts real reports come in (issue 9): tables without captions, tables printed in parts,
 * PDF text where labels and numbers come apart, rows of a label and space-separated numbers, pipe rows without a
 * delimiter row. A report is a list of blocks, rendered as text, Markdown or a web page; the values are the same
 * in every layout, and `EXPECTED` is what `extract` must give for them. Labels come from the format's data.
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
interface FTable {
  id: string;
  caption?: string;
  columns: Array<{ id: string; label: string }>;
  rows: FRow[];
}
const format = JSON.parse(readFileSync(join(ROOT, 'data', 'formats', '2021.json'), 'utf8')) as { tables: FTable[] };
const table = (id: string) => format.tables.find((t) => t.id === id)!;
export const T3 = table('T3');
const T4 = table('T4');

/** Values of section 三 by row id: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 (they add up). */
const T3_VALUES: Record<string, number[]> = {
  r1: [1204, 37, 0, 2, 15, 6, 1264],
  r2: [12, 1, 0, 0, 0, 0, 13],
  r3_1: [600, 20, 0, 1, 5, 3, 629],
  r3_2: [100, 5, 0, 0, 2, 0, 107],
  r3_3_1: [1, 0, 0, 0, 0, 0, 1],
  r3_3_4: [3, 0, 0, 0, 0, 0, 3],
  r3_4_1: [400, 8, 0, 1, 6, 2, 417],
  r3_5_2: [50, 2, 0, 0, 1, 0, 53],
  r3_6_3: [42, 1, 0, 0, 1, 1, 45],
  r3_7: [1196, 36, 0, 2, 15, 6, 1255],
  r4: [20, 2, 0, 0, 0, 0, 22],
};
export const T3_ROWS = T3.rows.filter((r) => r.data);
export const t3Values = (id: string): number[] => T3_VALUES[id] ?? [0, 0, 0, 0, 0, 0, 0];
/** 行政复议 (维持, 纠正, 其他, 尚未审结, 总计), 未经复议直接起诉 (…), 复议后起诉 (…) */
export const T4_VALUES = [1, 2, 0, 1, 4, 0, 1, 0, 0, 1, 2, 0, 0, 1, 3];

/** What `extract` gives for these values. */
export const EXPECTED: Record<string, Record<string, Record<string, number>>> = {
  T2_1: { regulation: { issued: 1, repealed: 0, valid: 3 }, normative: { issued: 5, repealed: 2, valid: 40 } },
  T2_5: { license: { decisions: 12 } },
  T2_6: { penalty: { decisions: 30 }, coercion: { decisions: 4 } },
  T2_8: { fee: { amount: 1.5 } },
  T3: Object.fromEntries(T3_ROWS.map((r) => [r.id, Object.fromEntries(T3.columns.map((c, i) => [c.id, t3Values(r.id)[i]]))])),
  T4: { n: Object.fromEntries(T4.columns.map((c, i) => [c.id, T4_VALUES[i]])) },
};

export type Block = { h: string } | { p: string } | { table: string[][] };

/** Title lines, then sections 一…六 with the blocks given for 二, 三, 四. */
export function report(o: { title?: string[]; s2: Block[]; s3: Block[]; s4: Block[]; headings?: string[]; s1?: Block[] }): Block[] {
  const h = o.headings ?? ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
  return [
    ...(o.title ?? ['某某区人民政府2023年政府信息公开工作年度报告']).map((p) => ({ p })),
    { p: '本报告根据《中华人民共和国政府信息公开条例》编制。' },
    { h: h[0] },
    ...(o.s1 ?? [{ p: '2023年，我区认真贯彻落实政府信息公开条例，持续推进政务公开工作。' }]),
    { h: h[1] },
    ...o.s2,
    { h: h[2] },
    ...o.s3,
    { h: h[3] },
    ...o.s4,
    { h: h[4] },
    { p: '公开内容的深度还有待加强。下一步将进一步规范公开工作。' },
    { h: h[5] },
    { p: '本年度未收取信息处理费。' },
  ];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function asText(blocks: Block[]): string {
  return blocks.map((b) => ('h' in b ? b.h : 'p' in b ? b.p : b.table.map((r) => r.join('\t')).join('\n'))).join('\n\n') + '\n';
}

export function asMarkdown(blocks: Block[]): string {
  return (
    blocks
      .map((b) => {
        if ('h' in b) return `## ${b.h}`;
        if ('p' in b) return b.p;
        const width = Math.max(...b.table.map((r) => r.length));
        const row = (r: string[]) => `| ${[...r, ...Array(width - r.length).fill('')].join(' | ')} |`;
        return [row(b.table[0]), `|${' --- |'.repeat(width)}`, ...b.table.slice(1).map(row)].join('\n');
      })
      .join('\n\n') + '\n'
  );
}

export function asHtml(blocks: Block[]): string {
  const body = blocks
    .map((b) => {
      if ('h' in b) return `<p><strong>${esc(b.h)}</strong></p>`;
      if ('p' in b) return `<p>${esc(b.p)}</p>`;
      return `<table border="1">${b.table.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`;
    })
    .join('\n');
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>年度报告</title></head><body><div class="article">\n${body}\n</div></body></html>\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// the tables, in several layouts

/** Section 二 as tables with their header rows and no 第二十条第（X）项 caption. */
export function t2Uncaptioned(): Block[] {
  return [
    { table: [['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], ['规章', '1', '0', '3'], ['行政规范性文件', '5', '2', '40']] },
    { table: [['信息内容', '本年处理决定数量'], ['行政许可', '12']] },
    { table: [['信息内容', '本年处理决定数量'], ['行政处罚', '30'], ['行政强制', '4']] },
    { table: [['信息内容', '本年收费金额（单位：万元）'], ['行政事业性收费', '1.5']] },
  ];
}

/** Section 二: table (一) without caption, then (五)(六)(八) as plain lines under sub-headings; `gap` separates label and number. */
export function t2PlainLines(gap = '　　'): Block[] {
  return [
    { table: [['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], ['规章', '1', '0', '3'], ['行政规范性文件', '5', '2', '40']] },
    { p: '（二）行政许可、行政处罚和行政强制情况' },
    { p: `行政许可${gap}12` },
    { p: `行政处罚${gap}30` },
    { p: `行政强制${gap}4` },
    { p: '（三）行政事业性收费情况' },
    { p: `行政事业性收费${gap}1.5` },
  ];
}

/** Section 二 with its captions, tab-separated as Word exports it (the layout read before issue 9). */
export function t2Captioned(): Block[] {
  return [
    { table: [['第二十条第（一）项'], ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], ['规章', '1', '0', '3'], ['行政规范性文件', '5', '2', '40']] },
    { table: [['第二十条第（五）项'], ['信息内容', '本年处理决定数量'], ['行政许可', '12']] },
    { table: [['第二十条第（六）项'], ['信息内容', '本年处理决定数量'], ['行政处罚', '30'], ['行政强制', '4']] },
    { table: [['第二十条第（八）项'], ['信息内容', '本年收费金额（单位：万元）'], ['行政事业性收费', '1.5']] },
  ];
}

const T3_HEADER = [
  ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
  ['自然人', '法人或其他组织', '总计'],
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
];

/** The label of a row of section 三 as a reader sees it: group labels where a group starts, then the row's own. */
function t3Label(r: FRow, seen: Set<string>): string[] {
  const byId = new Map(T3.rows.map((x) => [x.id, x]));
  const chain: FRow[] = [];
  for (let p = r.parent ? byId.get(r.parent) : undefined; p; p = p.parent ? byId.get(p.parent) : undefined) chain.unshift(p);
  const out: string[] = [];
  for (const g of chain) {
    if (seen.has(g.id)) continue;
    seen.add(g.id);
    out.push(g.label!);
  }
  out.push(r.label!);
  return out;
}

/** Section 三 as lines of a label and its numbers separated by spaces (PDF text); group labels on lines of their own. */
export function t3Spaced(sep = ' '): Block[] {
  const seen = new Set<string>();
  const lines: Block[] = T3_HEADER.map((r) => ({ p: r.join(' ') }));
  for (const r of T3_ROWS) {
    const labels = t3Label(r, seen);
    for (const g of labels.slice(0, -1)) lines.push({ p: g });
    lines.push({ p: `${labels[labels.length - 1]}${sep}${t3Values(r.id).join(sep)}` });
  }
  return lines;
}

/** Section 三 as pipe rows with no delimiter row (a table that lost its `| --- |` line). */
export function t3Pipes(): Block[] {
  const seen = new Set<string>();
  const lines: Block[] = [{ p: `| ${T3_HEADER[1].join(' | ')} |` }];
  for (const r of T3_ROWS) {
    const labels = t3Label(r, seen);
    lines.push({ p: `| ${labels.join(' | ')} | ${t3Values(r.id).join(' | ')} |` });
  }
  return lines;
}

/**
 * Section 三 as PDF text extractions give it: each row's label on one line and its numbers on the next; in
 * `blocks` of `n` rows, n labels first and then their n lines of numbers; long labels broken over two lines.
 */
export function t3Apart(o: { block?: number; breakLong?: boolean } = {}): Block[] {
  const seen = new Set<string>();
  const out: Block[] = T3_HEADER.map((r) => ({ p: r.join(' ') }));
  const n = o.block ?? 1;
  for (let i = 0; i < T3_ROWS.length; i += n) {
    const rows = T3_ROWS.slice(i, i + n);
    for (const r of rows) {
      const labels = t3Label(r, seen);
      for (const g of labels.slice(0, -1)) out.push({ p: g });
      const own = labels[labels.length - 1];
      if (o.breakLong && own.length > 14) {
        const cut = Math.ceil(own.length * 0.6);
        out.push({ p: own.slice(0, cut) }, { p: own.slice(cut) });
      } else out.push({ p: own });
    }
    for (const r of rows) out.push({ p: t3Values(r.id).join(' ') });
  }
  return out;
}

/** Section 三 tab-separated as Word exports it (the layout read before issue 9). */
export function t3Tabbed(): Block[] {
  const seen = new Set<string>();
  const rows: string[][] = T3_HEADER.map((r) => [...r]);
  for (const r of T3_ROWS) rows.push([...t3Label(r, seen), ...t3Values(r.id).map(String)]);
  return [{ table: rows }];
}

const T4_WORDS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** Section 四 as three tables of five columns, each with its own heading. */
export function t4Three(): Block[] {
  return [
    { p: '行政复议' },
    { table: [T4_WORDS, T4_VALUES.slice(0, 5).map(String)] },
    { p: '行政诉讼（未经复议直接起诉）' },
    { table: [T4_WORDS, T4_VALUES.slice(5, 10).map(String)] },
    { p: '行政诉讼（复议后起诉）' },
    { table: [T4_WORDS, T4_VALUES.slice(10).map(String)] },
  ];
}

/** Section 四 as header words and a bare run of 15 numbers, separated by spaces (PDF text). */
export function t4Bare(): Block[] {
  return [{ p: '行政复议 行政诉讼' }, { p: [...T4_WORDS, '未经复议直接起诉', '复议后起诉'].join(' ') }, { p: T4_VALUES.join(' ') }];
}

/** Section 四 as one table of 15 columns (the layout read before issue 9). */
export function t4Single(): Block[] {
  return [
    {
      table: [
        ['行政复议', '', '', '', '', '行政诉讼'],
        [...T4_WORDS, '未经复议直接起诉', '', '', '', '', '复议后起诉'],
        ['', '', '', '', '', ...T4_WORDS, ...T4_WORDS],
        T4_VALUES.map(String),
      ],
    },
  ];
}

/** Section 四 as three tables of five columns, each with its heading in its first row (adjacent tables in a page). */
export function t4ThreeHeaded(): Block[] {
  return [
    { table: [['行政复议'], T4_WORDS, T4_VALUES.slice(0, 5).map(String)] },
    { table: [['行政诉讼（未经复议直接起诉）'], T4_WORDS, T4_VALUES.slice(5, 10).map(String)] },
    { table: [['行政诉讼（复议后起诉）'], T4_WORDS, T4_VALUES.slice(10).map(String)] },
  ];
}
