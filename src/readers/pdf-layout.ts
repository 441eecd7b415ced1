/**
 * The layout of PDF pages → a text the text reader reads, with where each piece of it was on its page.
 *
 * A PDF has no paragraphs, tables or cells: only pieces of text placed on pages, and lines drawn. This module
 * rebuilds what a reader sees:
 *  - text pieces (with their positions) are split at spaces, and grouped into visual lines by baseline
 *    (tolerant of small offsets);
 *  - tables drawn with ruling lines: the lines give the grid (column edges, row edges) and the merged cells
 *    (a line missing between two slots joins them); every piece of text belongs to the cell it sits in, and a
 *    cell's text is its lines joined (a label wrapped on two lines in its cell is one label); a merged cell's
 *    text goes to its top-left slot, its other slots stay empty, as in a Word text export;
 *  - tables without ruling lines: runs of lines cut into cells by wide gaps; the column edges are the gaps that
 *    the rows with numbers share; a line that only continues the labels of the row above is joined to it;
 *  - running headers and footers (the same line, digits aside, at the top or bottom of several pages) and page
 *    numbers are dropped; a table continued on the next page is joined to its first part, its repeated header
 *    rows dropped; lines of a paragraph are joined, also over a page break;
 *  - spaces between CJK characters (drawn by the producer, or gaps between pieces) are dropped;
 *  - the output: a row of a table is a line of cells separated by tabs, a paragraph or heading a line, blocks
 *    separated by an empty line.
 *
 * Every piece of the output keeps its page and position (points from the page's top-left corner), and the number
 * of its line on the page, so messages can say 第 3 页第 12 行.
 */

/** A piece of text on a page, in points from the top-left corner; y is the baseline. */
export interface TextPiece {
  str: string;
  x: number;
  y: number;
  width: number;
  /** font size (points) */
  size: number;
}

/** A line drawn on the page (a ruling line of a table), horizontal or vertical. */
export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PageContent {
  width: number;
  height: number;
  pieces: TextPiece[];
  rules: Rule[];
  /** pictures drawn on the page */
  images?: number;
}

/** Where a piece of the output came from. */
export interface PdfSpan {
  start: number;
  end: number;
  page: number;
  /** the visual line on the page (1-based, counted from the top, running headers included) */
  line: number;
  x: number;
  y: number;
  /** in a table (its cells' lines are not counted by a reader: the place is said by the page) */
  table?: boolean;
}

export interface PdfLayout {
  text: string;
  spans: PdfSpan[];
  /** pages with no text but running headers, footers and page numbers (1-based) */
  emptyPages: number[];
}

// ───────────────────────────── characters ─────────────────────────────

const CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const isCjk = (c: string | undefined) => c !== undefined && CJK.test(c);

/**
 * Kangxi radicals (⼀ U+2F00) and CJK compatibility ideographs, which PDF producers put in the text layer for the
 * glyphs they share with ordinary characters, → those characters (一). Nothing else is changed (full-width
 * digits and punctuation stay as written).
 */
export function normalizeChars(s: string): string {
  return /[\u2e80-\u2fdf\uf900-\ufaff]/.test(s) ? s.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, (c) => c.normalize('NFKC')) : s;
}

/** Join two texts: no space between CJK characters, a space between words that the gap separates. */
function joinText(a: string, b: string, spaced: boolean): string {
  if (!a) return b;
  if (!b) return a;
  if (!spaced || isCjk(a[a.length - 1]) || isCjk(b[0])) return a + b;
  return `${a} ${b}`;
}

/** Spaces between two CJK characters (不 予 公 开) dropped; runs of white space made one space. */
export function squeezeSpaces(s: string): string {
  return s
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .replace(/ (?=[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef])|(?<=[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]) /g, '')
    .trim();
}

/** Approximate advance of a character in ems (CJK full width, others about half). */
const charEm = (c: string) => (isCjk(c) ? 1 : 0.55);

