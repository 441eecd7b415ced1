/**
 * Synthetic annual reports (政府信息公开工作年度报告) with non-zero, consistent data, for tests and the benchmark.
 *
 * Everything about the tables comes from the format data (data/formats/*.json): sections, captions, row and
 * column labels, the row hierarchy and the arithmetic relations. The values are drawn from a seeded PRNG and
 * made consistent by solving the format's relations (each relation sum(lhs) = sum(rhs) fixes one cell), so a
 * generated report is correct by construction; one defect can then be injected, and where it went (line,
 * column, row and column ids) is returned so tests can assert the finding's place.
 *
 * Layouts (as real reports come):
 *  - tab:      tab-separated rows, one line per row, labels first, empty placeholder cells (seeds 001, 003, 004)
 *  - word:     Word export, one cell per line starting with a tab, rows separated by blank lines, merged cells
 *              as empty cells, U+00A0 / U+3000 padding, header labels broken inside a cell (seeds 000, 002)
 *  - markdown: `#` headings and GFM pipe tables
 *  - pdf:      PDF text: tab rows, labels split by spaces, long labels broken over two lines, a label continued
 *              on the next line, group labels broken into pieces, prose broken by page breaks (seeds 003, 004)
 * `atx: true` gives `#` headings to any layout (seed 003 is PDF text with Markdown headings).
 */
import { builtinFormats, type Format, type FormatRow, type FormatTable, type Relation } from '../src/format/formats.js';

export type Layout = 'tab' | 'word' | 'markdown' | 'pdf';
export const LAYOUTS: readonly Layout[] = ['tab', 'word', 'markdown', 'pdf'];

/** Where label cells that span several label columns leave their empty placeholder cells (tab and pdf layouts). */
export type SpanStyle = 'none' | 'after-label' | 'row-end';

/** TABLE.ROW.COLUMN, as the format's relations write them (T3.r3_1.natural). */
export type CellKey = string;
/** TABLE.ROW (T3.r3_1); the unlabeled row of section 四 is T4.n. */
export type RowKey = string;

export type Defect =
  /** change one number by `delta` (default: a small non-zero amount that keeps it ≥ 0) */
  | { kind: 'number'; cell: CellKey; delta?: number }
  /** write any text in a cell (三, N/A, 2件) */
  | { kind: 'raw'; cell: CellKey; raw: string }
  /** leave a cell blank */
  | { kind: 'blank'; cell: CellKey }
  /** leave a cell out of its row */
  | { kind: 'drop-cell'; cell: CellKey }
  /** add a cell after this one */
  | { kind: 'add-cell'; cell: CellKey; raw?: string }
  /** a typo in a row label (one character left out) */
  | { kind: 'label-typo'; row: RowKey }
  /** a typo in a section heading (one character left out) */
  | { kind: 'heading-typo'; section: string }
  /** leave a section out */
  | { kind: 'drop-section'; section: string }
  /** write section `b` before section `a` (a comes first in the format); adjacent sections give one finding */
  | { kind: 'swap-sections'; a: string; b: string };

