/**
 * Reports for the tests: the samples in the repository, small reports written here, and the edits tests make to
 * them (a wrong number, a changed label, other line endings), with the helpers that find rows and positions in them.
 *
 * The small reports follow the 2021 format, section 三 in the tab-separated layout of seed 001 (lines 34–64) but with
 * non-zero numbers that add up, so that every arithmetic rule holds until a test edits one.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lint, parse, type LintMessage, type LintResult } from '../../src/index.js';
import { tables } from '../../src/ast.js';
import type { Report, Row, Table } from '../../src/types.js';
import { ROOT } from './root.js';

export { ROOT };

/** The five seed reports (samples/seeds). */
export const SEEDS = {
  s000: 'samples/seeds/000_fdd122682e06667e.txt',
  s001: 'samples/seeds/001_3ae8912727f14c8a.txt',
  s002: 'samples/seeds/002_e5e51e0cfe3bc0cf.txt',
  s003: 'samples/seeds/003_ee5b6e7281e715ed.txt',
  s004: 'samples/seeds/004_4455f420e810b9a4.txt',
} as const;

/** A file of the project by its path from the project folder. */
export function readSample(rel: string): string {
  return readFileSync(join(ROOT, rel), 'utf8');
}

export function lintSample(rel: string): LintResult {
  return lint(readSample(rel), { filePath: join(ROOT, rel) });
}

export function parsed(text: string, filePath = 'report.txt'): Report {
  return parse(text, { filePath }).report;
}

export function tableOf(report: Report, id: string): Table {
  const t = tables(report).find((x) => x.tableId === id);
  if (!t) throw new Error(`table ${id} not found`);
  return t;
}

export function rowOf(report: Report, tableId: string, rowId: string): Row {
  const r = tableOf(report, tableId).children.find((x) => x.rowId === rowId);
  if (!r) throw new Error(`row ${tableId}.${rowId} not found`);
  return r;
}

/** Findings as "line:col rule" strings, sorted, for compact exact assertions. */
export function brief(messages: LintMessage[]): string[] {
  return messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
}

/** Replace the text of one (1-based) line. */
export function replaceLine(text: string, line: number, f: (s: string) => string): string {
  const lines = text.split('\n');
  lines[line - 1] = f(lines[line - 1]);
  return lines.join('\n');
}

/** The text a finding points at, by its line/column (UTF-16) positions. */
export function spanText(text: string, m: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (m.line === m.endLine) return lines[m.line - 1].slice(m.column - 1, m.endColumn - 1);
  return [lines[m.line - 1].slice(m.column - 1), ...lines.slice(m.line, m.endLine - 1), lines[m.endLine - 1].slice(0, m.endColumn - 1)].join('\n');
}

/** A file of samples/ by its path below it. */
export function sample(path: string): string {
  return readFileSync(join(ROOT, 'samples', path), 'utf8');
}

/** Seed 001 (2021 format, tab-separated tables, all zeros) with 一、本年新收's 总计 changed to 7: a row-total error there. */
export function seedWithWrongTotal(): string {
  const text = sample('seeds/001_3ae8912727f14c8a.txt');
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量\t'));
  if (i < 0) throw new Error('seed 001 changed: no 一、本年新收 row');
  const cells = lines[i].split('\t');
  // the row ends with a tab: the total is the last non-empty cell
  let k = cells.length - 1;
  while (cells[k] === '') k--;
  cells[k] = '7';
  lines[i] = cells.join('\t');
  return lines.join('\n');
}

/**
 * Change a table row of a tab-separated layout: the cell whose text starts with `label` (white space ignored) is
 * replaced by `newLabel` when given, and the row's number cells, in order, by `values` where given.
 */
