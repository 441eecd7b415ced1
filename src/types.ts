/**
 * The report AST and the public types of report-lint.
 *
 * Nodes are unist-compatible: every node has a `type` and a `position` whose points carry a 1-based `line`,
 * a 1-based `column` counted in UTF-16 code units (the unit of JavaScript strings, LSP and ESLint JSON) and a
 * 0-based `offset` into the decoded text.
 */
import type { Point, Position } from 'unist';

export type { Point, Position };

export type ReportNode = Report | Title | Section | Paragraph | Table | Row | Cell | Label;

export interface Report {
  type: 'report';
  /** report year (the year the data covers), from the title or, failing that, from the text */
  year?: number;
  /** where the year came from */
  yearSource?: 'title' | 'text' | 'date' | 'option';
  agency?: string;
  title?: Title;
  /** short id of the format the report was read with (2019 | 2021) */
  format?: string;
  /** why that format: by the report's year, or by the labels of its tables when no year is given */
  formatReason?: 'year' | 'structure' | 'option' | 'default';
  /** true when nothing in the text looks like an annual report (no section heading, no table) */
  notAReport?: boolean;
  children: Array<Section | Paragraph | Table>;
  position: Position;
}

export interface Title {
  type: 'title';
  /** the title as written, lines joined without their Markdown markers */
  value: string;
  position: Position;
}

export interface Label {
  type: 'label';
  /** text as written */
  value: string;
  position: Position;
}

export interface Section {
  type: 'section';
  /** the Chinese numeral as written (一 … 六) */
  number: string;
  /** 1 … 10 */
  index: number;
  /** canonical section id from the format (s1 … s6) */
  sectionId?: string;
  /** the heading as written, without Markdown markers */
  heading: Label;
  /** the title part of the heading (after 一、) as written */
  titleText: string;
  /** the heading level when written as a Markdown ATX heading */
  depth?: number;
  children: Array<Paragraph | Table>;
  position: Position;
}

export interface Paragraph {
  type: 'paragraph';
  value: string;
  position: Position;
}

/**
 * how the table was written: tab-separated rows, one cell per line (Word text export), a GFM pipe table, an HTML
 * <table> (pages and .docx), lines of a label and numbers separated by spaces (PDF text, pipe rows without a
 * delimiter row)
 */
export type TableLayout = 'tab' | 'cell-per-line' | 'gfm' | 'html' | 'spaced';

export interface Table {
  type: 'table';
  /** canonical table id from the format (T2_1 … T4); undefined for a table the format does not know */
  tableId?: string;
  /** the caption as written (第二十条第（一）项), when the table has one */
  caption?: Label;
  layout: TableLayout;
  /** header rows as written (column labels) */
  header: HeaderRow[];
  children: Row[];
  position: Position;
}

export interface HeaderRow {
  type: 'header-row';
  cells: Label[];
  /** how each cell matched the format's column labels (undefined: not a known label) */
  matches?: Array<LabelMatch | undefined>;
  position: Position;
}

export interface LabelMatch {
  /** canonical id matched (row id, column id, section id) */
  id: string;
  /** canonical label */
  canonical: string;
  /** edit distance between the normalised texts (0 when they agree after normalising) */
  distance: number;
  kind: 'exact' | 'variant' | 'fragment';
}

export interface Row {
  type: 'row';
  /** canonical row id; undefined when the label matched no row of the format */
  rowId?: string;
  /** the label as written (fragments joined when the label was broken over several lines) */
  label: string;
  /** the label cells as written, in order (group labels first, the row's own label last) */
  labels: Label[];
  /** how the row label matched the format */
  match?: LabelMatch;
  /** group labels and how they matched */
  groupMatches: Array<{ label: Label; match?: LabelMatch }>;
  /** number of value cells the format wants for this row */
  expectedCells: number;
  /** number of value cells found (after dropping layout placeholders) */
  foundCells: number;
  children: Cell[];
  position: Position;
}

export type CellStatus = 'number' | 'blank' | 'invalid' | 'unit';

export interface Cell {
  type: 'cell';
  /** raw text of the cell as written */
  raw: string;
  /** the numeric value; undefined when the cell is blank or not a number */
  value?: number;
  status: CellStatus;
  /** a unit written in the cell (万元, 元, 件 …) */
  unit?: string;
  /** canonical column id; undefined when the row has too few or too many cells to know which is which */
  columnId?: string;
  /** 0-based index among the row's value cells */
  index: number;
  position: Position;
}

export type Severity = 0 | 1 | 2;
export type SeverityName = 'off' | 'info' | 'warn' | 'error';
/** 'info': a question for a person, never a defect; its findings have severity 0 and count neither as errors nor as warnings */
export type SeveritySetting = SeverityName | Severity | 'warning';

export interface LogicalLocation {
  section?: string;
  table?: string;
  row?: string;
  column?: string;
}

/**
 * A place in a page or a Word file in the document's own terms, for files whose lines and columns are not what
 * a person sees: .docx (line = the n-th paragraph or table, column 1) and HTML tables.
 */
export interface DocumentPlace {
  /** 1-based number of the paragraph (.docx; tables not counted) */
  paragraph?: number;
  /** 1-based number of the table in the report */
  table?: number;
  /** 1-based row of the table, as written (<tr>) */
  row?: number;
  /** 1-based cell of the row, as written (<td>, a merged cell counted once) */
  cell?: number;
  /** 1-based page of a PDF */
  page?: number;
  /** 1-based visual line on the PDF page, counted from the top (running headers included) */
  line?: number;
  /** where the text starts on the PDF page: points from the page's left edge and from its top edge (the baseline) */
  x?: number;
  y?: number;
  /** the place in words: 第 2 个表格第 5 行第 3 格, 第 12 段, 第 3 页第 12 行 */
  text: string;
}

export interface RelatedLocation {
  message: string;
  /** the file the place is in, when it is not the file of the finding (another year's report) */
  filePath?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  location?: LogicalLocation;
  place?: DocumentPlace;
}

export interface Fix {
  /** [start, end) offsets into the decoded text */
  range: [number, number];
  text: string;
}

export interface Suggestion {
  desc: string;
  fix: Fix;
}

export interface LintMessage {
  ruleId: string | null;
  /** 2 error, 1 warning, 0 information (a question for a person: SARIF level note; not an error or warning count) */
  severity: 0 | 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fatal?: boolean;
  expected?: string;
  actual?: string;
  location?: LogicalLocation;
  /** where the finding is in a page's or a Word file's own terms (see DocumentPlace) */
  place?: DocumentPlace;
  related?: RelatedLocation[];
  fix?: Fix;
  suggestions?: Suggestion[];
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** findings of severity 0 (information); present only when there are some */
  infoCount?: number;
  /** the text that was linted (kept for formatters that show source lines) */
  source?: string;
  /** findings silenced by inline directives (report-lint-disable …), as ESLint's suppressedMessages */
  suppressedMessages?: SuppressedMessage[];
  /** with fixing on: the text with the fixes applied; present only when it differs from the input (as ESLint) */
  output?: string;
}

export interface Suppression {
  kind: 'directive';
  /** the directive's reason (the text after `--`), or '' */
  justification: string;
}

export interface SuppressedMessage extends LintMessage {
  suppressions: Suppression[];
}
