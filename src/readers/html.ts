/**
 * HTML → report skeleton, the same Skeleton the text path makes (see structure.ts), with every position an
 * offset into the HTML source.
 *
 * The page is parsed with rehype-parse (hast, positions kept). Its text is cut into blocks in document order
 * (paragraphs, headings, list items, lines broken by <br>), tables are kept whole. The report body is the
 * element that holds the most section headings (一、总体情况 … 六) and report tables, and the least else: the site's
 * menus, footers and scripts around it are left out. Section headings, the title and the year are recognised by
 * the same functions as in text (structure.ts). A <table> becomes a RawTable of layout `html`: its rows are the
 * <tr>, its cells the <td>/<th>; a cell merged down from a row above (rowspan) leaves an empty placeholder cell
 * in the rows it covers, as a merged cell does in a Word text export; a cell merged across (colspan) stays one
 * cell, as it is one cell in Word.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { decodeHTML } from 'entities';
import type { Element, Nodes, Root, Text } from 'hast';
import type { Paragraph } from '../types.js';
import { SourceText, isSpace } from '../text/lines.js';
import { normalizeLabel, stripEnumerator } from '../text/normalize.js';
import { DecodeError } from '../io/decode.js';
import type { HeadingMatch, InputInfo, PhysicalRow, RawCell, RawTable, Recognizer, SectionDraft, Skeleton } from '../skeleton.js';
import type { DocumentPlace, Fix } from '../types.js';
import type { InputKindModule } from './kind.js';
import { findTitle, isTitleText, reportYear, type TextSpan } from './title.js';
import { MAX_HEADING_CHARS, MAX_LABEL_CELL_CHARS, REPORT_TABLE_LEAD_CELLS, SIGNING_SEARCH_TEXTS, TITLE_SEARCH_BLOCKS_BEFORE_BODY } from '../text/heuristics.js';
import { maxOf, minOf } from '../text/arrays.js';
import { checkHtmlSource, checkHtmlTree, checkTableGrid } from './html-bounds.js';

/** A piece of text: one text node, or the part of one, with its offsets in the source. */
interface Piece {
  /** decoded text */
  value: string;
  /** offsets of the raw text (entities and line endings as written) in the source */
  start: number;
  end: number;
  /** inside <b>, <strong>, <h1>–<h6> or a bold style: how headings are marked in pages */
  strong: boolean;
}

interface Block {
  kind: 'block';
  pieces: Piece[];
  /** the elements around the block, outermost first */
  ancestors: Element[];
}

interface TableItem {
  kind: 'table';
  el: Element;
  ancestors: Element[];
}

type Item = Block | TableItem;

/** Where things are, in the page's own terms: tables, rows, cells and blocks (for locations in .docx files). */
export interface HtmlMap {
  /** the report's blocks (paragraphs, headings, tables) in order, with their offsets */
  blocks: Array<{ start: number; end: number; table?: number }>;
  tables: Array<{ start: number; end: number; rows: Array<{ start: number; end: number; cells: Array<{ start: number; end: number }> }> }>;
  /** spans whose text is exactly the source's text (no markup, no entity inside), sorted by start */
  verbatim: Array<[number, number]>;
  /** offsets of the report body in the source */
  body: { start: number; end: number };
}

export interface HtmlSkeleton {
  skeleton: Skeleton;
  map: HtmlMap;
}

const SKIP = new Set([
  'head', 'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'option',
  'textarea', 'button', 'canvas', 'video', 'audio', 'map', 'input', 'title', 'meta', 'link',
]);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'ul', 'table',
  'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'br',
]);
const STRONG = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const processor = unified().use(rehypeParse);