export function editRow(text: string, label: string, change: { newLabel?: string; values?: Array<string | undefined> }): string {
  const squash = (s: string) => s.replace(/\s/g, '');
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.split('\t').some((c) => squash(c).startsWith(squash(label))));
  if (i < 0) throw new Error(`no row ${label}`);
  const cells = lines[i].split('\t');
  const at = cells.findIndex((c) => squash(c).startsWith(squash(label)));
  if (change.newLabel !== undefined) cells[at] = change.newLabel;
  let k = 0;
  for (let j = at + 1; j < cells.length; j++) {
    if (!/^\d+$/.test(cells[j].trim())) continue;
    const v = change.values?.[k++];
    if (v !== undefined) cells[j] = v;
  }
  lines[i] = cells.join('\t');
  return lines.join('\n');
}

/** Line endings: LF as written, CRLF, CR, or a mix of the three (cycling line by line). */
export function withEol(text: string, eol: 'LF' | 'CRLF' | 'CR' | 'mixed'): string {
  const lines = text.split('\n');
  if (eol === 'LF') return text;
  if (eol === 'CRLF') return lines.join('\r\n');
  if (eol === 'CR') return lines.join('\r');
  const ends = ['\r\n', '\n', '\r'];
  return lines.map((l, i) => (i < lines.length - 1 ? l + ends[i % 3] : l)).join('');
}

/** The 0-based offset of a 1-based line and column (UTF-16 units), splitting lines as a reader of the file would. */
export function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const m = /\r\n|\r|\n/g;
    m.lastIndex = at;
    const r = m.exec(text);
    if (!r) throw new Error(`no line ${line}`);
    at = r.index + r[0].length;
  }
  return at + column - 1;
}

/** Put numbers into the cells of a tab-separated row whose number cells are all 0. */
function setZeros(line: string, values: number[]): string {
  const cells = line.split('\t');
  if (cells.filter((c) => c.trim() === '0').length !== values.length) throw new Error(`expected ${values.length} zero cells in: ${line}`);
  let i = 0;
  return cells.map((c) => (c.trim() === '0' ? String(values[i++]) : c)).join('\t');
}

/**
 * Seed 001 (2021 format, tab-separated rows) with data in section 三: 6 new applications (5 from people, 1 from a
 * company), of which 4 granted (3 + 1) and 2 partly granted. One cell is wrong: row （一）予以公开 gives 5 in its
 * 总计 column (line 41, column 32) where its applicant columns add up to 4. That one cell breaks row-total on line
 * 41 and outcome-total on the 总计 cell of （七）总计 (line 63, column 20: 5 + 2 = 7, written 6).
 */
export function arithmeticReport(wrongTotal = 5): string {
  let t = readSample(SEEDS.s001);
  const rows: Array<[number, string, number[]]> = [
    [39, '一、本年新收政府信息公开申请数量', [5, 1, 0, 0, 0, 0, 6]],
    [41, '(一) 予以公开', [3, 1, 0, 0, 0, 0, wrongTotal]],
    [42, '(二) 部分公开', [2, 0, 0, 0, 0, 0, 2]],
    [63, '(七) 总计', [5, 1, 0, 0, 0, 0, 6]],
  ];
  for (const [line, label, values] of rows) {
    t = replaceLine(t, line, (s) => {
      if (!s.includes(label)) throw new Error(`line ${line} of seed 001 is not ${label}: ${s}`);
      return setZeros(s, values);
    });
  }
  // the seed's prose says no application was received; with 6 in the table it says so (narrative-apply would flag it)
  t = replaceLine(t, 9, (s) => {
    if (!s.includes('全年未收到政府信息公开申请件')) throw new Error(`line 9 of seed 001 changed: ${s}`);
    return s.replace('全年未收到政府信息公开申请件', '全年收到政府信息公开申请6件');
  });
  return t;
}


// ───────────────────────── small reports, section 三 in tab rows ─────────────────────────

const T = '\t';