/** Pieces with spaces inside split at them (a producer may draw a row of numbers as one piece: "87 14 8"). */
export function splitPieces(pieces: TextPiece[]): TextPiece[] {
  const out: TextPiece[] = [];
  for (const p of pieces) {
    const str = normalizeChars(p.str);
    if (!/\S/.test(str)) continue;
    if (!/[\s\u00a0\u3000]/.test(str.trim())) {
      const lead = str.length - str.trimStart().length;
      const total = [...str].reduce((a, c) => a + charEm(c), 0) || 1;
      const scale = p.width / total;
      const skip = [...str.slice(0, lead)].reduce((a, c) => a + charEm(c), 0) * scale;
      const t = str.trim();
      out.push({ ...p, str: t, x: p.x + skip, width: [...t].reduce((a, c) => a + charEm(c), 0) * scale || p.width });
      continue;
    }
    const chars = [...str];
    const total = chars.reduce((a, c) => a + charEm(c), 0) || 1;
    const scale = p.width / total;
    let x = p.x;
    let cur = '';
    let curX = x;
    let curW = 0;
    for (const c of chars) {
      const w = charEm(c) * scale;
      if (/[\s\u00a0\u3000]/.test(c)) {
        if (cur) out.push({ ...p, str: cur, x: curX, width: curW });
        cur = '';
        curW = 0;
      } else {
        if (!cur) curX = x;
        cur += c;
        curW += w;
      }
      x += w;
    }
    if (cur) out.push({ ...p, str: cur, x: curX, width: curW });
  }
  return out;
}

// ───────────────────────────── lines ─────────────────────────────

interface Line {
  pieces: TextPiece[];
  /** baseline */
  y: number;
  size: number;
  x1: number;
  x2: number;
  /** the visual line number on its page */
  no: number;
}

/** Pieces grouped by baseline (within 40% of the font size), each line's pieces in reading order. */
function toLines(pieces: TextPiece[]): Line[] {
  const sorted = [...pieces].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const p of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(p.y - last.y) <= 0.4 * Math.max(p.size, last.size)) {
      last.pieces.push(p);
      last.x1 = Math.min(last.x1, p.x);
      last.x2 = Math.max(last.x2, p.x + p.width);
      last.size = Math.max(last.size, p.size);
    } else lines.push({ pieces: [p], y: p.y, size: p.size, x1: p.x, x2: p.x + p.width, no: 0 });
  }
  for (const l of lines) l.pieces.sort((a, b) => a.x - b.x);
  return lines;
}

/** Pieces of a line → its text, a space where words of Latin letters or digits are apart. */
function piecesText(pieces: TextPiece[]): string {
  let s = '';
  let prevEnd = -Infinity;
  for (const p of pieces) {
    s = joinText(s, p.str, p.x - prevEnd > 0.15 * p.size);
    prevEnd = p.x + p.width;
  }
  return squeezeSpaces(s);
}

// ───────────────────────────── ruled tables ─────────────────────────────

interface Seg {
  /** position across (y of a horizontal line, x of a vertical one) */
  at: number;
  from: number;
  to: number;
}

interface Grid {
  xs: number[];
  ys: number[];
  /** owner[r][c]: the cell that slot (r, c) belongs to */
  owner: number[][];
  /** cell → its top-left slot */
  origin: Array<[number, number]>;
  box: { x1: number; y1: number; x2: number; y2: number };
}

const TOL = 1.5;

