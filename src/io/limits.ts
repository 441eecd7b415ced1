/**
 * Limits on what a reader, formatter or rule may be asked to do, so that no input — however small its file —
 * takes unbounded time or memory: nesting, table grids, paragraphs, expanded sizes. Each limit is checked before
 * the step it protects, and a file over one is refused with a message that names the limit (LimitError, read
 * as a fatal message "无法读取：…" like any file that cannot be read).
 */
import { DecodeError } from './decode.js';

export const LIMITS = {
  /** elements nested in a web page (a real page: some dozens) */
  htmlDepth: 256,
  /** elements in a web page */
  htmlElements: 500_000,
  /** cells of one table once rowspan and colspan are spread over its grid (a report's table: some hundreds) */
  tableGridCells: 100_000,
  /** paragraphs and tables of a Word document (a report: some hundreds) */
  docxParagraphs: 100_000,
  /** bytes of the unpacked parts of a Word document (its document.xml, styles …) */
  docxExpandedBytes: 64 * 1024 * 1024,
  /** characters of a source line shown by a formatter around a finding */
  shownLineChars: 240,
} as const;

export class LimitError extends DecodeError {}

/** The error for an input over a limit: what the limit is, in words, and that it is a limit of report-lint. */
export function overLimit(what: string, limit: number, unit: string): LimitError {
  return new LimitError(`${what}超过了 report-lint 的上限（${limit.toLocaleString('en-US')} ${unit}），不像是一份年度报告，未检查`);
}
