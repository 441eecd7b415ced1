/**
 * A report in compact form, for the rules that compare it with another report of the same agency (cross-year
 * rules): its identity, the values of its bound table cells with their places, its tables' places, and the running
 * text of each section. Built from a parsed report, or from `report-lint extract` JSON (values only, no places and
 * no text). Plain data: it crosses worker threads and is kept for a whole run while the report's text is released.
 */
import { sections, tables } from '../ast.js';
import type { ParsedReport } from '../engine/linter.js';
import type { DocumentPlace, Position } from '../types.js';
import type { ReportIdentity } from './identity.js';
import { sectionPrint, sectionText, type SectionPrint } from './similarity.js';

/** where something is, compactly: [line, column, endLine, endColumn] (1-based, UTF-16 columns) */
export type Span = [number, number, number, number];

export interface PeerCell {
  /** the number; null when the cell is blank or not a number */
  value: number | null;
  span?: Span;
  place?: DocumentPlace;
}

export interface PeerSection {
  /** the format's section id (s1 … s6) */
  sectionId: string;
  /** the heading as written */
  heading: string;
  /** the section's running text as compared (see similarity.ts): each sentence's hash and length, and its numbers */
  text: SectionPrint;
  span?: Span;
}

export interface PeerTable {
  tableId: string;
  span?: Span;
  place?: DocumentPlace;
  /** rowId → columnId → cell; only rows whose cells could be told apart */
  rows: Record<string, Record<string, PeerCell>>;
}

export interface PeerReport {
  filePath: string;
  /** a report read and parsed, or the values of `report-lint extract` JSON (no places, no text) */
  origin: 'report' | 'extract';
  identity: ReportIdentity;
  /** short id of the format it was read with (2019 | 2021) */
  format?: string;
  title?: string;
  tables: Record<string, PeerTable>;
  sections: PeerSection[];
}

/** The compact form of a parsed report. */
export function peerFromParsed(parsed: ParsedReport, filePath: string, identity: ReportIdentity): PeerReport {
  const { report, input } = parsed;
  const docx = input.kind === 'docx';
  const at = (p: Position): { span: Span; place?: DocumentPlace } => {
    const place = input.kind === 'text' ? undefined : input.place(p.start.offset ?? 0);
    const span: Span = docx ? [p.start.line, 1, p.end.line, 1] : [p.start.line, p.start.column, p.end.line, p.end.column];
    return place ? { span, place } : { span };
  };
  const out: Record<string, PeerTable> = {};
  for (const t of tables(report)) {
    if (!t.tableId || out[t.tableId]) continue;
    const rows: PeerTable['rows'] = {};
    for (const r of t.children) {
      if (!r.rowId || r.foundCells !== r.expectedCells) continue;
      const cells: Record<string, PeerCell> = {};
      for (const c of r.children) {
        if (!c.columnId) continue;
        cells[c.columnId] = { value: c.status === 'number' && c.value !== undefined ? c.value : null, ...at(c.position) };
      }
      rows[r.rowId] = cells;
    }
    out[t.tableId] = { tableId: t.tableId, ...at(t.position), rows };
  }
  const secs: PeerSection[] = [];
  for (const s of sections(report)) {
    if (!s.sectionId) continue;
    const text = sectionPrint(sectionText(s));
    secs.push({ sectionId: s.sectionId, heading: s.heading.value, text, ...at(s.position) });
  }
  return { filePath, origin: 'report', identity, format: report.format, title: report.title?.value, tables: out, sections: secs };
}

/** `report-lint extract` JSON, as its command writes it. */
export interface ExtractJson {
  filePath: string;
  format?: string;
  year?: number;
  agency?: string;
  title?: string;
  tables: Record<string, Record<string, Record<string, number | null>>>;
}

/** Whether parsed JSON is what `report-lint extract` writes. */
export function isExtractJson(x: unknown): x is ExtractJson {
  if (!x || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  if (typeof o.tables !== 'object' || o.tables === null || !Array.isArray(o.unbound)) return false;
  for (const rows of Object.values(o.tables as Record<string, unknown>)) {
    if (!rows || typeof rows !== 'object') return false;
    for (const cols of Object.values(rows as Record<string, unknown>)) {
      if (!cols || typeof cols !== 'object') return false;
      for (const v of Object.values(cols as Record<string, unknown>)) if (v !== null && typeof v !== 'number') return false;
    }
  }
  return true;
}

/** The compact form of extract JSON: values only. */
export function peerFromExtract(json: ExtractJson, filePath: string, identity: ReportIdentity): PeerReport {
  const out: Record<string, PeerTable> = {};
  for (const [tableId, rowsIn] of Object.entries(json.tables)) {
    const rows: PeerTable['rows'] = {};
    for (const [rowId, cols] of Object.entries(rowsIn)) {
      rows[rowId] = Object.fromEntries(Object.entries(cols).map(([c, v]) => [c, { value: v }]));
    }
    out[tableId] = { tableId, rows };
  }
  return { filePath, origin: 'extract', identity, format: json.format, title: json.title, tables: out, sections: [] };
}

/** The peer of the year before `year`, if there is one. */
export function peerOfYear(peers: readonly PeerReport[], year: number | undefined): PeerReport | undefined {
  if (year === undefined) return undefined;
  return peers.find((p) => p.identity.year === year);
}

/** A peer's file, for messages: its name, and the year: 2020 年报告（2020-某某局.txt） */
export function peerName(peer: PeerReport): string {
  const name = peer.filePath.split(/[\\/]/).pop() ?? peer.filePath;
  const kind = peer.origin === 'extract' ? '提取数据' : '报告';
  return peer.identity.year !== undefined ? `${kind}（${peer.identity.year} 年，${name}）` : `${kind}（${name}）`;
}

/** Where a place of a peer is, for messages: 第 41 行, 第 2 个表格第 5 行第 3 格, or '' when unknown. */
export function peerWhere(x: { span?: Span; place?: DocumentPlace } | undefined): string {
  if (!x) return '';
  if (x.place) return x.place.text;
  if (x.span) return `第 ${x.span[0]} 行`;
  return '';
}

/** A peer's span as a position (for related locations); undefined when the peer has no places (extract JSON). */
export function spanPosition(span: Span | undefined): Position | undefined {
  if (!span) return undefined;
  return { start: { line: span[0], column: span[1] }, end: { line: span[2], column: span[3] } };
}
