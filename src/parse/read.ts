/**
 * Which reader reads a file: plain text and Markdown (structure.ts), HTML pages (html.ts), Word .docx files
 * (converted to HTML by mammoth, see io/docx.ts, then html.ts). Each gives the same Skeleton; this module adds
 * what the engine needs to speak of places in the file's own terms.
 */
import { decodeHTML } from 'entities';
import type { Format } from '../format/formats.js';
import type { DocumentPlace, Fix } from '../types.js';
import { parseHtmlStructure, type HtmlMap } from './html.js';
import { parseStructure, type Skeleton } from './structure.js';
import { joinLooseRows } from './loose.js';
import { recoverSections } from './sections.js';

export type InputKind = 'text' | 'html' | 'docx';

export interface InputInfo {
  kind: InputKind;
  /** where an offset lies in the document's own terms (第 2 个表格第 5 行第 3 格), where the kind has such terms */
  place(offset: number): DocumentPlace | undefined;
  /** whether a fix may replace [start, end): the range is plain text of the source, not markup */
  canEdit(range: Fix['range']): boolean;
  /** the text to show for the file's lines (a .docx: each paragraph's text, each table's cells), when it is not the source */
  display?: string;
  /** offsets of the report within the source (a page: its body without the site around it) */
  body?: { start: number; end: number };
}

/** The kind of input a file name says: .html/.htm/.xhtml a page, .docx a Word file, anything else text. */
export function inputKind(filePath?: string): InputKind {
  if (!filePath) return 'text';
  if (/\.(html?|xhtml|shtml)$/i.test(filePath)) return 'html';
  if (/\.docx$/i.test(filePath)) return 'docx';
  return 'text';
}

export function readSkeleton(
  text: string,
  kind: InputKind,
  formats: readonly Format[],
  opts: { markdown?: boolean } = {},
): { skeleton: Skeleton; input: InputInfo } {
  if (kind === 'text') {
    const skeleton = parseStructure(text, formats, opts);
    recoverSections(skeleton, formats);
    joinLooseRows(skeleton, formats);
    return { skeleton, input: { kind, place: () => undefined, canEdit: () => true } };
  }
  const { skeleton, map } = parseHtmlStructure(text, formats);
  recoverSections(skeleton, formats);
  joinLooseRows(skeleton, formats);
  if (kind === 'html') {
    return {
      skeleton,
      input: { kind, place: (o) => tablePlace(map, o), canEdit: (r) => inVerbatim(map, r), body: map.body },
    };
  }
  // .docx: the converted document has one paragraph or table on each line (io/docx.ts)
  const lines = skeleton.source.lines;
  const kinds = lines.map((l) => (l.text.startsWith('<table') ? 'table' : 'p'));
  const numbers: number[] = [];
  let p = 0;
  let t = 0;
  for (const k of kinds) numbers.push(k === 'table' ? ++t : ++p);
  const place = (offset: number): DocumentPlace | undefined => {
    const line = skeleton.source.point(offset).line;
    const k = kinds[line - 1];
    if (k === 'table') {
      const cell = tablePlace(map, offset);
      const n = numbers[line - 1];
      if (cell) return { ...cell, table: n, text: `第 ${n} 个表格第 ${cell.row} 行第 ${cell.cell} 格` };
      return { table: n, text: `第 ${n} 个表格` };
    }
    return k ? { paragraph: numbers[line - 1], text: `第 ${numbers[line - 1]} 段` } : undefined;
  };
  const display = lines.map((l) => lineText(l.text)).join('\n');
  return { skeleton, input: { kind, place, canEdit: () => false, display, body: map.body } };
}

/** The table, row and cell (1-based, cells counted as written in the row) at an offset. */
function tablePlace(map: HtmlMap, offset: number): DocumentPlace | undefined {
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

/**
 * The text of one line of generated HTML (mammoth's output is well formed): a paragraph's text; a table's cells
 * joined by「|」and its rows by「/」.
 */
function lineText(html: string): string {
  const text = (s: string) => decodeHTML(s.replace(/<[^<>]*>/g, ' ')).replace(/[\s\u00a0]+/g, ' ').trim();
  if (!html.startsWith('<table')) return text(html);
  return html
    .split('</tr>')
    .map((row) => row.split(/<\/t[dh]>/).slice(0, -1).map(text).join(' | '))
    .filter((r) => r !== '')
    .join(' / ');
}