/** Read an HTML page (or a fragment, such as mammoth's output for a .docx) into the report skeleton. */
export function parseHtmlStructure(html: string, rec: Recognizer): HtmlSkeleton {
  const source = new SourceText(html);
  let tree: Root;
  checkHtmlSource(html);
  try {
    tree = processor.parse(html) as Root;
  } catch (e) {
    // the parser's tree is built by recursion: pages nested thousands of levels deep (never a real page) exhaust it
    if (e instanceof RangeError) throw new DecodeError('网页的标签嵌套太深（上千层），这不像是正常的网页');
    throw e;
  }
  checkHtmlTree(tree);
  const { items, parents, pageTitle } = collect(tree, html);

  // the report body: the element with the most headings and report tables, and nothing around them
  const headingOf = new Map<Block, { match: HeadingMatch; pieces: Piece[]; rest: Piece[] }>();
  for (const it of items) {
    if (it.kind !== 'block') continue;
    const h = headingIn(it, rec);
    if (h) headingOf.set(it, h);
  }
  const body = reportBody(items, headingOf, parents, rec);
  const inBody = (it: Item) => body === undefined || it.ancestors.includes(body) || (it.kind === 'table' && it.el === body);
  const first = items.findIndex(inBody);
  const bodyItems = first < 0 ? [] : items.filter(inBody);
  const before = first < 0 ? items : items.slice(0, first);

  const map: HtmlMap = { blocks: [], tables: [], verbatim: [], body: { start: 0, end: html.length } };
  const sections: SectionDraft[] = [];
  const preambleBlocks: Block[] = [];
  let current: SectionDraft | undefined;
  const paragraphs = new Map<Block, Paragraph>();

  for (const it of bodyItems) {
    if (it.kind === 'table') {
      const t = rawTable(it.el, html, source, map);
      map.blocks.push({ start: t.position.start.offset!, end: t.position.end.offset!, table: map.tables.length });
      if (current) current.children.push(t);
      // a table before the first heading has no section to belong to: the format cannot place it
      continue;
    }
    const h = headingOf.get(it);
    if (h) {
      const span = spanOf(h.pieces, html, map);
      const heading = { type: 'label' as const, value: span.value, position: source.position(span.start, span.end) };
      map.blocks.push({ start: span.start, end: span.end });
      current = { ...h.match, heading, children: [], position: heading.position };
      sections.push(current);
      if (h.rest.some((p) => !isBlankText(p.value))) {
        const para = paragraphOf(h.rest, html, source, map);
        map.blocks.push({ start: para.position.start.offset!, end: para.position.end.offset! });
        current.children.push(para);
      }
      continue;
    }
    const para = paragraphOf(it.pieces, html, source, map);
    map.blocks.push({ start: para.position.start.offset!, end: para.position.end.offset! });
    paragraphs.set(it, para);
    if (current) current.children.push(para);
    else preambleBlocks.push(it);
  }
  for (const s of sections) {
    const last = s.children[s.children.length - 1];
    s.position = { start: s.heading.position.start, end: last ? last.position.end : s.heading.position.end };
  }

  // the title: among the paragraphs before the first heading; else the page's heading just above the body;
  // else the page's <title>
  const preSpans: TextSpan[] = preambleBlocks.map((b) => {
    const p = paragraphs.get(b)!;
    return { start: p.position.start.offset!, end: p.position.end.offset!, value: p.value };
  });
  let { title, agency, used } = findTitle(preSpans, source);
  if (!title) {
    const outside = before.filter((b): b is Block => b.kind === 'block').slice(-TITLE_SEARCH_BLOCKS_BEFORE_BODY);
    for (let i = outside.length - 1; i >= 0 && !title; i--) {
      const s = spanOf(outside[i].pieces, html);
      if (isTitleText(s.value)) ({ title, agency } = findTitle([s], source));
    }
  }
  if (!title && pageTitle) {
    const s = spanOf(pageTitle, html);
    let at = 0;
    for (const part of s.value.split(/[_|｜]|\s[-–—]\s/)) {
      const i = s.value.indexOf(part, at);
      at = i + part.length;
      const t = part.trim();
      if (!isTitleText(t)) continue;
      const lead = part.length - part.trimStart().length;
      const start = s.start + (s.verbatim ? i + lead : 0);
      const end = s.verbatim ? start + t.length : s.end;
      ({ title, agency } = findTitle([{ start, end, value: t }], source));
      break;
    }
  }
  const preamble = preambleBlocks.filter((_, i) => !used.has(i)).map((b) => paragraphs.get(b)!);

  const lastTexts = bodyItems
    .filter((b): b is Block => b.kind === 'block')
    .slice(-SIGNING_SEARCH_TEXTS)
    .map((b) => spanOf(b.pieces, html).value);
  const { year, yearSource } = reportYear(title, lastTexts, sections);

  if (bodyItems.length) {
    const starts = [...preamble, ...sections].map((n) => n.position.start.offset!);
    const ends = [...preamble, ...sections].map((n) => n.position.end.offset!);
    if (starts.length) map.body = { start: minOf(starts), end: maxOf(ends) };
  }
  map.verbatim.sort((a, b) => a[0] - b[0]);
  const skeleton: Skeleton = { source, title, agency, year, yearSource, preamble, sections };
  return { skeleton, map };
}

