/**
 * Another report in compact form, as the cross-file rules see it through context.peers: its identity (agency,
 * year), the values of its bound table cells with their places, its tables' places, and each section's text as
 * compared (sentence hashes and numbers). Plain data: it crosses worker threads and is kept for a whole run while
 * the report's text is released. Made by src/batch/peer.ts from a parsed report or from extract JSON.
 */
import type { DocumentPlace, Position } from '../types.js';
import type { SectionPrint } from '../text/similarity.js';

/** Which agency's report of which year a file is (src/batch/identity.ts finds it). */
export interface ReportIdentity {
  /** the agency's name as found */
  agency?: string;
  /** the name used to pair reports: normalised, aliases applied */
  agencyKey?: string;
  agencySource?: 'title' | 'signature' | 'file-name';
  year?: number;
  yearSource?: 'report' | 'file-name';
  /** the date the report was signed or published (YYYY-MM-DD), where the report says it */
  published?: string;
}

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