/** Values within `tol` of each other taken as one (their mean). */
function cluster(values: number[], tol: number): number[] {
  const v = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const x of v) {
    const last = out[out.length - 1];
    if (last && x - last[last.length - 1] <= tol) last.push(x);
    else out.push([x]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** Length of [from, to] covered by the segments. */
function covered(segs: Seg[], from: number, to: number): number {
  const parts = segs.filter((s) => s.to > from && s.from < to).map((s) => [Math.max(s.from, from), Math.min(s.to, to)] as const);
  parts.sort((a, b) => a[0] - b[0]);
  let len = 0;
  let end = from;
  for (const [a, b] of parts) {
    if (b <= end) continue;
    len += b - Math.max(a, end);
    end = b;
  }
  return len;
}

/** The ruled tables of a page: lines that touch each other, with at least two rows of slots or two columns. */
function findGrids(rules: Rule[]): Grid[] {
  const hs: Seg[] = [];
  const vs: Seg[] = [];
  for (const r of rules) {
    const dx = Math.abs(r.x2 - r.x1);
    const dy = Math.abs(r.y2 - r.y1);
    if (dy <= TOL && dx > TOL) hs.push({ at: (r.y1 + r.y2) / 2, from: Math.min(r.x1, r.x2), to: Math.max(r.x1, r.x2) });
    else if (dx <= TOL && dy > TOL) vs.push({ at: (r.x1 + r.x2) / 2, from: Math.min(r.y1, r.y2), to: Math.max(r.y1, r.y2) });
  }
  const all = [...hs.map((s) => ({ s, h: true })), ...vs.map((s) => ({ s, h: false }))];
  if (all.length > 20000) return []; // a drawing, not tables
  // union-find over touching segments
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const touch = (a: { s: Seg; h: boolean }, b: { s: Seg; h: boolean }) => {
    if (a.h === b.h) return Math.abs(a.s.at - b.s.at) <= TOL && a.s.from <= b.s.to + TOL && b.s.from <= a.s.to + TOL;
    return b.s.at >= a.s.from - TOL && b.s.at <= a.s.to + TOL && a.s.at >= b.s.from - TOL && a.s.at <= b.s.to + TOL;
  };
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) if (touch(all[i], all[j])) parent[find(i)] = find(j);
  const groups = new Map<number, Array<{ s: Seg; h: boolean }>>();
  all.forEach((seg, i) => {
    const k = find(i);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(seg);
  });
  const grids: Grid[] = [];
  for (const g of groups.values()) {
    const h = g.filter((x) => x.h).map((x) => x.s);
    const v = g.filter((x) => !x.h).map((x) => x.s);
    const ys = cluster(h.map((s) => s.at), TOL);
    const xs = cluster(v.map((s) => s.at), TOL);
    if (ys.length < 2 || xs.length < 2) continue;
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    // slots joined where the line between them is missing
    const id = (r: number, c: number) => r * cols + c;
    const p = Array.from({ length: rows * cols }, (_, i) => i);
    const f = (i: number): number => (p[i] === i ? i : (p[i] = f(p[i])));
    const near = (segs: Seg[], at: number) => segs.filter((s) => Math.abs(s.at - at) <= TOL);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (c + 1 < cols) {
          const len = ys[r + 1] - ys[r];
          if (covered(near(v, xs[c + 1]), ys[r], ys[r + 1]) < 0.5 * len) p[f(id(r, c))] = f(id(r, c + 1));
        }
        if (r + 1 < rows) {
          const len = xs[c + 1] - xs[c];
          if (covered(near(h, ys[r + 1]), xs[c], xs[c + 1]) < 0.5 * len) p[f(id(r, c))] = f(id(r + 1, c));
        }
      }
    }
    const cellOf = new Map<number, number>();
    const origin: Array<[number, number]> = [];
    const owner: number[][] = [];
    for (let r = 0; r < rows; r++) {
      owner.push([]);
      for (let c = 0; c < cols; c++) {
        const root = f(id(r, c));
        if (!cellOf.has(root)) {
          cellOf.set(root, origin.length);
          origin.push([r, c]);
        }
        owner[r].push(cellOf.get(root)!);
      }
    }
    grids.push({ xs, ys, owner, origin, box: { x1: xs[0], y1: ys[0], x2: xs[cols], y2: ys[rows] } });
  }
  return grids.sort((a, b) => a.box.y1 - b.box.y1);
}

// ───────────────────────────── blocks ─────────────────────────────

/** A cell's text and where it starts. */
interface Cell {
  text: string;
  at?: { x: number; y: number; line: number };
}

