/**
 * Table rows written without a table: lines (or paragraphs of a page) such as
 *
 *   一、本年新收政府信息公开申请数量 1204 37 0 2 15 6 1264     a label and its numbers, separated by spaces
 *   行政许可　　12                                          a row of a table of section 二 under a sub-heading
 *   | 一、本年新收… | 512 | 17 | … |                          a pipe row with no delimiter row
 *   1 2 0 1 4 0 1 0 0 1 2 0 0 1 3                          a bare run of numbers (table 四's data row)
 *   行政复议 / 结果维持 结果纠正 其他结果 尚未审结 总计          headings and header words between table parts
 *   二、上年结转政府信息公开申请 / 数量 3 0 0 0 0 0 3           PDF text: labels and numbers on separate lines
 *
 * They come out of the readers as paragraphs. This pass, run on the skeleton of every kind of input, turns the
 * paragraphs that read as table rows into rows, and joins them with the table regions next to them, so that the
 * binder (format/bind.ts) reads them as it reads any table. A line counts as a row only by the format's own
 * labels (row, group and column labels of every known format) or as a run of numbers: running text is never
 * taken for a table. Lines that could be part of a table but carry no number ("maybe": a label alone, header
 * words, a heading over a table part) are joined only where they stand next to a real row or table.
 */
import type { Paragraph } from '../types.js';
import { LabelSet, type Candidate } from './match.js';
import type { Format } from './formats.js';
import { normalizeLabel, parseCellNumber } from '../text/normalize.js';
import { recognizer } from './recognize.js';
import type { PhysicalRow, RawCell, RawTable, Skeleton } from '../skeleton.js';
import type { SourceText } from '../text/lines.js';

interface Vocabulary {
  rows: LabelSet;
  groups: LabelSet;
  headers: LabelSet;
}

const vocabularies = new WeakMap<readonly Format[], Vocabulary>();

function vocabulary(formats: readonly Format[]): Vocabulary {
  let v = vocabularies.get(formats);
  if (v) return v;
  const rows = new Map<string, Candidate>();
  const groups = new Map<string, Candidate>();
  const headers = new Map<string, Candidate>();
  const add = (m: Map<string, Candidate>, label: string, variants?: string[]) => {
    const prev = m.get(label);
    if (prev) (prev.variants as string[]).push(...(variants ?? []));
    else m.set(label, { id: label, label, variants: [...(variants ?? [])] });
  };
  for (const f of formats) {
    for (const t of f.data.tables) {
      for (const r of t.rows) if (r.label !== null) add(r.data ? rows : groups, r.label, r.variants);
      for (const c of t.columns) add(headers, c.label, c.variants);
      for (const g of t.columnGroups ?? []) add(headers, g.label);
      if (t.labelHeader) add(headers, t.labelHeader);
    }
  }
  v = { rows: new LabelSet([...rows.values()]), groups: new LabelSet([...groups.values()]), headers: new LabelSet([...headers.values()]) };
  vocabularies.set(formats, v);
  return v;
}

const SENTENCE = /[。；;！!？?]/;
const SPACE_RUN = /[^\s\u3000\u00a0\u200b\ufeff]+/g;

interface Token {
  text: string;
  start: number;
  end: number;
}

export interface LooseRow {
  /** 'row': carries numbers (or is a pipe row); 'maybe': could be part of a table, joined only next to one */
  kind: 'row' | 'maybe';
  cells: RawCell[];
}

function isValueToken(s: string): boolean {
  const p = parseCellNumber(s);
  return p.status === 'number' || p.status === 'unit';
}

/** A placeholder for "none" in a row of numbers (— or -), taken as a cell only inside a run of numbers. */
function isDash(s: string): boolean {
  return /^[-—–－―]{1,2}$/.test(s);
}

/** A header text: a column label, or words in brackets that are each one (行政诉讼（未经复议直接起诉）). */
function isHeaderText(text: string, v: Vocabulary): boolean {
  if (v.headers.match(text)) return true;
  const pieces = text.split(/[（）()]/).filter((p) => p.trim() !== '');
  return pieces.length > 1 && pieces.every((p) => v.headers.match(p) !== undefined);
}

function cellOf(t: Token, at: (k: number) => number): RawCell {
  return { text: t.text, start: at(t.start), end: at(t.end), blank: false, empty: false };
}