/** 1-based line and column (UTF-16 code units, as the linter counts them) and 0-based offsets. */
export interface Loc {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

export interface Injection {
  defect: Defect;
  /** the rule that the defect falls under (the arithmetic rules for `number`: see expectedArithmetic) */
  rule: string;
  /** where the finding belongs: the cell, the row (its label, or its first cell when it has none), the label or the heading */
  loc: Loc;
  table?: string;
  row?: string;
  column?: string;
  section?: string;
  /** the text as it was and as it is now, for cells and labels */
  before?: string;
  after?: string;
}

export interface SynthOptions {
  seed: number;
  /** format short id (2019 | 2021); default: by `year`, or drawn */
  format?: string;
  /** report year; default: drawn within the format's years */
  year?: number;
  layout?: Layout;
  /** `#` headings (default: true for markdown, drawn for pdf, false otherwise) */
  atx?: boolean;
  spanStyle?: SpanStyle;
  /** approximate size in UTF-8 bytes (default 10,000); prose is added until the report reaches it */
  targetBytes?: number;
  defect?: Defect;
  /** the formats to draw from (default: the built-in ones) */
  formats?: readonly Format[];
  /** the agency (default: drawn) — a series of years of one agency */
  agency?: string;
  /** values some drawn cells must take (this year's 上年结转 = last year's 结转下年度); the relations still hold */
  pinned?: Record<CellKey, number>;
  /**
   * the running text drawn from its own seed, each sentence opening with a phrase of its own: two reports with
   * different prose seeds share few sentences; the same prose seed gives the same text (numbers aside)
   */
  proseSeed?: number;
}

export interface Synth {
  text: string;
  seed: number;
  format: string;
  year: number;
  agency: string;
  layout: Layout;
  atx: boolean;
  spanStyle: SpanStyle;
  /** the correct value of every data cell of every table */
  values: Record<CellKey, number>;
  /** what was written in each cell (after the defect) */
  raw: Record<CellKey, string>;
  /** where each cell was written (a blank cell: where its text would start) */
  cells: Record<CellKey, Loc>;
  /** where each row starts as the linter sees it: its own label, or its first cell when it has no label */
  rows: Record<RowKey, Loc>;
  /** where each section heading's text starts (without Markdown markers) */
  headings: Record<string, Loc>;
  /** the title part of each heading (after 一、) */
  headingTitles: Record<string, Loc>;
  injection?: Injection;
}

export interface ExpectedFinding {
  ruleId: string;
  /** the relation's anchor cell, where the finding is */
  cell: CellKey;
  line: number;
  column: number;
  expected: number;
  actual: number;
}

// ───────────────────────────── PRNG ─────────────────────────────

/** mulberry32: small, fast, deterministic. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

// ───────────────────────────── values ─────────────────────────────

const key = (t: string, r: string, c: string): CellKey => `${t}.${r}.${c}`;
const refKey = (r: { table: string; row: string; column: string }): CellKey => key(r.table, r.row, r.column);

/** Data cells of a table, row by row. */
function dataCells(t: FormatTable): CellKey[] {
  const out: CellKey[] = [];
  for (const r of t.rows) if (r.data) for (const c of t.columns) out.push(key(t.id, r.id, c.id));
  return out;
}

/**
 * Values that satisfy every relation of the format. Each relation fixes one cell (the one alone on its side,
 * else the first cell opposite its anchor); the other cells are drawn. A relation whose cells are all fixed
 * by others must then hold by itself (it is implied), which is checked.
 */
export function solveValues(format: Format, rng: Rng, pinned: Record<CellKey, number> = {}): Record<CellKey, number> {
  const values = new Map<CellKey, number>();
  const rels = format.relations;
  const derivedBy = new Map<CellKey, Relation>();
  // single-cell sides first (totals), then the rest
  const ordered = [...rels].sort((a, b) => sideRank(a) - sideRank(b));
  for (const rel of ordered) {
    const lhs = rel.lhs.map(refKey);
    const rhs = rel.rhs.map(refKey);
    const anchor = refKey(rel.anchor);
    let pick: CellKey | undefined;
    if (lhs.length === 1 && !derivedBy.has(lhs[0])) pick = lhs[0];
    else if (rhs.length === 1 && !derivedBy.has(rhs[0])) pick = rhs[0];
    else {
      const opposite = lhs.includes(anchor) ? rhs : lhs;
      pick = opposite.find((k) => !derivedBy.has(k)) ?? [...lhs, ...rhs].find((k) => !derivedBy.has(k));
    }
    if (pick) derivedBy.set(pick, rel);
  }
  // cells on a side of several cells in a relation whose sides both have several (carried over from the year
  // before, carried into the next) are small beside the year's own numbers
  const carried = new Set<CellKey>();
  for (const rel of rels) if (rel.lhs.length > 1 && rel.rhs.length > 1) for (const r of [...rel.lhs, ...rel.rhs]) carried.add(refKey(r));
  // draw every other data cell of every table
  for (const t of format.data.tables) {
    const rowsWithData = t.rows.filter((r) => r.data);
    for (const [ri, r] of rowsWithData.entries()) {
      for (const [ci, c] of t.columns.entries()) {
        const k = key(t.id, r.id, c.id);
        if (derivedBy.has(k)) continue;
        const v = draw(rng, c.type, ri, ci, rowsWithData.length, t.columns.length);
        values.set(k, k in pinned ? pinned[k] : carried.has(k) ? Math.round(v * 0.25) : v);
      }
    }
  }
  for (const k of Object.keys(pinned)) if (derivedBy.has(k)) throw new Error(`synth: ${k} is computed from other cells and cannot be pinned`);
  const free = (k: CellKey) => !derivedBy.has(k) && !(k in pinned);
  for (let round = 0; round < 200; round++) {
    // compute the derived cells in dependency order
    for (const k of derivedBy.keys()) values.delete(k);
    let progress = true;
    while (progress) {
      progress = false;
      for (const [k, rel] of derivedBy) {
        if (values.has(k)) continue;
        const lhs = rel.lhs.map(refKey);
        const rhs = rel.rhs.map(refKey);
        const others = [...lhs, ...rhs].filter((x) => x !== k);
        if (!others.every((x) => values.has(x))) continue;
        const sum = (ks: CellKey[]) => ks.filter((x) => x !== k).reduce((a, x) => a + values.get(x)!, 0);
        const v = lhs.includes(k) ? sum(rhs) - sum(lhs) : sum(lhs) - sum(rhs);
        values.set(k, v);
        progress = true;
      }
    }
    const unsolved = [...derivedBy.keys()].filter((k) => !values.has(k));
    if (unsolved.length) throw new Error(`synth: relations cannot be solved for ${unsolved.join(', ')}`);
    // a negative derived cell: take from a drawn cell on its side, or give to one on the other side
    const neg = [...derivedBy].find(([k]) => values.get(k)! < 0);
    if (!neg) break;
    const [k, rel] = neg;
    const deficit = -values.get(k)!;
    const lhs = rel.lhs.map(refKey);
    const rhs = rel.rhs.map(refKey);
    const same = (lhs.includes(k) ? lhs : rhs).filter((x) => x !== k && free(x) && values.get(x)! > 0);
    const other = (lhs.includes(k) ? rhs : lhs).filter(free);
    if (same.length) {
      const x = same.reduce((a, b) => (values.get(b)! > values.get(a)! ? b : a));
      values.set(x, values.get(x)! - Math.min(deficit, values.get(x)!));
    } else if (other.length) {
      values.set(other[0], values.get(other[0])! + deficit);
    } else throw new Error(`synth: cannot make ${k} non-negative`);
  }
  for (const rel of rels) {
    const s = (rs: typeof rel.lhs) => rs.reduce((a, r) => a + values.get(refKey(r))!, 0);
    if (s(rel.lhs) !== s(rel.rhs)) throw new Error(`synth: relation ${rel.id} ${JSON.stringify(rel.bindings)} does not hold`);
  }
  return Object.fromEntries(values);
}

function sideRank(r: Relation): number {
  return r.lhs.length === 1 || r.rhs.length === 1 ? 0 : 1;
}

/** A plausible value: the first rows and columns carry most; many cells are 0. */
function draw(rng: Rng, type: string, row: number, col: number, rows: number, cols: number): number {
  if (type === 'signed_integer') return rng.chance(0.35) ? 0 : rng.int(-6, 9);
  if (type === 'money') return rng.chance(0.3) ? 0 : Math.round(rng.next() * rng.pick([50, 500, 20000]) * 100) / 100;
  const rowWeight = rows > 6 ? Math.max(0.08, 1 / (1 + row * 0.6)) : 1;
  const colWeight = cols > 4 ? (col === 0 ? 1 : 0.25 / col) : 1;
  const scale = 60 * rowWeight * colWeight;
  if (rng.chance(rows > 6 ? 0.3 + 0.3 * (1 - colWeight) : 0.2)) return 0;
  return Math.max(1, Math.round(rng.next() * rng.next() * scale * 2));
}

function formatValue(v: number, type: string): string {
  if (type === 'money') return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0$/, '');
  return String(v);
}

// ───────────────────────────── text writer ─────────────────────────────

class Writer {
  private lines: string[] = [];
  private cur = '';
  private lineStart = 0;

