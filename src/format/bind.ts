/**
 * Skeleton + format → report AST: table regions become tables bound to the format's table, row and column ids.
 *
 * Physical rows are read as: placeholder cells (merged cells, empty), label cells, value cells. The row's own
 * label is the last label cell; labels broken over lines or pages are joined; cells of a row broken by a page
 * break are joined. Value cells get column ids only when their number is what the format wants (after dropping
 * layout placeholders): otherwise nobody can know which cell is which, and the row is left for cell-count.
 */
import type { Cell, HeaderRow, Label, LabelMatch, Paragraph, Report, Row, Section, Table } from '../types.js';
import type { SourceText } from '../text/lines.js';
import { cjkCount, normalizeLabel, parseCellNumber } from '../text/normalize.js';
import type { Format, FormatTable } from './formats.js';
import type { LabelRewrite, MatchOptions } from './match.js';
import type { PhysicalRow, RawCell, RawTable, SectionDraft, Skeleton } from '../skeleton.js';
import { UNLABELLED_ROW_MIN_SHARE } from '../text/heuristics.js';

import { maxOf, pushAll } from '../text/arrays.js';
const ENUM_ONLY = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+[.、])$/;
const LABEL_START = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+[.、])\S/;
const NUMERAL_WORD = /^[零〇一二两三四五六七八九十百千万无空]+$/;

/** A cell that is a label (words), as opposed to a value (a number, a blank, or junk in a value's place). */
export function isLabelCell(cell: RawCell): boolean {
  return (cell.label ??= labelLike(cell));
}

function labelLike(cell: RawCell): boolean {
  if (cell.blank) return false;
  if (parseCellNumber(cell.text).status !== 'invalid') return false;
  const n = normalizeLabel(cell.text);
  if (NUMERAL_WORD.test(n)) return false;
  if (ENUM_ONLY.test(n) || LABEL_START.test(n)) return true;
  return cjkCount(n, 2) >= 2;
}

function isRuleRow(row: PhysicalRow): boolean {
  const filled = row.cells.filter((c) => !c.blank);
  return filled.length > 0 && filled.every((c) => /^[-—_=─━]{3,}$/.test(c.text));
}

export interface BindOptions {
  /** dictionary rewrites for labels */
  rewrites?: readonly LabelRewrite[];
}

export function bindReport(skel: Skeleton, format: Format, opts: BindOptions = {}): Report {
  const { source } = skel;
  const sections: Section[] = skel.sections.map((s) => bindSection(s, format, source, opts));
  const children: Report['children'] = [...skel.preamble, ...sections];
  const end = source.text.length;
  return {
    type: 'report',
    year: skel.year,
    yearSource: skel.yearSource,
    agency: skel.agency,
    title: skel.title,
    format: format.short,
    children,
    position: source.position(0, end),
  };
}

function bindSection(s: SectionDraft, format: Format, source: SourceText, opts: BindOptions): Section {
  const children: Array<Paragraph | Table> = [];
  const tables = s.sectionId ? format.tablesOf(s.sectionId) : [];
  let prevRaw: RawTable | undefined;
  for (const c of s.children) {
    if (c.type === 'paragraph') {
      children.push(c);
      prevRaw = undefined;
      continue;
    }
    const bound = bindRegion(c, tables, format, source, opts);
    // a table of one unlabeled row printed in parts, each a table of its own (table 四 as three tables of five
    // columns, each with its heading inside): the parts are one table
    const last = children[children.length - 1];
    if (prevRaw && last?.type === 'table' && bound.length === 1 && partOfOneRow(last, bound[0], format)) {
      const merged: RawTable = { ...c, rows: [...prevRaw.rows, ...c.rows], position: source.position(prevRaw.position.start.offset!, c.position.end.offset!) };
      const again = bindRegion(merged, tables, format, source, opts);
      const row = again.length === 1 && again[0].children.length === 1 ? again[0].children[0] : undefined;
      if (row && row.foundCells <= row.expectedCells && row.foundCells > (last.children[0]?.foundCells ?? 0)) {
        children[children.length - 1] = again[0];
        prevRaw = merged;
        continue;
      }
    }
    pushAll(children, bound);
    prevRaw = c;
  }
  return {
    type: 'section',
    number: s.number,
    index: s.index,
    sectionId: s.sectionId,
    heading: s.heading,
    titleText: s.titleText,
    depth: s.depth,
    children,
    position: s.position,
  };
}

/**
 * Whether two tables bound one after the other are parts of one table whose only data row has no label (table 四):
 * both bound to it, each with that row short of cells.
 */