/** Values of section 三 by row: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
export const SECTION3: Array<[string, number[]]> = [
  ['一、本年新收政府信息公开申请数量' + T, [10, 3, 0, 0, 0, 0, 13]],
  ['二、上年结转政府信息公开申请数量' + T, [2, 0, 0, 0, 0, 0, 2]],
  ['三、本年度办理结果' + T + '(一) 予以公开', [5, 2, 0, 0, 0, 0, 7]],
  [T + '(二) 部分公开（区分处理的，只计这一情形，不计其他情形）', [1, 0, 0, 0, 0, 0, 1]],
  [T + '(三) 不予公开' + T + '1. 属于国家秘密', [1, 0, 0, 0, 0, 0, 1]],
  [T + T + '2. 其他法律行政法规禁止公开', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '3. 危及“三安全一稳定”', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '4. 保护第三方合法权益', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '5. 属于三类内部事务信息', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '6. 属于四类过程性信息', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '7. 属于行政执法案卷', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '8. 属于行政查询事项', [0, 0, 0, 0, 0, 0, 0]],
  [T + '(四) 无法提供' + T + '1. 本机关不掌握相关政府信息', [2, 0, 0, 0, 0, 0, 2]],
  [T + T + '2. 没有现成信息需要另行制作', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '3. 补正后申请内容仍不明确', [0, 0, 0, 0, 0, 0, 0]],
  [T + '(五) 不予处理' + T + '1. 信访举报投诉类申请', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '2. 重复申请', [1, 0, 0, 0, 0, 0, 1]],
  [T + T + '3. 要求提供公开出版物', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '4. 无正当理由大量反复申请', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '5. 要求行政机关确认或重新出具已获取信息', [0, 0, 0, 0, 0, 0, 0]],
  [T + '(六) 其他处理' + T + '1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '3. 其他', [0, 1, 0, 0, 0, 0, 1]],
  ['(七) 总计' + T, [10, 3, 0, 0, 0, 0, 13]],
  ['四、结转下年度继续办理' + T, [2, 0, 0, 0, 0, 0, 2]],
];

/** Values of section 四 (行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计). */
export const SECTION4: number[] = [2, 1, 0, 0, 3, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0];

export interface SmallReportOptions {
  /** the values of section 四's data row; by default section 四 has its heading only (no table) */
  section4?: Array<number | string>;
  /** the paragraphs of section 五 (default: one sentence) */
  section5?: string[];
}

/**
 * A whole 2021 report (sections 一…六) whose section 三 holds `rows` (default: SECTION3, all sums right), in the
 * tab-separated layout of seed 001 (a table row a line, cells between tabs).
 */
export function smallReport(rows: Array<[string, number[]]> = SECTION3, opts: SmallReportOptions = {}): string {
  return [
    '测试县统计局 2021 年政府信息公开工作年度报告',
    '',
    '一、总体情况',
    '',
    '2021 年，我局认真贯彻落实《政府信息公开条例》。',
    '',
    '二、主动公开政府信息情况',
    '',
    '第二十条第（一）项\t\t\t',
    '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
    '规章\t0\t0\t0',
    '行政规范性文件\t0\t0\t0',
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
    '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t\t',
    '\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
    '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
    ...rows.map(([label, values]) => label + T + values.join(T)),
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    ...(opts.section4
      ? [
          '行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t',
          '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t',
          '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
          opts.section4.join(T),
          '',
        ]
      : []),
    '五、存在的主要问题及改进情况',
    '',
    ...(opts.section5 ?? ['我局将继续做好政府信息公开工作。']).flatMap((p) => [p, '']),
    '六、其他需要报告的事项',
    '',
    '无。',
    '',
  ].join('\n');
}

/**
 * The same report as a Word text export (seeds 000 and 002): every table cell on a line of its own after a tab,
 * merged cells as empty cells, a blank line after each table row; the other lines as they are.
 */
export function asWordExport(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.includes('\t')) {
      out.push(line);
      continue;
    }
    for (const cell of line.split('\t')) out.push('\t' + cell);
    out.push('');
  }
  return out.join('\n');
}