  get line(): number {
    return this.lines.length + 1;
  }
  put(s: string): void {
    this.cur += s;
  }
  /** Write pre + core + post and return the place of core. */
  mark(core: string, pre = '', post = ''): Loc {
    this.cur += pre;
    const column = this.cur.length + 1;
    const offset = this.lineStart + this.cur.length;
    this.cur += core;
    const loc = { line: this.line, column, endLine: this.line, endColumn: this.cur.length + 1, offset, endOffset: offset + core.length };
    this.cur += post;
    return loc;
  }
  nl(n = 1): void {
    for (let i = 0; i < n; i++) {
      this.lines.push(this.cur);
      this.lineStart += this.cur.length + 1;
      this.cur = '';
    }
  }
  /** End the current line if it has anything, then make sure one blank line precedes what comes next. */
  gap(): void {
    if (this.cur !== '') this.nl();
    if (this.lines.length && this.lines[this.lines.length - 1] !== '') this.nl();
  }
  text(): string {
    return [...this.lines, this.cur].join('\n');
  }
}

// ───────────────────────────── tables as grids ─────────────────────────────

interface LabelCell {
  text: string;
  /** the row's own label (its location is recorded) */
  own?: RowKey;
  group?: boolean;
}

interface GridRow {
  rowKey: RowKey;
  depth: number;
  /** one entry per label column: a label, or '' for a merged or empty label cell */
  labels: Array<LabelCell | ''>;
  values: Array<{ key: CellKey; raw: string; extra?: boolean }>;
}

interface Grid {
  table: FormatTable;
  /** label columns before the values */
  labelColumns: number;
  headers: string[][];
  rows: GridRow[];
}

function depthOf(t: FormatTable, r: FormatRow): number {
  let d = 0;
  let p = r.parent;
  while (p) {
    d++;
    p = t.rows.find((x) => x.id === p)?.parent;
  }
  return d;
}

function ancestors(t: FormatTable, r: FormatRow): FormatRow[] {
  const out: FormatRow[] = [];
  let p = r.parent;
  while (p) {
    const row = t.rows.find((x) => x.id === p)!;
    out.unshift(row);
    p = row.parent;
  }
  return out;
}

/** Header rows from the format: group labels over their columns, then the column labels. */
function headerRows(t: FormatTable, labelColumns: number): string[][] {
  const width = labelColumns + t.columns.length;
  const blank = () => new Array<string>(width).fill('');
  const groups = t.columnGroups ?? [];
  const memberGroups = groups.filter((g) => t.columns.some((c) => c.group === g.id));
  const memberless = groups.filter((g) => !memberGroups.includes(g));
  const rows: string[][] = [];
  const corner = t.cornerNote ?? t.labelHeader;
  if (memberless.length) {
    const h = blank();
    if (corner && labelColumns) h[0] = corner;
    let at = labelColumns;
    for (const g of groups) {
      const members = t.columns.map((c, i) => (c.group === g.id ? i : -1)).filter((i) => i >= 0);
      if (members.length) at = labelColumns + members[members.length - 1] + 1;
      else if (at < width) h[at++] = g.label;
    }
    rows.push(h);
  }
  if (memberGroups.length) {
    const h = blank();
    for (const g of memberGroups) h[labelColumns + t.columns.findIndex((c) => c.group === g.id)] = g.label;
    rows.push(h);
  }
  const h = blank();
  if (!memberless.length && corner && labelColumns) h[0] = corner;
  t.columns.forEach((c, i) => (h[labelColumns + i] = c.label));
  rows.push(h);
  return rows;
}

// ───────────────────────────── prose ─────────────────────────────

const PLACES = ['青山', '东湖', '白沙', '临江', '云岭', '石桥', '南屏', '北川', '金溪', '长宁', '松阳', '梅林', '桐柏', '安平', '清河', '永兴'];
const KINDS = ['区', '县', '市'];
const BUREAUS = ['统计局', '人力资源和社会保障局', '市场监督管理局', '自然资源局', '生态环境局', '交通运输局', '卫生健康委员会', '教育局', '民政局', '司法局', '住房和城乡建设局', '农业农村局', '人民政府办公室', '商务局', '文化和旅游局', '应急管理局'];

const S1_TOPICS = [
  '主动公开情况',
  '依申请公开情况',
  '政府信息管理情况',
  '政府信息公开平台建设情况',
  '监督保障情况',
];
const S1_SENTENCES = [
  '坚持以公开为常态、不公开为例外，围绕中心工作和群众关切，及时准确发布工作动态、政策文件和统计数据',
  '进一步完善政府信息公开审核发布机制，落实“先审后发”和“三审三校”制度，确保发布信息内容准确、表述规范',
  '严格执行保密审查制度，对拟公开的政府信息逐条进行保密审查，杜绝涉密信息上网',
  '依托政府门户网站政府信息公开专栏，按照统一的栏目设置及时更新机构职能、政策文件、规划计划等内容',
  '畅通依申请公开受理渠道，规范登记、审核、办理、答复、归档等各环节工作流程',
  '对申请人提出的政府信息公开申请，严格按照法定时限和程序予以答复，答复文书格式规范、依据充分',
  '组织开展政府信息公开业务培训，提升工作人员依法公开的意识和能力',
  '加强政策解读工作，对出台的重要政策文件同步制作图文解读，便于公众理解',
  '积极回应社会关切，对涉及群众切身利益的热点问题及时发布权威信息',
  '持续做好政务新媒体管理，规范账号开设、内容发布、互动回应等工作，全年未发生舆情事件',
  '将政务公开工作纳入年度目标考核，明确分管领导和具体经办人员，形成一级抓一级、层层抓落实的工作格局',
  '定期对政府网站进行巡查，及时更新过时信息，修正错误链接，确保网站平稳运行',
  '完善政府信息公开指南和公开目录，方便公众查询和申请',
  '建立政府信息公开工作台账，对主动公开、依申请公开和信息管理情况按月进行统计分析',
  '主动接受社会监督，在门户网站公布监督举报电话和电子邮箱，全年未收到相关举报',
  '对照上级政务公开工作要点，逐项细化任务分工，明确责任科室和完成时限',
];
const S5_PROBLEMS = [
  '政府信息公开的及时性、全面性还有待进一步提高',
  '政策解读的形式较为单一，图解、视频等多样化解读比例不高',
  '工作人员多为兼职，业务能力与新形势新要求相比还有一定差距',
  '公开内容与群众需求的契合度还不够高，部分栏目更新不够及时',
  '依申请公开答复的规范化水平仍需提升',
  '政务新媒体互动回应的时效性有待加强',
];
const S5_MEASURES = [
  '加强学习培训，组织工作人员深入学习《中华人民共和国政府信息公开条例》，提高依法公开能力',
  '完善工作机制，健全信息发布审核、保密审查、政策解读等制度，推动政务公开工作规范化、标准化',
  '丰富公开形式，综合运用图表图解、音频视频、新闻发布等方式，增强政策解读的针对性和可读性',
  '聚焦群众关切，加大重点领域信息公开力度，及时回应社会关注的热点问题',
  '强化监督检查，定期对政府信息公开专栏进行自查，发现问题及时整改',
  '规范依申请公开办理流程，严格按照法定时限答复，提升答复质量',
];