function partOfOneRow(a: Table, b: Table, format: Format): boolean {
  if (!a.tableId || a.tableId !== b.tableId) return false;
  const ft = format.table(a.tableId)!;
  const data = ft.rows.filter((r) => r.data);
  if (data.length !== 1 || data[0].label !== null) return false;
  const short = (t: Table) => t.children.length <= 1 && t.children.every((r) => r.rowId === data[0].id && r.foundCells < r.expectedCells);
  return short(a) && short(b);
}

/** Split a region at its captions (第二十条第（N）项) and bind each part to the format's table. */
function bindRegion(region: RawTable, tables: FormatTable[], format: Format, source: SourceText, opts: BindOptions): Table[] {
  if (!tables.length) return [unknownTable(region, source)];
  const parts: Array<{ caption?: RawCell; table?: FormatTable; rows: PhysicalRow[] }> = [];
  let cur: { caption?: RawCell; table?: FormatTable; rows: PhysicalRow[] } | undefined;
  let pending: PhysicalRow[] = [];
  for (const row of region.rows) {
    const first = row.cells.find((c) => !c.blank);
    const cap = first ? format.captionKey(first.text) : undefined;
    if (cap !== undefined && first) {
      const table = tables.find((t) => t.caption && format.captionKey(t.caption) === cap);
      if (cur && pending.length) cur.rows.push(...pending);
      pending = [];
      cur = { caption: first, table, rows: [] };
      parts.push(cur);
      continue;
    }
    if (tables.length === 1) {
      if (!cur) parts.push((cur = { table: tables[0], rows: [] }));
      cur.rows.push(row);
      continue;
    }
    // no caption above: a row whose label belongs to one table of the section starts that table's part; the rows
    // without such a label (header rows) go with the part that follows them
    const guess = cur?.caption ? undefined : guessTable(row, tables, format);
    if (guess && guess !== cur?.table) {
      parts.push((cur = { table: guess, rows: pending }));
      pending = [];
    } else if (!cur) {
      pending.push(row);
      continue;
    } else if (!guess && !cur.caption && !row.cells.some((c) => !c.blank && !isLabelCell(c))) {
      pending.push(row);
      continue;
    } else if (pending.length) {
      cur.rows.push(...pending);
      pending = [];
    }
    cur.rows.push(row);
  }
  if (pending.length) {
    if (cur) cur.rows.push(...pending);
    else parts.push({ table: undefined, rows: pending });
  }
  return parts.map((p) => {
    const caption: Label | undefined = p.caption
      ? { type: 'label', value: p.caption.text, position: source.position(p.caption.start, p.caption.end) }
      : undefined;
    const startOff = p.caption ? p.caption.start : p.rows[0]?.start ?? region.position.start.offset!;
    const endOff = p.rows.length ? p.rows[p.rows.length - 1].end : p.caption!.end;
    if (!p.table) {
      const t = unknownTable({ ...region, rows: p.rows }, source);
      t.caption = caption;
      t.position = source.position(startOff, endOff);
      return t;
    }
    return bindTable(p.table, p.rows, region.layout, format, source, caption, source.position(startOff, endOff), opts);
  });
}

function guessTable(row: PhysicalRow, tables: FormatTable[], format: Format): FormatTable | undefined {
  const labels = row.cells.filter(isLabelCell);
  for (const t of tables) {
    if (labels.some((l) => format.rowLabels(t.id).match(l.text)?.kind === 'exact')) return t;
  }
  return undefined;
}

function unknownTable(region: RawTable, source: SourceText): Table {
  return {
    type: 'table',
    layout: region.layout,
    header: region.rows.map((r) => headerRow(r, source)),
    children: [],
    position: region.position,
  };
}

function headerRow(r: PhysicalRow, source: SourceText, labels?: ReturnType<Format['headerLabels']>, opts?: MatchOptions): HeaderRow {
  const filled = r.cells.filter((c) => !c.blank);
  return {
    type: 'header-row',
    cells: filled.map((c) => ({ type: 'label', value: c.text, position: source.position(c.start, c.end) })),
    matches: labels ? filled.map((c) => labels.match(c.text, opts)) : undefined,
    position: source.position(r.start, r.end),
  };
}

interface Draft {
  /** cells before the first label (merged cells of the rows above) */
  pre: number;
  labels: RawCell[];
  match?: LabelMatch;
  groups: RawCell[];
  values: RawCell[];
  start: number;
  end: number;
}