type Block =
  | { kind: 'table'; top: number; bottom: number; rows: Cell[][]; page: number }
  | { kind: 'line'; top: number; bottom: number; line: Line; text: string; page: number; x1: number; x2: number };

const isNumber = (s: string) => /^[-+]?[\d,，]+(\.\d+)?$/.test(s.trim());
const ENUMERATED = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\(?\d+[.．、)）])/;

function cellFrom(lines: Line[]): Cell {
  if (!lines.length) return { text: '' };
  let text = '';
  for (const l of lines) text = joinText(text, piecesText(l.pieces), false);
  const first = lines[0].pieces[0];
  return { text: squeezeSpaces(text), at: { x: first.x, y: first.y, line: lines[0].no } };
}

/** A ruled table: every line's pieces to the cells they sit in; the cell's text in its top-left slot. */
function gridRows(grid: Grid, pieces: TextPiece[], lineNo: (p: TextPiece) => number): Cell[][] {
  const { xs, ys, owner, origin } = grid;
  const inCell = origin.map(() => [] as TextPiece[]);
  const slot = (v: number, edges: number[]) => {
    for (let i = 0; i + 1 < edges.length; i++) if (v >= edges[i] - TOL && v <= edges[i + 1] + TOL) return i;
    return -1;
  };
  for (const p of pieces) {
    const c = slot(p.x + p.width / 2, xs);
    const r = slot(p.y - p.size * 0.35, ys);
    if (r >= 0 && c >= 0) inCell[owner[r][c]].push(p);
  }
  const cells = inCell.map((ps) => {
    const lines = toLines(ps);
    for (const l of lines) l.no = lineNo(l.pieces[0]);
    return cellFrom(lines);
  });
  const rows: Cell[][] = [];
  for (let r = 0; r < ys.length - 1; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < xs.length - 1; c++) {
      const k = owner[r][c];
      row.push(origin[k][0] === r && origin[k][1] === c ? cells[k] : { text: '' });
    }
    if (row.some((x) => x.text !== '')) rows.push(row);
  }
  return rows;
}

/** Pieces of a line cut at wide gaps (more than 1.2 em): the cells of an unruled table's row. */
function gapCells(line: Line): TextPiece[][] {
  const out: TextPiece[][] = [];
  let prevEnd = -Infinity;
  for (const p of line.pieces) {
    if (!out.length || p.x - prevEnd > 1.2 * p.size) out.push([p]);
    else out[out.length - 1].push(p);
    prevEnd = Math.max(prevEnd, p.x + p.width);
  }
  return out;
}

/**
 * Runs of lines cut into two or more cells, with numbers among them, are rows of a table without ruling lines.
 * The columns are the x ranges that the rows with numbers cover (each piece of text goes to the column it starts
 * in); a line without numbers close under the row before (closer than a row's padding) continues that row:
 * header lines always, a label wrapped in its cell when it starts no enumerated label (（三）, 2.) and lies in
 * columns where the row above has a label.
 */