/**
 * Whether a text reads as a table row, and its cells. `at` maps an index of the text to an offset of the source
 * (the identity plus the text's start where the text is verbatim source).
 */
export function looseRow(text: string, formats: readonly Format[], at: (k: number) => number): LooseRow | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 240) return undefined;
  const v = vocabulary(formats);
  // a pipe row: | a | b | … |
  if (trimmed.startsWith('|') && trimmed.length > 2) {
    const cells: RawCell[] = [];
    let from = text.indexOf('|') + 1;
    let numbers = 0;
    for (let k = from; k <= text.length; k++) {
      if (k < text.length && text[k] !== '|') continue;
      const piece = text.slice(from, k);
      const lead = piece.length - piece.trimStart().length;
      const value = piece.trim().replace(/^:?-{3,}:?$/, '---');
      if (!(k === text.length && value === '')) {
        const s = from + lead;
        cells.push({ text: value, start: at(value ? s : from), end: at(value ? s + piece.trim().length : from + piece.length), blank: value === '', empty: piece === '' });
        if (isValueToken(value)) numbers++;
      }
      from = k + 1;
    }
    if (cells.length < 2) return undefined;
    return { kind: numbers ? 'row' : 'maybe', cells };
  }
  if (SENTENCE.test(trimmed)) return undefined;
  const tokens: Token[] = [];
  for (const m of text.matchAll(SPACE_RUN)) tokens.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  // the trailing run of numbers
  let k = tokens.length;
  let numbers = 0;
  while (k > 0 && (isValueToken(tokens[k - 1].text) || isDash(tokens[k - 1].text))) {
    if (isValueToken(tokens[k - 1].text)) numbers++;
    k--;
  }
  if (!numbers) k = tokens.length;
  const values = tokens.slice(k).map((t) => cellOf(t, at));
  const labelTokens = tokens.slice(0, k);
  if (!labelTokens.length) return values.length >= 3 ? { kind: 'row', cells: values } : { kind: 'maybe', cells: values };
  const labelText = text.slice(labelTokens[0].start, labelTokens[labelTokens.length - 1].end);
  if (labelText.length > 80) return undefined;
  const labels = labelCells(labelTokens, labelText, v, at);
  if (labels) return { kind: values.length ? 'row' : 'maybe', cells: [...labels, ...values] };
  // header words, each a column label (信息内容 本年制发件数 …), or a heading over a table part (行政复议)
  if (!values.length && labelTokens.every((t) => isHeaderText(t.text, v))) return { kind: 'maybe', cells: labelTokens.map((t) => cellOf(t, at)) };
  if (!values.length && recognizer(formats).isCaption(normalizeLabel(labelText))) return { kind: 'maybe', cells: [cellOf({ text: labelText, start: labelTokens[0].start, end: labelTokens[labelTokens.length - 1].end }, at)] };
  // a piece of a label broken over lines (PDF text): with numbers after it, or alone when short
  const norm = normalizeLabel(labelText);
  if (norm.length <= 24 && (v.rows.isFragment(labelText) || v.groups.isFragment(labelText)) && (values.length >= 2 || (!values.length && norm.length >= 2))) {
    const cell = cellOf({ text: labelText, start: labelTokens[0].start, end: labelTokens[labelTokens.length - 1].end }, at);
    return { kind: values.length ? 'row' : 'maybe', cells: [cell, ...values] };
  }
  return undefined;
}

/**
 * The label cells of a row's label part: one cell when the whole part is a row label (words split by spaces
 * inside, as PDF text has them), else group labels then the row's own label (三、本年度办理结果 （一）予以公开).
 */
function labelCells(tokens: Token[], whole: string, v: Vocabulary, at: (k: number) => number): RawCell[] | undefined {
  const span = (a: number, b: number): RawCell => cellOf({ text: whole.slice(tokens[a].start - tokens[0].start, tokens[b - 1].end - tokens[0].start), start: tokens[a].start, end: tokens[b - 1].end }, at);
  const asRow = (s: string) => {
    const m = v.rows.match(s);
    return m !== undefined && m.kind !== 'fragment';
  };
  if (asRow(whole)) return [span(0, tokens.length)];
  if (v.groups.match(whole)) return [span(0, tokens.length)];
  for (let k = 1; k < tokens.length; k++) {
    const tail = span(k, tokens.length);
    if (!asRow(tail.text)) continue;
    // the head: group labels, one cell each as far as they are; else one cell
    const head: RawCell[] = [];
    let from = 0;
    for (let j = 1; j <= k; j++) {
      const piece = span(from, j);
      if (v.groups.match(piece.text, { fragments: true })) {
        head.push(piece);
        from = j;
      }
    }
    if (from < k) {
      if (!head.length) return undefined;
      head.push(span(from, k));
    }
    return [...head, tail];
  }
  return undefined;
}