/** What the passes of one table's binding share. */
interface TableBinding {
  t: FormatTable;
  format: Format;
  source: SourceText;
  exact: MatchOptions;
  loose: MatchOptions;
  rowSet: ReturnType<Format['rowLabels']>;
  groupSet: ReturnType<Format['groupLabels']>;
  headerSet: ReturnType<Format['headerLabels']>;
  /** the format's row without a label (section 四's one data row), if the table has one, and whether it was found */
  unlabeled?: FormatTable['rows'][number];
  unlabeledTaken: boolean;
  width: number;
  header: HeaderRow[];
  drafts: Draft[];
}

/**
 * One table's physical rows → bound rows, in named passes:
 *  1. rules: a row that is only rules of dashes (a text table's borders) is dropped;
 *  2. split: each row's cells into label cells and value cells (splitRow);
 *  3. labelled rows (labelledRow): header rows before the first data row; a label the format knows starts a data
 *     row; pieces of a label broken over lines join the row above (joinLabel); group labels on a line of their own
 *     are passed over; an unknown label with numbers is kept as an unmatched row;
 *  4. rows without a label (unlabelledRow): the table's unlabelled data row, or numbers that continue the row above
 *     after a page break;
 *  5. placeholders: how many empty cells rows of each shape leave before their numbers, learnt from complete rows
 *     (learnLeads);
 *  6. cells: the value cells fitted to the format's columns and read as numbers (bindRow, fitValues).
 */
function bindTable(
  t: FormatTable,
  rows: PhysicalRow[],
  layout: Table['layout'],
  format: Format,
  source: SourceText,
  caption: Label | undefined,
  position: Table['position'],
  opts: BindOptions,
): Table {
  const b: TableBinding = {
    t,
    format,
    source,
    exact: { rewrites: opts.rewrites },
    loose: { rewrites: opts.rewrites, fragments: true },
    rowSet: format.rowLabels(t.id),
    groupSet: format.groupLabels(t.id),
    headerSet: format.headerLabels(t.id),
    unlabeled: t.rows.find((r) => r.label === null && r.data),
    unlabeledTaken: false,
    width: t.columns.length,
    header: [],
    drafts: [],
  };
  for (const prow of rows) {
    if (isRuleRow(prow)) continue; // 1
    const split = splitRow(prow); // 2
    if (split.labels.length) labelledRow(prow, split, b); // 3
    else unlabelledRow(prow, split, b); // 4
  }
  // a label alone above the row that has it with its numbers (a sub-heading 行政许可 over 行政许可 12): not a row
  const withValues = new Set(b.drafts.filter((d) => d.match && d.values.some((c) => !c.blank)).map((d) => d.match!.id));
  for (let i = b.drafts.length - 1; i >= 0; i--) {
    const d = b.drafts[i];
    if (d.match && !d.values.length && withValues.has(d.match.id)) b.drafts.splice(i, 1);
  }
  const leads = learnLeads(b.drafts, t); // 5
  const children = b.drafts.map((d) => bindRow(d, t, format, source, b.loose, leads.get(shapeOf(d, t)))); // 6
  return { type: 'table', tableId: t.id, caption, layout, header: b.header, children, position };
}

interface SplitRow {
  /** index of the first label cell (cells before it are merged cells of the rows above), -1 when none */
  first: number;
  /** the label cells that are not blank: from the first label cell up to the last one before the values start */
  labels: RawCell[];
  values: RawCell[];
  hasValues: boolean;
}

/** Pass 2: a row's label cells and value cells. */
function splitRow(prow: PhysicalRow): SplitRow {
  const cells = prow.cells;
  let first = -1;
  let last = -1;
  for (let i = 0; i < cells.length; i++) {
    if (cells[i].blank) continue;
    if (isLabelCell(cells[i])) {
      if (first < 0) first = i;
      last = i;
    } else break;
  }
  const labels = first < 0 ? [] : cells.slice(first, last + 1).filter((c) => !c.blank);
  const values = cells.slice(last + 1);
  return { first, labels, values, hasValues: values.some((c) => !c.blank) };
}