// ---------------------------------------------------------------------------------------------------------------
// walking the page

function collect(tree: Root, html: string): { items: Item[]; parents: Map<Element, Element | undefined>; pageTitle?: Piece[] } {
  const items: Item[] = [];
  const parents = new Map<Element, Element | undefined>();
  const stack: Element[] = [];
  let pieces: Piece[] = [];
  let ancestors: Element[] = [];
  let pageTitle: Piece[] | undefined;

  const flush = () => {
    if (pieces.some((p) => !isBlankText(p.value))) items.push({ kind: 'block', pieces, ancestors });
    pieces = [];
  };
  const visit = (node: Nodes, strong: boolean) => {
    if (node.type === 'text') {
      if (!node.position) return;
      if (!pieces.length) ancestors = stack.slice();
      pieces.push({ value: node.value, start: node.position.start.offset!, end: node.position.end.offset!, strong });
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'root') {
      for (const c of node.children) visit(c, strong);
      return;
    }
    const el = node;
    const tag = el.tagName.toLowerCase();
    if (tag === 'head') {
      const t = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'title');
      if (t) pageTitle = t.children.filter((c): c is Text => c.type === 'text' && !!c.position).map((c) => piece(c));
      return;
    }
    if (SKIP.has(tag) || hidden(el)) return;
    parents.set(el, stack[stack.length - 1]);
    if (tag === 'br' || tag === 'hr') {
      flush();
      return;
    }
    if (tag === 'table' && !hasNested(el, 'table')) {
      flush();
      items.push({ kind: 'table', el, ancestors: stack.slice() });
      // the elements of the table, for the body's parents map
      markParents(el, parents);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    stack.push(el);
    const s = strong || STRONG.has(tag) || boldStyle(el);
    for (const c of el.children) visit(c as Nodes, s);
    stack.pop();
    if (block) flush();
  };
  const piece = (t: Text): Piece => ({ value: t.value, start: t.position!.start.offset!, end: t.position!.end.offset!, strong: false });
  visit(tree, false);
  flush();
  return { items, parents, pageTitle };
}

function markParents(el: Element, parents: Map<Element, Element | undefined>) {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    parents.set(c, el);
    markParents(c, parents);
  }
}

function hasNested(el: Element, tag: string): boolean {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === tag || hasNested(c, tag)) return true;
  }
  return false;
}

function styleOf(el: Element): string {
  const s = el.properties?.style;
  return typeof s === 'string' ? s : '';
}

function hidden(el: Element): boolean {
  if (el.properties?.hidden) return true;
  const s = styleOf(el);
  return s !== '' && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(s);
}

function boldStyle(el: Element): boolean {
  const s = styleOf(el);
  // 黑体 is how Chinese official documents set their first-level headings
  return s !== '' && (/font-weight\s*:\s*(?:bold|bolder|[6-9]00)/i.test(s) || /font-family\s*:[^;]{0,40}黑体/i.test(s));
}

function isBlankText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/**
 * A heading: the whole block, or its leading bold part (一、总体情况 in bold, the text going on after it). The bold
 * part wins when it is the format's heading exactly and the whole block is not.
 */
function headingIn(b: Block, rec: Recognizer): { match: HeadingMatch; pieces: Piece[]; rest: Piece[] } | undefined {
  const whole = collapse(b.pieces.map((p) => p.value).join(''));
  const wholeMatch = whole.length <= MAX_HEADING_CHARS ? rec.heading(whole) : undefined;
  if (wholeMatch?.titleMatch?.kind === 'exact') return { match: wholeMatch, pieces: b.pieces, rest: [] };
  let n = 0;
  while (n < b.pieces.length && (b.pieces[n].strong || isBlankText(b.pieces[n].value))) n++;
  while (n > 0 && isBlankText(b.pieces[n - 1].value)) n--;
  if (n > 0 && n < b.pieces.length) {
    const lead = collapse(b.pieces.slice(0, n).map((p) => p.value).join(''));
    const m = lead.length <= MAX_HEADING_CHARS ? rec.heading(lead) : undefined;
    if (m && (!wholeMatch || m.titleMatch?.kind === 'exact')) return { match: m, pieces: b.pieces.slice(0, n), rest: b.pieces.slice(n) };
  }
  return wholeMatch ? { match: wholeMatch, pieces: b.pieces, rest: [] } : undefined;
}