/** 0-based line of the section 三 row whose label contains `label`. */
export function rowLine(text: string, label: string): number {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(label) && /\t\d/.test(l));
  if (i < 0) throw new Error(`no row ${label}`);
  return i;
}

/** Columns of section 三, in the order of the values. */
export const COLUMNS = ['natural', 'commercial', 'research', 'public_welfare', 'legal_service', 'other', 'total'] as const;

/** [start, end) UTF-16 characters of a row's value in a column (the last seven tab-separated fields are the values). */
export function valueSpan(line: string, column: (typeof COLUMNS)[number]): [number, number] {
  const fields = line.split('\t');
  const k = fields.length - COLUMNS.length + COLUMNS.indexOf(column);
  let start = 0;
  for (let i = 0; i < k; i++) start += fields[i].length + 1;
  return [start, start + fields[k].length];
}

/** a report with tab rows written as GFM pipe tables (a header row made of the first row of each table) */
export function toPipeTables(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!lines[i].includes('\t')) {
      out.push(lines[i++]);
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j].includes('\t')) j++;
    const rows = lines.slice(i, j).map((l) => l.split('\t'));
    const w = Math.max(...rows.map((r) => r.length));
    rows.forEach((r, k) => {
      out.push('| ' + [...r, ...Array(w - r.length).fill('')].join(' | ') + ' |');
      if (k === 0) out.push('|' + Array(w).fill('---').join('|') + '|');
    });
    i = j;
  }
  return out.join('\n');
}

/** seed 002 and the same text with its five label typos put right (nothing else differs) */
export const SEED002 = readSample(SEEDS.s002);
export const SEED002_TYPOS: Array<[number, string, string]> = [
  [123, '一、本年新收到政府信息公开申请数量', '一、本年新收政府信息公开申请数量'],
  [132, '二、上年结转政府信息公开数量', '二、上年结转政府信息公开申请数量'],
  [185, '3.危机“三安全一稳定”', '3.危及“三安全一稳定”'],
  [229, '7.属于行政法案卷', '7.属于行政执法案卷'],
  [262, '2.没有现成信息需另行制作', '2.没有现成信息需要另行制作'],
];
export const SEED002_FIXED = SEED002_TYPOS.reduce(
  (t, [line, from, to]) =>
    replaceLine(t, line, (l) => {
      if (l !== `\t${from}`) throw new Error(`seed 002 line ${line} is not the expected label`);
      return `\t${to}`;
    }),
  SEED002,
);

/** The text with `from` replaced by `to` once; throws when `from` is not in it (an edit that missed is a test bug). */
export function edit(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`edit: 「${from}」 is not in the report`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** SECTION3 with one value changed: the row whose label contains `label`, the value at `column`. */
export function section3With(label: string, column: (typeof COLUMNS)[number], value: number, rows = SECTION3): Array<[string, number[]]> {
  if (!rows.some(([l]) => l.includes(label))) throw new Error(`no row ${label}`);
  return rows.map(([l, vs]) => [l, l.includes(label) ? vs.map((x, k) => (k === COLUMNS.indexOf(column) ? value : x)) : vs]);
}

/**
 * The made samples (samples/made, see its README): `ok--…` have no finding, `<rule>--…` findings of that rule only.
 * As rule-tester cases: a name, the file name (its extension chooses the reader) and the text.
 */
export function madeSamples(): Array<{ rule: string | undefined; name: string; filePath: string; code: string }> {
  return readdirSync(join(ROOT, 'samples', 'made'))
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => ({ rule: f.startsWith('ok--') ? undefined : f.split('--')[0], name: `samples/made/${f}`, filePath: f, code: sample(`made/${f}`) }));
}

/** The made samples that have no finding of `ruleId`: valid cases for it. */
export function madeSamplesWithout(ruleId: string): Array<{ name: string; filePath: string; code: string }> {
  return madeSamples()
    .filter((s) => s.rule !== ruleId)
    .map(({ name, filePath, code }) => ({ name, filePath, code }));
}