function unruledTable(lines: Line[], page: number): Block {
  const numberPieces = lines.flatMap((l) => l.pieces.filter((p) => isNumber(p.str)));
  // number columns: the x ranges that numbers cover (a number never spans two columns)
  const runs: Array<[number, number]> = [];
  for (const p of [...numberPieces].sort((a, b) => a.x - b.x)) {
    const last = runs[runs.length - 1];
    if (last && p.x <= last[1] + 0.3 * p.size) last[1] = Math.max(last[1], p.x + p.width);
    else runs.push([p.x, p.x + p.width]);
  }
  const centers = runs.map(([a, b]) => (a + b) / 2);
  const steps = centers.slice(1).map((c, k) => c - centers[k]).sort((a, b) => a - b);
  const step = steps.length ? steps[steps.length >> 1] : 4 * (numberPieces[0]?.size ?? 10);
  const numbersFrom = centers.length ? centers[0] - step / 2 : Infinity;
  // label columns: where label cells of the rows start (left-aligned cells share their left edge)
  const dataLines = lines.filter((l) => l.pieces.some((p) => isNumber(p.str)));
  const starts = (dataLines.length ? dataLines : lines)
    .flatMap((l) => gapCells(l))
    .filter((c) => c[0].x < numbersFrom && !isNumber(piecesText(c)))
    .map((c) => c[0].x);
  const size = lines[0].size;
  const labelStarts = cluster(starts, 0.8 * size);
  // boundaries: label columns start at their edges, number columns between the middles of their runs
  const bounds: number[] = [...labelStarts.slice(1).map((x) => x - 0.4 * size)];
  if (centers.length) {
    if (labelStarts.length) bounds.push(numbersFrom);
    bounds.push(...centers.slice(1).map((c, k) => (c + centers[k]) / 2));
  }
  const columns = bounds.length + 1;
  /** numbers by their middle; text by where it starts, but header text over the number columns by its middle (centered) */
  const colOf = (p: TextPiece, header: boolean) => {
    const mid = p.x + p.width / 2;
    const x = isNumber(p.str) || (header && mid >= numbersFrom) ? mid : p.x + Math.min(p.width, p.size) / 2;
    let k = 0;
    while (k < bounds.length && x >= bounds[k]) k++;
    return k;
  };
  const rows: Array<{ cells: Cell[]; line: Line; data: boolean; lineFilled: Set<number> }> = [];
  for (const l of lines) {
    const byCol = new Map<number, TextPiece[]>();
    const header = !rows.some((r) => r.data);
    for (const p of l.pieces) {
      const k = colOf(p, header);
      if (!byCol.has(k)) byCol.set(k, []);
      byCol.get(k)!.push(p);
    }
    const cells: Cell[] = Array.from({ length: columns }, () => ({ text: '' }));
    // a line of one cell of text spans the table (a caption, a spanning header): it goes in the first column
    const lone = !rows.some((r) => r.data) && byCol.size === 1 && gapCells(l).length === 1 && !isNumber(piecesText(l.pieces));
    for (const [k, ps] of byCol) cells[lone ? 0 : k] = cellFrom([{ ...l, pieces: ps }]);
    const isData = cells.some((c) => isNumber(c.text));
    const last = rows[rows.length - 1];
    if (last && !isData && l.y - last.line.y < 1.6 * l.size) {
      const filled = cells.map((c, k) => (c.text ? k : -1)).filter((k) => k >= 0);
      // a header's text wrapped in its cell: each of the line's cells under a cell of the line above
      const header = !last.data && filled.every((k) => last.lineFilled.has(k));
      const continues = header || (filled.every((k) => last.cells[k].text && !isNumber(last.cells[k].text)) && !cells.some((c) => ENUMERATED.test(c.text)));
      if (continues) {
        for (const k of filled) last.cells[k] = last.cells[k].text ? { ...last.cells[k], text: joinText(last.cells[k].text, cells[k].text, false) } : cells[k];
        last.line = l;
        last.lineFilled = new Set(filled);
        continue;
      }
    }
    rows.push({ cells, line: l, data: isData, lineFilled: new Set(cells.map((c, k) => (c.text ? k : -1)).filter((k) => k >= 0)) });
  }
  return { kind: 'table', top: lines[0].y - lines[0].size, bottom: lines[lines.length - 1].y, rows: rows.map((r) => r.cells), page };
}

// ───────────────────────────── pages ─────────────────────────────

const PAGE_NUMBER = /^[-—–_\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–_\s]*$|^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/** The shape of a line for recognising running headers and footers: its text with digits as #. */
const shape = (s: string) => s.replace(/\d+/g, '#').replace(/\s+/g, '');

interface PageLines {
  lines: Line[];
  page: PageContent;
  no: number;
  grids: Grid[];
}

/** The ruled table a piece sits in (its index), or -1. */
function gridOf(grids: Grid[], p: TextPiece): number {
  const cx = p.x + p.width / 2;
  const cy = p.y - p.size * 0.35;
  return grids.findIndex((g) => cx >= g.box.x1 - TOL && cx <= g.box.x2 + TOL && cy >= g.box.y1 - TOL && cy <= g.box.y2 + TOL);
}