// ───────────────────────────── the generator ─────────────────────────────

interface Ctx {
  format: Format;
  rng: Rng;
  /** the running text's draws (rng, unless the options give the prose its own seed) */
  proseRng: Rng;
  opts: SynthOptions;
  layout: Layout;
  atx: boolean;
  spanStyle: SpanStyle;
  year: number;
  agency: string;
  values: Record<CellKey, number>;
  defect?: Defect;
  /** label pieces and other per-report drawing decisions, made once so that the two renders agree */
  decisions: Map<string, unknown>;
}

function decide<T>(ctx: Ctx, id: string, make: () => T): T {
  if (!ctx.decisions.has(id)) ctx.decisions.set(id, make());
  return ctx.decisions.get(id) as T;
}

/** Generate one report. Deterministic: the same options give the same text. */
export function synthesize(opts: SynthOptions): Synth {
  const formats = opts.formats ?? builtinFormats();
  const rng = new Rng(opts.seed);
  let format: Format;
  if (opts.format) {
    const f = formats.find((x) => x.short === opts.format || x.id === opts.format);
    if (!f) throw new Error(`synth: no format ${opts.format}`);
    format = f;
  } else if (opts.year !== undefined) {
    const f = formats.find((x) => x.appliesTo(opts.year!));
    if (!f) throw new Error(`synth: no format for ${opts.year}`);
    format = f;
  } else format = rng.pick(formats);
  const years = format.data.years;
  const year = opts.year ?? rng.int(years.from, years.to ?? years.from + 4);
  const layout = opts.layout ?? rng.pick(LAYOUTS);
  const atx = opts.atx ?? (layout === 'markdown' ? true : layout === 'pdf' ? rng.chance(0.5) : false);
  const spanStyle: SpanStyle = opts.spanStyle ?? (layout === 'markdown' ? 'after-label' : rng.pick(['none', 'after-label', 'row-end'] as const));
  const drawnAgency = `${rng.pick(PLACES)}${rng.pick(KINDS)}${rng.pick(BUREAUS)}`;
  const agency = opts.agency ?? drawnAgency;
  const values = solveValues(format, rng, opts.pinned);
  const proseRng = opts.proseSeed === undefined ? rng : new Rng(opts.proseSeed);
  const ctx: Ctx = { format, rng, proseRng, opts, layout, atx, spanStyle, year, agency, values, defect: opts.defect, decisions: new Map() };

  const target = opts.targetBytes ?? 10_000;
  const prose = makeProse(ctx);
  if (opts.proseSeed !== undefined) {
    // text of its own seed: as much filler as the target size asks for, whatever the tables take (so that the same
    // prose seed gives the same text in either format)
    const n = Math.max(0, Math.round((target - 4000) / 450));
    for (let i = 0; i < n; i++) prose.get(i % 3 === 2 ? 's5' : 's1')?.push(fillerParagraph(ctx, i % 3 === 2 ? 's5' : 's1'));
  }
  let out = render(ctx, prose);
  // fill up to the target size with more prose in sections 一 and 五
  for (let round = 0; round < 4 && opts.proseSeed === undefined; round++) {
    const bytes = Buffer.byteLength(out.text);
    if (bytes >= target * 0.95) break;
    for (let added = 0, i = 0; bytes + added < target; i++) {
      const sec = i % 3 === 2 ? 's5' : 's1';
      const para = fillerParagraph(ctx, sec);
      prose.get(sec)?.push(para);
      added += Buffer.byteLength(para) + 2;
    }
    out = render(ctx, prose);
  }
  return { ...out, seed: opts.seed, format: format.short, year, agency, layout, atx, spanStyle, values };
}

function makeProse(ctx: Ctx): Map<string, string[]> {
  const { proseRng: rng, year, values } = ctx;
  const v = (k: string) => values[k];
  const p = new Map<string, string[]>();
  const sentences = (pool: readonly string[], n: number) => rng.shuffle([...pool]).slice(0, n).map((s) => opening(ctx) + s).join('；') + '。';
  const published = rng.int(120, 2600);
  const s1: string[] = [];
  // with a prose seed the text must not depend on the format (a copy across the 2021 format change is still a copy)
  const topics = S1_TOPICS.slice(0, ctx.format.short >= '2021' || ctx.opts.proseSeed !== undefined ? 5 : rng.int(3, 5));
  topics.forEach((topic, i) => {
    let body = sentences(S1_SENTENCES, rng.int(2, 3));
    if (i === 0) body = `${year}年，全年通过政府门户网站等渠道主动公开政府信息${published}条。` + body;
    if (i === 1 && v('T3.r1.total') !== undefined) {
      body =
        `${year}年，共收到政府信息公开申请${v('T3.r1.total')}件，上年结转${v('T3.r2.total') ?? 0}件，` +
        `已办结${v('T3.r3_7.total') ?? 0}件，结转下年度继续办理${v('T3.r4.total') ?? 0}件。` +
        body;
    }
    s1.push(`${enumerator(i)}${topic}。${body}`);
  });
  p.set('s1', s1);
  p.set('s2', [`${year}年主动公开政府信息情况如下。`]);
  p.set('s3', [`本年度收到和处理政府信息公开申请的情况如下表所示。`]);
  const rv = v('T4.n.rv_total');
  const lit = (v('T4.n.ld_total') ?? 0) + (v('T4.n.la_total') ?? 0);
  p.set('s4', [rv !== undefined ? `本年度因政府信息公开工作被申请行政复议${rv}件，被提起行政诉讼${lit}件。` : '本年度政府信息公开行政复议、行政诉讼情况如下。']);
  p.set('s5', [
    `${year}年，本机关政府信息公开工作取得了一定成效，但也存在一些不足：一是${rng.pick(S5_PROBLEMS)}；二是${rng.pick(S5_PROBLEMS)}。`,
    `下一步，我们将重点做好以下工作：${sentences(S5_MEASURES, 3)}`,
  ]);
  const fee = rng.chance(0.7) ? '本年度未收取信息处理费。' : `本年度依据《政府信息公开信息处理费管理办法》收取信息处理费${rng.int(1, 3)}件，共计${rng.int(1, 9) * 100}元。`;
  p.set('s6', [fee]);
  return p;
}