/** Pass 3: a row with labels is a header row, a data row, the rest of the label above, a group label, or unknown. */
function labelledRow(prow: PhysicalRow, { first, labels, values, hasValues }: SplitRow, b: TableBinding): void {
  const prev = b.drafts[b.drafts.length - 1];
  const own = labels[labels.length - 1];
  const draft = (match?: LabelMatch): Draft => ({ pre: first, labels: [own], ...(match ? { match } : {}), groups: labels.slice(0, -1), values, start: prow.start, end: prow.end });
  if (!b.drafts.length && !hasValues && b.headerSet.match(own.text)?.kind === 'exact') {
    b.header.push(headerRow(prow, b.source, b.headerSet, b.exact));
    return;
  }
  const match = b.rowSet.match(own.text, b.loose);
  if (match && match.kind !== 'fragment') {
    b.drafts.push(draft(match));
    return;
  }
  // a label broken over lines: the pieces continue the labels of the row above, aligned from the right; not a
  // piece that starts with its own enumerator and is the start of another row (二、上年结转政府信息公 / 开申请数量)
  const ownStart = match?.kind === 'fragment' && match.id !== prev?.match?.id && LABEL_START.test(normalizeLabel(own.text));
  if (!hasValues && prev && !ownStart && joinLabel(prev, labels, b.rowSet, b.loose)) return;
  // the last piece of a label printed on the line of the numbers (PDF text): it completes the row above
  if (hasValues && prev && !prev.values.some((c) => !c.blank) && (!match || match.kind === 'fragment') && joinLabel(prev, labels, b.rowSet, b.loose)) {
    prev.values = values;
    prev.end = prow.end;
    return;
  }
  if (match) {
    b.drafts.push(draft(match));
    return;
  }
  if (!b.drafts.length && !hasValues) {
    b.header.push(headerRow(prow, b.source, b.headerSet, b.exact));
    return;
  }
  // group labels on a line of their own (（三）不予公开 above its sub-rows)
  if (!hasValues && labels.every((l) => b.groupSet.match(l.text, b.loose))) return;
  // a table printed in parts, each with its own heading and header words (行政复议 / 结果维持 结果纠正 …)
  if (!hasValues && labels.every((l) => isHeaderText(l.text, b.headerSet))) {
    b.header.push(headerRow(prow, b.source, b.headerSet, b.exact));
    return;
  }
  // a label the format does not know, with values: kept as an unmatched row
  b.drafts.push(draft());
}

/** Pass 4: a row without labels is the table's unlabelled data row, or the numbers of the row above continued. */
function unlabelledRow(prow: PhysicalRow, { values, hasValues }: SplitRow, b: TableBinding): void {
  const prev = b.drafts[b.drafts.length - 1];
  if (b.unlabeled && !b.unlabeledTaken && (hasValues || values.length >= Math.ceil(b.width * UNLABELLED_ROW_MIN_SHARE))) {
    b.unlabeledTaken = true;
    b.drafts.push({ pre: 0, labels: [], match: { id: b.unlabeled.id, canonical: '', distance: 0, kind: 'exact' }, groups: [], values, start: prow.start, end: prow.end });
    return;
  }
  // labels printed apart from their numbers (several labels, then their rows of numbers): the first of the rows
  // above still without numbers takes them
  let waiting = b.drafts.length;
  while (waiting > 0 && b.drafts[waiting - 1].labels.length && !b.drafts[waiting - 1].values.some((c) => !c.blank)) waiting--;
  if (hasValues && waiting < b.drafts.length) {
    const d = b.drafts[waiting];
    d.values = values;
    d.end = prow.end;
    return;
  }
  if (prev && hasValues && effectiveCount(prev.values) < b.width) {
    // a row broken by a page break: its cells continue on the next line
    prev.values = [...prev.values, ...values];
    prev.end = prow.end;
  }
}

/** A header text: a column label of the table, or words in brackets that are each one (行政诉讼（复议后起诉）). */
function isHeaderText(text: string, headerSet: ReturnType<Format['headerLabels']>): boolean {
  if (headerSet.match(text)) return true;
  const pieces = text.split(/[（）()]/).filter((p) => p.trim() !== '');
  return pieces.length > 1 && pieces.every((p) => headerSet.match(p) !== undefined);
}

/** Append label pieces to the row above when that makes its label match better. */
function joinLabel(prev: Draft, pieces: RawCell[], rowSet: ReturnType<Format['rowLabels']>, loose: MatchOptions): boolean {
  const own = prev.labels[prev.labels.length - 1];
  if (!own) return false;
  const piece = pieces[pieces.length - 1];
  const joinedText = prev.labels.map((l) => l.text).join('') + piece.text;
  const m = rowSet.match(joinedText, loose);
  const before = prev.match;
  const better = m && (!before || m.kind === 'exact' || (before.kind === 'fragment' && m.kind !== 'fragment') || m.distance < before.distance);
  const fragmentOfLabel = rowSet.isFragment(piece.text);
  if (!better && !fragmentOfLabel) return false;
  prev.labels.push(piece);
  if (m && (better || !before)) prev.match = m;
  // earlier pieces continue the group labels
  const extra = pieces.slice(0, -1);
  pushAll(prev.groups, extra);
  return true;
}