/**
 * Turn the paragraphs of each section that read as table rows into rows, joined with the table regions next to
 * them. Changes the skeleton in place.
 */
export function joinLooseRows(skel: Skeleton, formats: readonly Format[]): void {
  for (const s of skel.sections) {
    if (!s.children.some((c) => c.type === 'paragraph')) continue;
    // paragraphs with a number or a pipe are read at once; those without (labels, header words, headings over a
    // table part) only next to a table or a row, as they are joined only there (running text is passed over)
    const items: Array<{ node: Paragraph | RawTable; row: LooseRow | undefined }> = s.children.map((c) => ({
      node: c,
      row: c.type === 'paragraph' && /[0-9０-９|]/.test(c.value) ? paragraphRow(c, skel.source, formats) : undefined,
    }));
    const asked = new Set<number>();
    for (let changed = true; changed; ) {
      changed = false;
      for (let k = 0; k < items.length; k++) {
        const it = items[k];
        if (it.node.type !== 'paragraph' || it.row || asked.has(k)) continue;
        const near = (j: number) => j >= 0 && j < items.length && (items[j].node.type === 'raw-table' || items[j].row !== undefined);
        if (!near(k - 1) && !near(k + 1)) continue;
        asked.add(k);
        it.row = paragraphRow(it.node, skel.source, formats);
        if (it.row) changed = true;
      }
    }
    const out: typeof s.children = [];
    let i = 0;
    while (i < items.length) {
      const it = items[i];
      if (it.node.type === 'paragraph' && !it.row) {
        out.push(it.node);
        i++;
        continue;
      }
      // a run of tables and row-like paragraphs; tables standing right next to each other stay apart, as before
      let j = i + 1;
      while (j < items.length && (items[j].node.type === 'raw-table' || items[j].row) && !(items[j].node.type === 'raw-table' && items[j - 1].node.type === 'raw-table')) j++;
      const run = items.slice(i, j);
      const definite = run.map((r, k) => (r.node.type === 'raw-table' || r.row?.kind === 'row' ? k : -1)).filter((k) => k >= 0);
      if (!definite.length || (run.length === 1 && run[0].node.type === 'raw-table')) {
        for (const r of run) out.push(r.node);
        i = j;
        continue;
      }
      const last = definite[definite.length - 1];
      const joined = run.slice(0, last + 1);
      out.push(joinRun(joined, skel.source));
      for (const r of run.slice(last + 1)) out.push(r.node);
      i = j;
    }
    s.children = out;
  }
}

function paragraphRow(p: Paragraph, source: SourceText, formats: readonly Format[]): LooseRow | undefined {
  const start = p.position.start.offset!;
  const end = p.position.end.offset!;
  // where the paragraph is the source as it is, cells are placed on their text; else on the paragraph
  const verbatim = source.text.slice(start, end) === p.value;
  return looseRow(p.value, formats, verbatim ? (k) => start + k : (k) => (k === 0 ? start : end));
}

function joinRun(run: Array<{ node: Paragraph | RawTable; row: LooseRow | undefined }>, source: SourceText): RawTable {
  const rows: PhysicalRow[] = [];
  let layout: RawTable['layout'] | undefined;
  for (const r of run) {
    if (r.node.type === 'raw-table') {
      layout ??= r.node.layout;
      rows.push(...r.node.rows);
    } else {
      const cells = r.row!.cells;
      rows.push({ cells, start: r.node.position.start.offset!, end: r.node.position.end.offset! });
    }
  }
  const start = run[0].node.position.start.offset!;
  const end = run[run.length - 1].node.position.end.offset!;
  return { type: 'raw-table', layout: layout ?? 'spaced', rows, position: source.position(start, end) };
}