/** Lines at the top or bottom of their page that repeat on other pages (digits aside), or that are page numbers. */
function runningLines(pages: PageLines[]): Set<Line> {
  const drop = new Set<Line>();
  const candidates: Array<{ line: Line; key: string }> = [];
  for (const { lines: all, page, grids } of pages) {
    const band = page.height * 0.12;
    // lines of tables are never running headers (a table's header repeated on every page is its own)
    const lines = all.filter((l) => !l.pieces.every((p) => gridOf(grids, p) >= 0));
    const edge = [...lines.slice(0, 2), ...lines.slice(-2)];
    for (const l of new Set(edge)) {
      if (l.y - l.size > band && l.y < page.height - band) continue;
      const text = piecesText(l.pieces);
      if (PAGE_NUMBER.test(text)) drop.add(l);
      else candidates.push({ line: l, key: `${l.y < page.height / 2 ? 't' : 'b'}${Math.round(l.y / 4)}:${shape(text)}` });
    }
  }
  const count = new Map<string, number>();
  for (const c of candidates) count.set(c.key, (count.get(c.key) ?? 0) + 1);
  if (pages.length >= 2) for (const c of candidates) if ((count.get(c.key) ?? 0) >= 2) drop.add(c.line);
  return drop;
}

/** The blocks of a page, top to bottom: ruled tables, unruled tables, lines. */
function pageBlocks(pl: PageLines, drop: Set<Line>): Block[] {
  const { no, grids, page } = pl;
  const inGrid = (p: TextPiece) => gridOf(grids, p);
  const lineNo = new Map<TextPiece, number>();
  for (const l of pl.lines) for (const p of l.pieces) lineNo.set(p, l.no);
  const byGrid = grids.map(() => [] as TextPiece[]);
  const free: Line[] = [];
  for (const l of pl.lines) {
    if (drop.has(l)) continue;
    const rest: TextPiece[] = [];
    for (const p of l.pieces) {
      const g = inGrid(p);
      if (g >= 0) byGrid[g].push(p);
      else rest.push(p);
    }
    if (rest.length) free.push({ ...l, pieces: rest, x1: rest[0].x, x2: Math.max(...rest.map((p) => p.x + p.width)) });
  }
  const blocks: Block[] = grids.map((g, i) => ({ kind: 'table' as const, top: g.box.y1, bottom: g.box.y2, rows: gridRows(g, byGrid[i], (p) => lineNo.get(p) ?? 0), page: no }));
  // runs of free lines with several cells and numbers: unruled tables
  const multi = (l: Line) => gapCells(l).length >= 2;
  const close = (a: Line, b: Line) => b.y - a.y < 2.2 * Math.max(a.size, b.size);
  let i = 0;
  while (i < free.length) {
    if (multi(free[i])) {
      let j = i;
      // the run: lines with several cells, and the lines close between and under them (wrapped labels, headers)
      while (j + 1 < free.length && close(free[j], free[j + 1]) && (multi(free[j + 1]) || free[j + 1].x2 - free[j + 1].x1 < 0.6 * (page.width || 600))) j++;
      let from = i;
      // a caption or header line just above (第二十条第（一）项): short, close, no sentence
      while (from > 0 && close(free[from - 1], free[from]) && !/[。；]|^[一二三四五六七八九十]+、/.test(piecesText(free[from - 1].pieces)) && free[from - 1].x2 - free[from - 1].x1 < 0.6 * (page.width || 600)) from--;
      const run = free.slice(from, j + 1);
      const numbers = run.filter((l) => gapCells(l).some((c) => isNumber(piecesText(c)))).length;
      if (run.length >= 2 && numbers >= 1) {
        // lines taken back from the blocks already made
        for (let k = from; k < i; k++) {
          const at = blocks.findIndex((b) => b.kind === 'line' && b.line === free[k]);
          if (at >= 0) blocks.splice(at, 1);
        }
        blocks.push(unruledTable(run, no));
        i = j + 1;
        continue;
      }
    }
    const l = free[i];
    blocks.push({ kind: 'line', top: l.y - l.size, bottom: l.y, line: l, text: piecesText(l.pieces), page: no, x1: l.x1, x2: l.x2 });
    i++;
  }
  return blocks.sort((a, b) => a.top - b.top);
}