/**
 * The shape of a row as written: cells before its labels, label cells, and its depth in the format
 * (一、 rows, （一） rows, 1. rows). Rows of one shape leave the same placeholders in a table's text.
 */
function shapeOf(d: Draft, t: FormatTable): string {
  let depth = 0;
  for (let r = t.rows.find((x) => x.id === d.match?.id); r?.parent; r = t.rows.find((x) => x.id === r!.parent)) depth++;
  return `${d.pre}|${d.groups.length + d.labels.length}|${depth}`;
}

/**
 * How many empty placeholder cells rows of each shape leave between their labels and their numbers, learnt from
 * the rows of that shape that have every number filled in. A label spanning two columns leaves one (seed 001's
 * 一、 二、 四、 rows); then a row of that shape whose numbers start right after the placeholder has lost a cell,
 * and is not read shifted by one column.
 */
function learnLeads(drafts: Draft[], t: FormatTable): Map<string, Set<number>> {
  const width = t.columns.length;
  const out = new Map<string, Set<number>>();
  for (const d of drafts) {
    if (d.values.filter((c) => !c.blank).length !== width) continue;
    let lead = 0;
    while (lead < d.values.length && d.values[lead].empty) lead++;
    const k = shapeOf(d, t);
    if (!out.has(k)) out.set(k, new Set());
    out.get(k)!.add(lead);
  }
  return out;
}

/** The number of value cells once layout placeholders are left out. */
function effectiveCount(values: RawCell[]): number {
  return values.filter((c) => !c.empty).length;
}

/**
 * Drop layout placeholders until the row has as many cells as the format wants. A row with every number filled
 * in keeps just those. Otherwise, where complete rows of the same shape show how many empty cells stand before
 * the numbers, exactly those are dropped, then empty cells at the end (when those rows disagree, only the end
 * is trimmed); with no such rows, empty cells at the end, then at the start, then blank ones likewise. A row that
 * does not come out at the right width keeps its cells unbound: which is which cannot be told.
 */
function fitValues(values: RawCell[], width: number, leads: Set<number> | undefined): RawCell[] {
  let v = values.slice();
  // every number there: the other cells can only be placeholders
  const filled = v.filter((c) => !c.blank);
  if (filled.length === width) return filled;
  if (leads?.size) {
    if (leads.size === 1) {
      const [lead] = leads;
      for (let i = 0; i < lead && v.length && v[0].empty; i++) v.shift();
    }
    while (v.length > width && v[v.length - 1].empty) v.pop();
    return v;
  }
  for (const pred of [(c: RawCell) => c.empty, (c: RawCell) => c.blank]) {
    while (v.length > width && pred(v[v.length - 1])) v.pop();
    while (v.length > width && pred(v[0])) v.shift();
  }
  return v;
}

function bindRow(d: Draft, t: FormatTable, format: Format, source: SourceText, loose: MatchOptions, leads: Set<number> | undefined): Row {
  const width = t.columns.length;
  const fitted = fitValues(d.values, width, leads);
  const known = fitted.length === width;
  const children: Cell[] = fitted.map((c, i) => {
    const col = known ? t.columns[i] : undefined;
    const p = parseCellNumber(c.text);
    // a unit the format itself gives (本年收费金额（单位：万元）) is no fault
    const status = p.status === 'unit' && col?.unit !== undefined && p.unit === col.unit ? 'number' : p.status;
    const cell: Cell = {
      type: 'cell',
      raw: c.text,
      status,
      index: i,
      position: source.position(c.start, c.end),
    };
    if (p.value !== undefined) cell.value = p.value;
    if (p.unit) cell.unit = p.unit;
    if (col) cell.columnId = col.id;
    return cell;
  });
  const labels: Label[] = d.labels.map((l) => ({ type: 'label', value: l.text, position: source.position(l.start, l.end) }));
  const groupSet = format.groupLabels(t.id);
  const groupMatches = d.groups.map((g) => ({
    label: { type: 'label', value: g.text, position: source.position(g.start, g.end) } as Label,
    match: groupSet.match(g.text, loose),
  }));
  const start = labels.length ? labels[0].position.start.offset! : children.length ? children[0].position.start.offset! : d.start;
  const ends = [...labels.map((l) => l.position.end.offset!), ...children.map((c) => c.position.end.offset!), start];
  return {
    type: 'row',
    rowId: d.match?.id,
    label: d.labels.map((l) => l.text).join(''),
    labels,
    match: d.match,
    groupMatches,
    expectedCells: width,
    foundCells: fitted.length,
    children,
    position: source.position(start, maxOf(ends)),
  };
}
