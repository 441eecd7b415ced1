/**
 * The contract between the readers and the format: what a reader is given (a Recognizer, built from the formats'
 * data) and what it returns (a Skeleton: title, sections with paragraphs and raw tables cut into physical rows and
 * cells, every piece with offsets into the source). Readers know no format; the format layer binds a skeleton to
 * one (format/bind.ts).
 */
import type { DocumentPlace, Fix, Label, Paragraph, Position, TableLayout, Title } from './types.js';
import type { SourceText } from './text/lines.js';

export interface RawCell {
  /** the cell's text as written (the pieces of a cell broken over lines joined) */
  text: string;
  /** the trimmed span of the text, or a zero-width point where the cell is blank */
  start: number;
  end: number;
  blank: boolean;
  /** the cell had nothing at all (not even white space): a layout placeholder rather than a blank data cell */
  empty: boolean;
  /** whether the cell reads as a label (words) rather than a value, once asked (bind.ts) */
  label?: boolean;
}

export interface PhysicalRow {
  cells: RawCell[];
  start: number;
  end: number;
}

export interface RawTable {
  type: 'raw-table';
  layout: TableLayout;
  rows: PhysicalRow[];
  position: Position;
}

export interface SectionDraft {
  type: 'section';
  number: string;
  index: number;
  sectionId?: string;
  heading: Label;
  titleText: string;
  depth?: number;
  titleMatch?: { kind: 'exact' | 'variant' | 'fragment'; canonical: string; distance: number };
  children: Array<Paragraph | RawTable>;
  position: Position;
}

export interface Skeleton {
  source: SourceText;
  title?: Title;
  agency?: string;
  year?: number;
  yearSource?: 'title' | 'text' | 'date';
  /** paragraphs before the first section (title excluded) */
  preamble: Paragraph[];
  sections: SectionDraft[];
}

export type HeadingMatch = Pick<SectionDraft, 'type' | 'number' | 'index' | 'sectionId' | 'titleText' | 'titleMatch'>;

/**
 * What readers may ask of the formats, built from their data once per set of formats (format/recognize.ts): the
 * section headings, the tables' captions and labels. Readers get it from the lint path; they import no format.
 */
export interface Recognizer {
  /** whether a text (a line, a paragraph of a page) is a section heading of some known format (一、总体情况 …), and which */
  heading(text: string): HeadingMatch | undefined;
  /** whether a normalised text holds a table caption of some known format (第二十条第（一）项) */
  isCaption(normalized: string): boolean;
  /** whether a normalised text is a label of some known format's table (a row, column, group or caption) */
  isTableLabel(normalized: string): boolean;
}

/** What a reader learnt about places in its input, for messages in the document's own terms. */
export interface InputInfo {
  /** the input kind's id (text, markdown, html, docx …) */
  kind: string;
  /** where an offset lies in the document's own terms (第 2 个表格第 5 行第 3 格), where the kind has such terms */
  place(offset: number): DocumentPlace | undefined;
  /** whether a fix may replace [start, end): the range is plain text of the source, not markup */
  canEdit(range: Fix['range']): boolean;
  /** the text to show for the file's lines (a .docx: each paragraph's text, each table's cells), when it is not the source */
  display?: string;
  /** offsets of the report within the source (a page: its body without the site around it) */
  body?: { start: number; end: number };
  /** places outside tables are said in the report's terms (第三部分第 2 段): a page, whose lines mean little to a reader */
  sectionPlaces?: boolean;
}