const rowKey = (row: Cell[]) => row.map((c) => c.text).filter((t) => t !== '').join('\t');

/** The layout of a document's pages → its text and where each piece of the text was. */
export function layoutPages(pages: PageContent[]): PdfLayout {
  const pls: PageLines[] = pages.map((page, i) => {
    const lines = toLines(splitPieces(page.pieces));
    lines.forEach((l, k) => (l.no = k + 1));
    return { lines, page, no: i + 1, grids: findGrids(page.rules) };
  });
  const drop = runningLines(pls);
  const blocks = pls.flatMap((pl) => pageBlocks(pl, drop));
  // the right edge of the text column: where most full lines of prose end
  const lineBlocks = blocks.filter((b): b is Extract<Block, { kind: 'line' }> => b.kind === 'line');
  const rights = lineBlocks.map((b) => b.x2).sort((a, b) => a - b);
  const right = rights.length ? rights[Math.floor(rights.length * 0.9)] : Infinity;
  const lefts = lineBlocks.map((b) => b.x1).sort((a, b) => a - b);
  const left = lefts.length ? lefts[Math.floor(lefts.length * 0.1)] : 0;

  let text = '';
  const spans: PdfSpan[] = [];
  const put = (s: string, page: number, at?: Cell['at'], table = false) => {
    if (s && at) spans.push({ start: text.length, end: text.length + s.length, page, line: at.line, x: round(at.x), y: round(at.y), ...(table ? { table } : {}) });
    text += s;
  };
  let prev: Block | undefined;
  /** the header rows of the table being written, to recognise them when the table goes on over a page */
  let tableHead: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') {
      let rows = b.rows;
      if (prev?.kind === 'table' && prev.page < b.page && tableHead.length) {
        // continued on the next page: its repeated header rows are not data
        let k = 0;
        while (k < rows.length && k < tableHead.length && rowKey(rows[k]) === tableHead[k]) k++;
        rows = rows.slice(k);
        if (text && !text.endsWith('\n')) text += '\n';
      } else {
        if (text) text += text.endsWith('\n') ? '\n' : '\n\n';
        tableHead = [];
        for (const r of rows) {
          if (r.some((c) => isNumber(c.text))) break;
          tableHead.push(rowKey(r));
        }
      }
      for (const row of rows) {
        row.forEach((c, k) => {
          if (k) text += '\t';
          put(c.text, b.page, c.at, true);
        });
        text += '\n';
      }
      prev = b;
      continue;
    }
    // a line: it goes on the paragraph of the line before when that one reached the right edge and this one is not indented
    const joins =
      prev?.kind === 'line' &&
      prev.x2 >= right - 1.5 * prev.line.size &&
      b.x1 <= left + 0.5 * b.line.size &&
      !/^[一二三四五六七八九十]+、/.test(b.text) &&
      (b.page === prev.page ? b.top - prev.bottom < 1.5 * b.line.size : true);
    if (joins) {
      const spaced = !isCjk(text[text.length - 1]) && !isCjk(b.text[0]);
      if (spaced) text += ' ';
    } else if (text) text += text.endsWith('\n') ? '\n' : '\n\n';
    const first = b.line.pieces[0];
    put(b.text, b.page, { x: first.x, y: first.y, line: b.line.no });
    prev = b;
  }
  if (text && !text.endsWith('\n')) text += '\n';
  const withText = new Set(spans.map((s) => s.page));
  return { text, spans, emptyPages: pages.map((_, i) => i + 1).filter((n) => !withText.has(n)) };
}

const round = (n: number) => Math.round(n * 10) / 10;