/** Runs of white space (also U+00A0, U+3000 and zero-width characters) to one space, trimmed. */
function collapse(s: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      space = out !== '';
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += s[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// the report body

function reportBody(
  items: Item[],
  headingOf: Map<Block, { match: HeadingMatch }>,
  parents: Map<Element, Element | undefined>,
  rec: Recognizer,
): Element | undefined {
  const keys = new Map<Element, Set<string>>();
  const chars = new Map<Element, number>();
  let t = 0;
  for (const it of items) {
    let key: string | undefined;
    if (it.kind === 'block') {
      const h = headingOf.get(it);
      if (h) key = `h:${h.match.sectionId}`;
      const n = it.pieces.reduce((a, p) => a + p.value.length, 0);
      for (const a of it.ancestors) chars.set(a, (chars.get(a) ?? 0) + n);
    } else if (reportTable(it.el, rec)) {
      key = `t:${t++}`;
    }
    if (!key) continue;
    const chain = it.kind === 'table' ? [...it.ancestors, it.el] : it.ancestors;
    for (const a of chain) {
      let s = keys.get(a);
      if (!s) keys.set(a, (s = new Set()));
      s.add(key);
    }
  }
  let max = 0;
  for (const s of keys.values()) max = Math.max(max, s.size);
  if (max === 0) return undefined;
  const best = [...keys.entries()].filter(([, s]) => s.size === max).map(([e]) => e);
  // the innermost of them: no other of them inside; of two apart (a table of contents and the report), the longer.
  // Each one's ancestors are marked once (a walk up stops at an element already marked): linear in the page.
  const outer = new Set<Element>();
  for (const e of best) {
    for (let p = parents.get(e); p && !outer.has(p); p = parents.get(p)) outer.add(p);
  }
  const inner = best.filter((e) => !outer.has(e));
  inner.sort((a, b) => (chars.get(b) ?? 0) - (chars.get(a) ?? 0));
  return inner[0];
}

/** A table that carries a label of some format's table (规章, 一、本年新收…, 行政复议 …). */
function reportTable(el: Element, rec: Recognizer): boolean {
  for (const tr of rowsOf(el)) {
    for (const td of cellsOf(tr).slice(0, REPORT_TABLE_LEAD_CELLS)) {
      const text = collapse(textOf(td));
      if (text === '' || text.length > MAX_LABEL_CELL_CHARS) continue;
      const n = normalizeLabel(text);
      if (rec.isTableLabel(n)) return true;
    }
  }
  return false;
}

function textOf(n: Nodes): string {
  if (n.type === 'text') return n.value;
  if (n.type === 'element' && (SKIP.has(n.tagName) || hidden(n))) return '';
  if (n.type === 'element' && n.tagName === 'br') return ' ';
  if (n.type === 'element' || n.type === 'root') return n.children.map((c) => textOf(c as Nodes)).join(n.type === 'element' && BLOCK.has(n.tagName) ? ' ' : '');
  return '';
}

// ---------------------------------------------------------------------------------------------------------------
// tables

function rowsOf(table: Element): Element[] {
  const out: Element[] = [];
  const walk = (el: Element) => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr') out.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') walk(c);
    }
  };
  walk(table);
  return out;
}

function cellsOf(tr: Element): Element[] {
  return tr.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
}

function span(el: Element, name: 'rowSpan' | 'colSpan', max: number): number {
  const v = Number(el.properties?.[name] ?? 1);
  return Number.isInteger(v) && v >= 1 ? Math.min(v, max) : 1;
}

/**
 * A <table> as rows of raw cells. Cells are placed on the table's grid (rowspan and colspan as the HTML table
 * model does) and read in grid order; a cell covered by a rowspan from above gives one empty placeholder cell in
 * each row it covers.
 */