function fillerParagraph(ctx: Ctx, section: string): string {
  const pool = section === 's5' ? S5_MEASURES : S1_SENTENCES;
  return ctx.proseRng.shuffle([...pool]).slice(0, 4).map((s) => opening(ctx) + s).join('；') + '。';
}

/** With a prose seed, each sentence opens with a phrase drawn for it: years written anew share few sentences. */
function opening(ctx: Ctx): string {
  if (ctx.opts.proseSeed === undefined) return '';
  const r = ctx.proseRng;
  return `${r.pick(OPEN_A)}${r.pick(OPEN_B)}，`;
}

const OPEN_A = ['围绕', '聚焦', '结合', '对照', '立足', '紧扣', '针对', '按照', '依托', '着眼', '落实', '服务'];
const OPEN_B = [
  '优化营商环境', '乡村振兴', '“放管服”改革', '年度工作要点', '群众办事需求', '重点领域信息公开', '基层政务公开标准化', '政策解读工作',
  '数字政府建设', '民生保障', '安全生产', '生态环境保护', '疫情防控', '城市更新', '稳就业', '法治政府建设',
];

function enumerator(i: number): string {
  return `（${'一二三四五六七八九十'[i]}）`;
}

/** what rendering gives: the text, and where everything in it was written */
type Rendered = Pick<Synth, 'text' | 'raw' | 'cells' | 'rows' | 'headings' | 'headingTitles' | 'injection'>;

function render(ctx: Ctx, prose: Map<string, string[]>): Rendered {
  const { format, layout, atx, defect } = ctx;
  const w = new Writer();
  const r: Rendered = { text: '', raw: {}, cells: {}, rows: {}, headings: {}, headingTitles: {} };
  const rng = new Rng(ctx.opts.seed ^ 0x5bd1e995); // layout choices: the same in every render

  // title
  w.nl(rng.int(0, 2));
  const h = (depth: number) => (atx ? `${'#'.repeat(depth)} ` : '');
  if (rng.chance(0.6) || atx) {
    w.put(h(1) + ctx.agency);
    w.nl(2);
    w.put(h(2) + `${ctx.year}年${rng.pick(['', '度'])}政府信息公开工作年度报告`);
  } else {
    w.put(h(1) + `${ctx.agency}${ctx.year}年度政府信息公开工作年度报告`);
  }
  w.nl(2);
  w.put(
    `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级关于做好政府信息公开工作年度报告的有关要求，编制本报告。` +
      `本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。` +
      `本报告所列数据的统计期限自${ctx.year}年1月1日起至${ctx.year}年12月31日止。`,
  );
  w.nl(2);

  // sections, in the format's order unless a defect says otherwise
  let order = format.data.sections.map((s) => s.id);
  if (defect?.kind === 'drop-section') order = order.filter((id) => id !== defect.section);
  if (defect?.kind === 'swap-sections') {
    const ia = order.indexOf(defect.a);
    const ib = order.indexOf(defect.b);
    if (ia < 0 || ib < 0 || ia >= ib) throw new Error('synth: swap-sections wants a before b in the format');
    [order[ia], order[ib]] = [order[ib], order[ia]];
  }
  for (const sid of order) {
    const s = format.section(sid)!;
    w.gap();
    let title = s.title;
    if (defect?.kind === 'heading-typo' && defect.section === sid) {
      const typo = typoOf(title);
      r.injection = { defect, rule: 'label-variant', loc: undefined as unknown as Loc, section: sid, before: title, after: typo };
      title = typo;
    }
    const level = atx ? (sid === 's4' || sid === 's5' ? decide(ctx, 'deep', () => rng.pick([2, 3, 4])) : 2) : 0;
    w.put(level ? `${'#'.repeat(level)} ` : '');
    const headingLoc = w.mark(`${s.number}、${title}`);
    r.headings[sid] = headingLoc;
    const tStart = headingLoc.column + s.number.length + 1;
    r.headingTitles[sid] = { ...headingLoc, column: tStart, offset: headingLoc.offset + s.number.length + 1 };
    if (r.injection?.defect.kind === 'heading-typo' && r.injection.section === sid) r.injection.loc = r.headingTitles[sid];
    w.nl();
    if (layout !== 'word') w.nl();
    const paragraphs = prose.get(sid) ?? [];
    const tables = format.tablesOf(sid);
    // section 二 and 三 open with a sentence, then the tables; the others: prose, then tables
    writeProse(ctx, w, tables.length ? paragraphs.slice(0, 1) : paragraphs, rng);
    if (tables.length) {
      w.gap();
      writeTables(ctx, w, r, tables, rng);
      if (paragraphs.length > 1) {
        w.gap();
        writeProse(ctx, w, paragraphs.slice(1), rng);
      }
    }
  }
  w.gap();
  w.put(ctx.agency);
  w.nl();
  w.put(`${ctx.year + 1}年1月${rng.int(5, 28)}日`);
  w.nl();

  // where the defects went that depend on the whole text
  if (defect?.kind === 'drop-section') {
    const canonical = format.data.sections.map((s) => s.id);
    const next = canonical.slice(canonical.indexOf(defect.section) + 1).find((id) => r.headings[id]);
    const text = w.text();
    let loc: Loc;
    if (next) loc = r.headings[next];
    else {
      const lines = text.split('\n');
      let l = lines.length - 1;
      while (l > 0 && lines[l].trim() === '') l--;
      const offset = lines.slice(0, l).reduce((a, x) => a + x.length + 1, 0);
      loc = { line: l + 1, column: 1, endLine: l + 1, endColumn: lines[l].length + 1, offset, endOffset: offset + lines[l].length };
    }
    r.injection = { defect, rule: 'section-missing', loc, section: defect.section };
  }
  if (defect?.kind === 'swap-sections') {
    r.injection = { defect, rule: 'section-order', loc: r.headings[defect.a], section: defect.a };
  }
  r.text = w.text();
  return r;
}

function writeProse(ctx: Ctx, w: Writer, paragraphs: string[], rng: Rng): void {
  for (const para of paragraphs) {
    if (ctx.layout === 'pdf' && para.length > 80 && rng.chance(0.5)) {
      // a page break inside a paragraph: the rest of the word on the next "page"
      const at = rng.int(30, para.length - 20);
      w.put(para.slice(0, at));
      w.nl(2);
      w.put(para.slice(at));
    } else w.put(para);
    w.nl();
    if (ctx.layout !== 'word') w.nl();
  }
}

