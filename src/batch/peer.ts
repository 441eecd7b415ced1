/**
 * Making the compact form of a report that the cross-file rules compare (src/engine/peer.ts): from a parsed
 * report, or from `report-lint extract` JSON (values only, no places and no text).
 */
import { sections, tables } from '../ast.js';
import type { ParsedReport } from '../engine/run.js';
import type { DocumentPlace, Position } from '../types.js';
import type { PeerCell, PeerReport, PeerSection, PeerTable, ReportIdentity, Span } from '../engine/peer.js';
import { sectionPrint, sectionText } from '../text/similarity.js';

export type { PeerCell, PeerReport, PeerSection, PeerTable, ReportIdentity, Span } from '../engine/peer.js';

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