function rawTable(el: Element, html: string, source: SourceText, map: HtmlMap): RawTable {
  const trs = rowsOf(el);
  checkTableGrid(trs.map((tr) => cellsOf(tr).map((td) => ({ rowSpan: span(td, 'rowSpan', trs.length), colSpan: span(td, 'colSpan', 1000) }))));
  // covered[r] = columns of row r taken by cells from rows above: column → the cell that covers it
  const covered: Array<Map<number, Element>> = trs.map(() => new Map());
  const rows: PhysicalRow[] = [];
  const mapped: HtmlMap['tables'][number] = { start: el.position?.start.offset ?? 0, end: el.position?.end.offset ?? 0, rows: [] };
  for (let r = 0; r < trs.length; r++) {
    const tr = trs[r];
    const tds = cellsOf(tr);
    const trStart = tr.position?.start.offset ?? mapped.start;
    const trEnd = tr.position?.end.offset ?? trStart;
    const placed: Array<{ col: number; cell: RawCell }> = [];
    let col = 0;
    const cellPlaces: Array<{ start: number; end: number }> = [];
    for (const td of tds) {
      while (covered[r].has(col)) col++;
      const cs = span(td, 'colSpan', 1000);
      const rs = span(td, 'rowSpan', trs.length - r);
      for (let k = 1; k < rs; k++) for (let c = col; c < col + cs; c++) covered[r + k].set(c, td);
      const cell = cellOf(td, html, map);
      placed.push({ col, cell });
      cellPlaces.push({ start: td.position?.start.offset ?? cell.start, end: td.position?.end.offset ?? cell.end });
      col += cs;
    }
    // placeholders: one for each cell from above that covers this row, at its first column
    const seen = new Set<Element>();
    // the cells written in the row, in column order: the first after a column is found by halving
    const written = placed.length;
    const nextAfter = (c: number) => {
      let lo = 0;
      let hi = written;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (placed[mid].col > c) hi = mid;
        else lo = mid + 1;
      }
      return lo < written ? placed[lo] : undefined;
    };
    for (const [c, td] of [...covered[r].entries()].sort((a, b) => a[0] - b[0])) {
      if (seen.has(td)) continue;
      seen.add(td);
      const next = nextAfter(c);
      const at = next ? next.cell.start : placed.length ? placed[placed.length - 1].cell.end : trStart;
      placed.push({ col: c, cell: { text: '', start: at, end: at, blank: true, empty: true } });
    }
    placed.sort((a, b) => a.col - b.col);
    const cells = placed.map((p) => p.cell);
    rows.push({ cells, start: trStart, end: trEnd });
    mapped.rows.push({ start: trStart, end: trEnd, cells: cellPlaces });
  }
  map.tables.push(mapped);
  return { type: 'raw-table', layout: 'html', rows, position: source.position(mapped.start, mapped.end) };
}

function cellOf(td: Element, html: string, map: HtmlMap): RawCell {
  const pieces: Piece[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'text') {
      if (n.position) pieces.push({ value: n.value, start: n.position.start.offset!, end: n.position.end.offset!, strong: false });
      return;
    }
    if (n.type !== 'element' || SKIP.has(n.tagName) || hidden(n)) return;
    // a block or a line break inside a cell separates words
    const sep = n.tagName === 'br' || BLOCK.has(n.tagName);
    if (sep) pieces.push({ value: ' ', start: -1, end: -1, strong: false });
    for (const c of n.children) walk(c as Nodes);
    if (sep) pieces.push({ value: ' ', start: -1, end: -1, strong: false });
  };
  for (const c of td.children) walk(c as Nodes);
  const s = spanOf(pieces, html, map);
  if (s.value === '') {
    // a blank cell: a zero-width point inside the element, after its start tag
    const start = td.position?.start.offset ?? 0;
    const end = td.position?.end.offset ?? start;
    const first = td.children[0]?.position?.start.offset;
    const inside = first ?? Math.min(end, html.indexOf('>', start) + 1 || end);
    return { text: '', start: inside, end: inside, blank: true, empty: false };
  }
  return { text: s.value, start: s.start, end: s.end, blank: false, empty: false };
}

// ---------------------------------------------------------------------------------------------------------------
// text and offsets

function paragraphOf(pieces: Piece[], html: string, source: SourceText, map: HtmlMap): Paragraph {
  const s = spanOf(pieces, html, map);
  return { type: 'paragraph', value: s.value, position: source.position(s.start, s.end) };
}

/**
 * The text of some pieces (white space collapsed, trimmed) and the offsets of its first and last character in the
 * source. Pieces with a negative offset are separators that have no text of their own in the source.
 */