/** One character of the label's words left out (never the enumerator, never the first or last word character). */
export function typoOf(label: string): string {
  const m = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/.exec(label);
  const head = m ? m[0] : '';
  const body = label.slice(head.length);
  const cjk = [...body].map((ch, i) => ({ ch, i })).filter((x) => /[\u4e00-\u9fff]/.test(x.ch));
  if (cjk.length < 4) throw new Error(`synth: label 「${label}」 is too short for a recognisable typo`);
  const at = cjk[Math.floor(cjk.length / 2)].i;
  const chars = [...body];
  chars.splice(at, 1);
  return head + chars.join('');
}

function buildGrid(ctx: Ctx, r: Rendered, t: FormatTable): Grid {
  const labelled = t.rows.filter((x) => x.label !== null);
  const labelColumns = labelled.length ? Math.max(...labelled.map((x) => depthOf(t, x))) + 1 : 0;
  const rows: GridRow[] = [];
  const shown = new Set<string>();
  const defect = ctx.defect;
  for (const fr of t.rows) {
    if (!fr.data) continue;
    const rowKey = `${t.id}.${fr.id}`;
    const depth = fr.label === null ? 0 : depthOf(t, fr);
    const labels: Array<LabelCell | ''> = [];
    if (fr.label !== null) {
      for (const a of ancestors(t, fr)) {
        if (shown.has(a.id)) labels.push('');
        else {
          shown.add(a.id);
          labels.push({ text: a.label!, group: true });
        }
      }
      let text = fr.label;
      if (defect?.kind === 'label-typo' && defect.row === rowKey) {
        const typo = typoOf(text);
        r.injection = { defect, rule: 'label-variant', loc: undefined as unknown as Loc, table: t.id, row: fr.id, before: text, after: typo };
        text = typo;
      }
      labels.push({ text, own: rowKey });
      while (labels.length < labelColumns) labels.push('');
    }
    const values: GridRow['values'] = [];
    for (const c of t.columns) {
      const k = key(t.id, fr.id, c.id);
      const correct = formatValue(ctx.values[k], c.type);
      let raw: string | null = correct;
      if (defect && 'cell' in defect && defect.cell === k) {
        switch (defect.kind) {
          case 'number': {
            const v = ctx.values[k];
            let delta = defect.delta ?? (v > 0 && ctx.opts.seed % 2 ? -1 : 1 + (ctx.opts.seed % 3));
            if (delta === 0 || v + delta < 0) delta = Math.abs(delta) || 1;
            raw = formatValue(v + delta, c.type);
            r.injection = { defect, rule: 'arithmetic', loc: undefined as unknown as Loc, table: t.id, row: fr.id, column: c.id, before: correct, after: raw };
            break;
          }
          case 'raw':
            raw = defect.raw;
            r.injection = { defect, rule: 'cell-value', loc: undefined as unknown as Loc, table: t.id, row: fr.id, column: c.id, before: correct, after: raw };
            break;
          case 'blank':
            raw = '';
            r.injection = { defect, rule: 'cell-empty', loc: undefined as unknown as Loc, table: t.id, row: fr.id, column: c.id, before: correct, after: '' };
            break;
          case 'drop-cell':
            raw = null;
            r.injection = { defect, rule: 'cell-count', loc: undefined as unknown as Loc, table: t.id, row: fr.id, column: c.id, before: correct };
            break;
          case 'add-cell':
            r.injection = { defect, rule: 'cell-count', loc: undefined as unknown as Loc, table: t.id, row: fr.id, column: c.id, after: defect.raw ?? '1' };
            break;
        }
      }
      if (raw !== null) values.push({ key: k, raw });
      if (defect?.kind === 'add-cell' && defect.cell === k) values.push({ key: `${k}+`, raw: defect.raw ?? '1', extra: true });
    }
    rows.push({ rowKey, depth, labels, values });
  }
  return { table: t, labelColumns, headers: headerRows(t, labelColumns), rows };
}

function writeTables(ctx: Ctx, w: Writer, r: Rendered, tables: FormatTable[], rng: Rng): void {
  const grids = tables.map((t) => buildGrid(ctx, r, t));
  const padTo = ctx.layout === 'tab' && decide(ctx, 'padT2', () => rng.chance(0.5)) ? Math.max(...grids.map((g) => g.labelColumns + g.table.columns.length)) : 0;
  for (const [i, g] of grids.entries()) {
    if (ctx.layout === 'markdown' && i > 0) w.gap();
    switch (ctx.layout) {
      case 'word':
        writeWordTable(ctx, w, r, g, rng);
        break;
      case 'markdown':
        writeGfmTable(ctx, w, r, g);
        break;
      default:
        writeTabTable(ctx, w, r, g, rng, padTo);
    }
  }
  if (ctx.layout === 'pdf' && tables.some((t) => t.columns.length > 4) && decide(ctx, `rule-${tables[0].id}`, () => rng.chance(0.4))) {
    // a ruled line under the table, as PDF text extraction leaves it
    const width = grids[grids.length - 1].labelColumns + grids[grids.length - 1].table.columns.length;
    w.put(['-------------', ...new Array(width - 1).fill('---')].join('\t'));
    w.nl();
  }
}

function recordLabel(r: Rendered, own: RowKey, loc: Loc): void {
  if (!r.rows[own]) r.rows[own] = loc;
  if (r.injection && r.injection.defect.kind === 'label-typo' && r.injection.defect.row === own && !r.injection.loc) r.injection.loc = loc;
}

function recordCell(r: Rendered, row: GridRow, v: GridRow['values'][number], loc: Loc): void {
  if (!v.extra) {
    r.cells[v.key] = loc;
    r.raw[v.key] = v.raw;
  }
  if (!r.rows[row.rowKey]) r.rows[row.rowKey] = loc;
  const inj = r.injection;
  if (inj && !inj.loc && inj.table && inj.column && `${inj.table}.${inj.row}` === row.rowKey) {
    const d = inj.defect;
    if (d.kind === 'number' || d.kind === 'raw' || d.kind === 'blank') {
      if (d.cell === v.key) inj.loc = loc;
    }
  }
}

/** drop-cell / add-cell findings are on the row. */
function finishRow(r: Rendered, row: GridRow): void {
  const inj = r.injection;
  if (inj && !inj.loc && (inj.defect.kind === 'drop-cell' || inj.defect.kind === 'add-cell') && `${inj.table}.${inj.row}` === row.rowKey) {
    inj.loc = r.rows[row.rowKey];
  }
}

/** Split a label with spaces as PDF text does (禁 止公开, 不 予 公 开). */
function spaced(label: string, rng: Rng): string {
  if (rng.chance(0.25)) return [...label].join(' ').replace(/([（(]) /g, '$1').replace(/ ([）)])/g, '$1');
  const chars = [...label];
  if (chars.length < 6 || rng.chance(0.4)) return label;
  const at = rng.int(3, chars.length - 2);
  chars.splice(at, 0, ' ');
  return chars.join('');
}

/** Where a long label breaks over two lines: both pieces must read as label words. */
function breakPoint(label: string, rng: Rng): number | undefined {
  const chars = [...label];
  if (chars.length < 22) return undefined;
  for (let tries = 0; tries < 8; tries++) {
    const at = rng.int(Math.floor(chars.length * 0.55), chars.length - 3);
    const tail = chars.slice(at).join('');
    if ((tail.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 2) return at;
  }
  return undefined;
}

function writeTabTable(ctx: Ctx, w: Writer, r: Rendered, g: Grid, rng: Rng, padTo: number): void {
  const t = g.table;
  const pdf = ctx.layout === 'pdf';
  const width = g.labelColumns + t.columns.length;
  const pad = (cells: string[]) => (padTo > cells.length ? [...cells, ...new Array(padTo - cells.length).fill('')] : cells);
  if (t.caption) {
    w.put(pad([t.caption, ...new Array(width - 1).fill('')]).join('\t'));
    w.nl();
  }
  for (const h of g.headers) {
    w.put(pad(h.map((c) => (pdf && c ? spaced(c, rng) : c))).join('\t'));
    w.nl();
  }
  const spanStyle = ctx.spanStyle;
  // pieces of group labels broken over the lines of their rows (三、 / 本年度办 / 理 结 果)
  const groupPieces: string[] = [];
  for (const row of g.rows) {
    const cells: string[] = [];
    const notes: Array<{ idx: number; own?: RowKey }> = [];
    let continuation: string[] | undefined;
    let trailing = 0;
    let contValues: GridRow['values'] = [];
    let values = row.values;
    const ownIdx = row.labels.findIndex((l) => l !== '' && l.own);
    row.labels.forEach((l, i) => {
      if (l === '') {
        if (i === 0 && groupPieces.length) cells.push(groupPieces.shift()!);
        else if (i > ownIdx && ownIdx >= 0) {
          if (spanStyle === 'after-label') cells.push('');
          else if (spanStyle === 'row-end') trailing++;
        } else cells.push('');
        return;
      }
      let text = l.text;
      if (pdf && l.group && i === 0 && decide(ctx, `gsplit-${row.rowKey}`, () => rng.chance(0.5))) {
        const pieces = groupSplit(text);
        if (pieces) {
          text = pieces[0];
          groupPieces.push(...pieces.slice(1));
        }
      }
      if (pdf && l.own) {
        const bp = decide(ctx, `break-${row.rowKey}`, () => (rng.chance(0.7) ? breakPoint(text, rng) : undefined));
        const cont = decide(ctx, `cont-${row.rowKey}`, () => bp === undefined && [...text].length >= 9 && rng.chance(0.15));
        if (bp !== undefined) {
          const chars = [...text];
          continuation = new Array(i).fill('');
          continuation.push(chars.slice(bp).join(''));
          text = chars.slice(0, bp).join('');
        } else if (cont) {
          // the label's last word (two characters) on the next line (4.无正当理由大量反复 / 申请)
          const chars = [...text];
          let cut = chars.length;
          for (let n = 0; cut > 0 && n < 2; ) if (/[\u4e00-\u9fff]/.test(chars[--cut])) n++;
          continuation = [''];
          continuation.push(chars.slice(cut).join(''));
          text = chars.slice(0, cut).join('');
        }
        text = decide(ctx, `spaced-${row.rowKey}`, () => spaced(text, rng));
      } else if (pdf && l.group) text = decide(ctx, `gspaced-${row.rowKey}-${i}`, () => spaced(text, rng));
      cells.push(text);
      notes.push({ idx: cells.length - 1, own: l.own });
    });
    // a row broken by a page break: its last cells on the next line
    if (pdf && !continuation && spanStyle !== 'row-end' && values.length > 4 && decide(ctx, `pagebreak-${row.rowKey}`, () => rng.chance(0.06))) {
      const at = rng.int(2, values.length - 2);
      contValues = values.slice(at);
      values = values.slice(0, at);
    }
    // write the line, recording where the label and the cells are
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) w.put('\t');
      const note = notes.find((n) => n.idx === i);
      if (note?.own) {
        const text = cells[i];
        const lead = text.length - text.trimStart().length;
        recordLabel(r, note.own, w.mark(text.trim(), text.slice(0, lead), text.slice(lead + text.trim().length)));
      } else w.put(cells[i]);
    }
    values.forEach((v, i) => {
      if (cells.length || i > 0) w.put('\t');
      recordCell(r, row, v, w.mark(v.raw));
    });
    for (let i = 0; i < trailing; i++) w.put('\t');
    w.nl();
    if (contValues.length) {
      contValues.forEach((v, i) => {
        if (i > 0) w.put('\t');
        recordCell(r, row, v, w.mark(v.raw));
      });
      w.nl();
    }
    if (continuation) {
      if (rng.chance(0.5)) w.nl(); // the page break's blank line
      const line = [...continuation];
      if (groupPieces.length && line[0] === '') line[0] = groupPieces.shift()!;
      w.put([...line, ...new Array(Math.max(0, width - line.length)).fill('')].join('\t'));
      w.nl();
    }
    finishRow(r, row);
  }
  // group pieces left over: on a line of their own
  if (groupPieces.length) {
    w.put([groupPieces.join(''), ...new Array(width - 1).fill('')].join('\t'));
    w.nl();
  }
}

/** 三、本年度办理结果 → 三、 / 本年度办 / 理结果 (only labels with an enumerator and enough words). */
function groupSplit(label: string): string[] | undefined {
  const m = /^([一二三四五六七八九十]+、)(.+)$/.exec(label);
  if (!m || [...m[2]].length < 5) return undefined;
  const rest = [...m[2]];
  // as in seed 004: 三、 / 本年度办 / 理 结 果
  const at = Math.ceil(rest.length / 2);
  return [m[1], rest.slice(0, at).join(''), rest.slice(at).join(' ')];
}