function spanOf(pieces: Piece[], html: string, map?: HtmlMap): TextSpan & { verbatim: boolean } {
  const value = collapse(pieces.map((p) => p.value).join(''));
  const real = pieces.filter((p) => p.start >= 0 && !isBlankText(p.value));
  if (!real.length) {
    const at = pieces.find((p) => p.start >= 0)?.start ?? 0;
    return { start: at, end: at, value: '', verbatim: false };
  }
  const a = real[0];
  const z = real[real.length - 1];
  let lead = 0;
  while (lead < a.value.length && isSpace(a.value.charCodeAt(lead))) lead++;
  let trail = 0;
  while (trail < z.value.length && isSpace(z.value.charCodeAt(z.value.length - 1 - trail))) trail++;
  const start = rawOffset(a, lead, html);
  const end = rawOffset(z, z.value.length - trail, html);
  const verbatim = html.slice(start, end) === value;
  if (verbatim && map) map.verbatim.push([start, end]);
  return { start, end: Math.max(start, end), value, verbatim };
}

const ENTITY = /^&(?:#[xX][0-9a-fA-F]{1,8};?|#[0-9]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)/;

/**
 * The source offset of the character at index `k` of a text node's decoded value: entities (&nbsp; &#12288;) and
 * line endings (CRLF, CR, which the parser turns into LF) take more or fewer characters in the source than in
 * the value.
 */
function rawOffset(p: Piece, k: number, html: string): number {
  const raw = html.slice(p.start, p.end);
  if (raw === p.value) return p.start + k;
  let i = 0;
  let j = 0;
  while (j < k && i < raw.length) {
    const ch = raw[i];
    if (ch === '&') {
      const m = ENTITY.exec(raw.slice(i, i + 40));
      if (m) {
        const decoded = decodeHTML(m[0]);
        if (decoded !== m[0]) {
          i += m[0].length;
          j += decoded.length;
          continue;
        }
      }
    }
    if (ch === '\r') {
      i += raw[i + 1] === '\n' ? 2 : 1;
      j += 1;
      continue;
    }
    i++;
    j++;
  }
  return p.start + Math.min(i, raw.length);
}

/** A web page: the report found inside the site's menus, footers and scripts; places are tables, rows and cells. */
export const htmlKind: InputKindModule = {
  id: 'html',
  noun: '网页',
  extensions: ['.html', '.htm'],
  otherNames: ['.xhtml', '.shtml'],
  mime: 'text/html',
  declaresCharset: true,
  sniff: looksLikeHtml,
  read(text, rec) {
    const { skeleton, map } = parseHtmlStructure(text, rec);
    return { skeleton, input: htmlInput('html', map) };
  },
};

/** What a page's reader learnt about places: its tables' rows and cells, the spans a fix may replace, the body. */
export function htmlInput(kind: string, map: HtmlMap): InputInfo {
  return { kind, place: (o) => tablePlace(map, o), canEdit: (r) => inVerbatim(map, r), body: map.body, sectionPlaces: kind === 'html' };
}

/** A page by its first characters (<!DOCTYPE html>, <html>), whatever the file is called. */
function looksLikeHtml(start: Uint8Array | string): boolean {
  const head = typeof start === 'string' ? start.slice(0, 1024) : Buffer.from(start.subarray(0, 1024)).toString('latin1');
  return /^(?:\uFEFF|\xEF\xBB\xBF)?\s*(?:<!--[^>]{0,200}-->\s*)?<(?:!doctype\s+html|html[\s>]|head[\s>])/i.test(head);
}

/** The table, row and cell (1-based, cells counted as written in the row) at an offset. */
export function tablePlace(map: HtmlMap, offset: number): DocumentPlace | undefined {
  for (let t = 0; t < map.tables.length; t++) {
    const table = map.tables[t];
    if (offset < table.start || offset > table.end) continue;
    for (let r = 0; r < table.rows.length; r++) {
      const row = table.rows[r];
      if (offset < row.start || offset > row.end) continue;
      for (let c = 0; c < row.cells.length; c++) {
        const cell = row.cells[c];
        if (offset >= cell.start && offset <= cell.end) {
          return { table: t + 1, row: r + 1, cell: c + 1, text: `第 ${t + 1} 个表格第 ${r + 1} 行第 ${c + 1} 格` };
        }
      }
      return { table: t + 1, row: r + 1, text: `第 ${t + 1} 个表格第 ${r + 1} 行` };
    }
    return { table: t + 1, text: `第 ${t + 1} 个表格` };
  }
  return undefined;
}

function inVerbatim(map: HtmlMap, [start, end]: Fix['range']): boolean {
  let lo = 0;
  let hi = map.verbatim.length - 1;
  // the last span starting at or before `start`
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.verbatim[mid][0] <= start) lo = mid;
    else hi = mid - 1;
  }
  const v = map.verbatim[lo];
  return v !== undefined && v[0] <= start && end <= v[1];
}