const PADS = ['', '', '', '\u00a0', '\u3000', '\u3000\u3000', ' '];

function writeWordTable(ctx: Ctx, w: Writer, r: Rendered, g: Grid, rng: Rng): void {
  const t = g.table;
  if (t.caption) {
    w.put('\t' + t.caption);
    w.nl(2);
  }
  for (const h of g.headers) {
    // a Word row: only the cells up to the last one with text (merged cells are empty cells)
    let last = h.length - 1;
    while (last > 0 && h[last] === '') last--;
    for (let i = 0; i <= last; i++) {
      const c = h[i];
      const broken = c.length >= 6 && c.length <= 14 && !t.cornerNote && decide(ctx, `hbreak-${t.id}-${i}`, () => rng.chance(0.5));
      if (broken) {
        const at = Math.ceil(c.length / 2) - 1;
        w.put('\t' + c.slice(0, at));
        w.nl();
        w.put(c.slice(at));
      } else w.put('\t' + c);
      w.nl();
    }
    w.nl();
  }
  for (const row of g.rows) {
    const ownIdx = row.labels.findIndex((l) => l !== '' && l.own);
    row.labels.forEach((l, i) => {
      if (l === '') {
        if (i < ownIdx) {
          w.put('\t');
          w.nl();
        }
        return;
      }
      w.put('\t');
      if (l.own) recordLabel(r, l.own, w.mark(l.text));
      else w.put(l.text);
      w.nl();
    });
    for (const v of row.values) {
      const [pre, post] = decide(ctx, `pad-${v.key}`, () => [rng.pick(PADS), rng.chance(0.2) ? '\u00a0' : '']);
      w.put('\t');
      // a blank cell is where its padding starts: the reader spans a blank cell's white space
      recordCell(r, row, v, v.raw === '' ? w.mark('', '', pre) : w.mark(v.raw, pre, post));
      w.nl();
    }
    w.nl();
    finishRow(r, row);
  }
}

function writeGfmTable(ctx: Ctx, w: Writer, r: Rendered, g: Grid): void {
  const t = g.table;
  const width = g.labelColumns + t.columns.length;
  const line = (cells: string[]) => {
    w.put('| ' + cells.map((c) => (c === '' ? ' ' : c)).join(' | ') + ' |');
    w.nl();
  };
  const bodyHeaders = [...g.headers];
  const first = t.caption ? [t.caption, ...new Array(width - 1).fill('')] : bodyHeaders.shift()!;
  line(first);
  w.put('|' + new Array(first.length).fill(' --- ').join('|') + '|');
  w.nl();
  for (const h of bodyHeaders) line(h);
  for (const row of g.rows) {
    w.put('|');
    for (const l of row.labels) {
      w.put(' ');
      if (l !== '' && l.own) recordLabel(r, l.own, w.mark(l.text));
      else w.put(l === '' ? '' : l.text);
      w.put(' |');
    }
    for (const v of row.values) {
      // a blank cell is placed where its content starts, just after the pipe
      recordCell(r, row, v, v.raw === '' ? w.mark('', '', ' ') : w.mark(v.raw, ' '));
      w.put(' |');
    }
    w.nl();
    finishRow(r, row);
  }
  void ctx;
}

// ───────────────────────────── expectations ─────────────────────────────

/**
 * The arithmetic findings a report should give, computed from what was written in it: every relation of the
 * format whose cells are all readable numbers in rows of the right width, and that does not hold, at its
 * anchor cell; the side with the anchor is the actual value, the other side the expected one. An independent
 * oracle for the rules balance, row-total, outcome-total and review-total.
 */
export function expectedArithmetic(s: Synth, formats: readonly Format[] = builtinFormats()): ExpectedFinding[] {
  const format = formats.find((f) => f.short === s.format)!;
  const unbound = new Set<RowKey>();
  const d = s.injection?.defect;
  if (d && (d.kind === 'drop-cell' || d.kind === 'add-cell')) unbound.add(d.cell.split('.').slice(0, 2).join('.'));
  const read = (k: CellKey): number | undefined => {
    if (unbound.has(k.split('.').slice(0, 2).join('.'))) return undefined;
    const raw = s.raw[k];
    if (raw === undefined || !/^-?\d+(\.\d+)?$/.test(raw.trim())) return undefined;
    return Number(raw);
  };
  const out: ExpectedFinding[] = [];
  for (const rel of format.relations) {
    const lhs = rel.lhs.map((x) => read(refKey(x)));
    const rhs = rel.rhs.map((x) => read(refKey(x)));
    if ([...lhs, ...rhs].some((v) => v === undefined)) continue;
    const l = lhs.reduce((a, b) => a! + b!, 0)!;
    const rr = rhs.reduce((a, b) => a! + b!, 0)!;
    if (Math.abs(l - rr) < 1e-9) continue;
    const anchor = refKey(rel.anchor);
    const anchorLeft = rel.lhs.some((x) => refKey(x) === anchor);
    const loc = s.cells[anchor];
    out.push({ ruleId: rel.kind, cell: anchor, line: loc.line, column: loc.column, expected: anchorLeft ? rr : l, actual: anchorLeft ? l : rr });
  }
  return out;
}

/** Rows of a table from deepest to shallowest (rows at the deepest level have no merged label cells after them). */
export function deepestRows(format: Format, tableId: string): RowKey[] {
  const t = format.table(tableId)!;
  const rows = t.rows.filter((r) => r.data);
  const depth = (r: FormatRow) => (r.label === null ? 0 : depthOf(t, r));
  const max = Math.max(...rows.map(depth));
  return rows.filter((r) => depth(r) === max).map((r) => `${tableId}.${r.id}`);
}

/** The report's text with some cells rewritten (by the places recorded when it was written). */
export function editCells(s: Synth, edits: Record<CellKey, string>): string {
  const spans = Object.entries(edits)
    .map(([k, raw]) => {
      const loc = s.cells[k];
      if (!loc) throw new Error(`synth: no cell ${k}`);
      return { loc, raw };
    })
    .sort((a, b) => b.loc.offset - a.loc.offset);
  let text = s.text;
  for (const { loc, raw } of spans) text = text.slice(0, loc.offset) + raw + text.slice(loc.endOffset);
  return text;
}
