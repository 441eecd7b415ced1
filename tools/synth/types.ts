/** The generator's vocabulary: layouts, defects, places in the text, options and what a report comes with. */
import type { Format } from '../../src/format/formats.js';

export type Layout = 'tab' | 'word' | 'markdown' | 'pdf';
export const LAYOUTS: readonly Layout[] = ['tab', 'word', 'markdown', 'pdf'];

/** Where label cells that span several label columns leave their empty placeholder cells (tab and pdf layouts). */
export type SpanStyle = 'none' | 'after-label' | 'row-end';

/** TABLE.ROW.COLUMN, as the format's relations write them (T3.r3_1.natural). */
export type CellKey = string;
/** TABLE.ROW (T3.r3_1); the unlabeled row of section 四 is T4.n. */
export type RowKey = string;

export type Defect =
  /** change one number by `delta` (default: a small non-zero amount that keeps it ≥ 0) */
  | { kind: 'number'; cell: CellKey; delta?: number }
  /** write any text in a cell (三, N/A, 2件) */
  | { kind: 'raw'; cell: CellKey; raw: string }
  /** leave a cell blank */
  | { kind: 'blank'; cell: CellKey }
  /** leave a cell out of its row */
  | { kind: 'drop-cell'; cell: CellKey }
  /** add a cell after this one */
  | { kind: 'add-cell'; cell: CellKey; raw?: string }
  /** a typo in a row label (one character left out) */
  | { kind: 'label-typo'; row: RowKey }
  /** a typo in a section heading (one character left out) */
  | { kind: 'heading-typo'; section: string }
  /** leave a section out */
  | { kind: 'drop-section'; section: string }
  /** write section `b` before section `a` (a comes first in the format); adjacent sections give one finding */
  | { kind: 'swap-sections'; a: string; b: string };

/** 1-based line and column (UTF-16 code units, as the linter counts them) and 0-based offsets. */
export interface Loc {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

export interface Injection {
  defect: Defect;
  /** the rule that the defect falls under (the arithmetic rules for `number`: see expectedArithmetic) */
  rule: string;
  /** where the finding belongs: the cell, the row (its label, or its first cell when it has none), the label or the heading */
  loc: Loc;
  table?: string;
  row?: string;
  column?: string;
  section?: string;
  /** the text as it was and as it is now, for cells and labels */
  before?: string;
  after?: string;
}

export interface SynthOptions {
  seed: number;
  /** format short id (2019 | 2021); default: by `year`, or drawn */
  format?: string;
  /** report year; default: drawn within the format's years */
  year?: number;
  layout?: Layout;
  /** `#` headings (default: true for markdown, drawn for pdf, false otherwise) */
  atx?: boolean;
  spanStyle?: SpanStyle;
  /** approximate size in UTF-8 bytes (default 10,000); prose is added until the report reaches it */
  targetBytes?: number;
  defect?: Defect;
  /** the formats to draw from (default: the built-in ones) */
  formats?: readonly Format[];
  /** the agency (default: drawn) — a series of years of one agency */
  agency?: string;
  /** values some drawn cells must take (this year's 上年结转 = last year's 结转下年度); the relations still hold */
  pinned?: Record<CellKey, number>;
  /**
   * the running text drawn from its own seed, each sentence opening with a phrase of its own: two reports with
   * different prose seeds share few sentences; the same prose seed gives the same text (numbers aside)
   */
  proseSeed?: number;
}

export interface Synth {
  text: string;
  seed: number;
  format: string;
  year: number;
  agency: string;
  layout: Layout;
  atx: boolean;
  spanStyle: SpanStyle;
  /** the correct value of every data cell of every table */
  values: Record<CellKey, number>;
  /** what was written in each cell (after the defect) */
  raw: Record<CellKey, string>;
  /** where each cell was written (a blank cell: where its text would start) */
  cells: Record<CellKey, Loc>;
  /** where each row starts as the linter sees it: its own label, or its first cell when it has no label */
  rows: Record<RowKey, Loc>;
  /** where each section heading's text starts (without Markdown markers) */
  headings: Record<string, Loc>;
  /** the title part of each heading (after 一、) */
  headingTitles: Record<string, Loc>;
  injection?: Injection;
}

export interface ExpectedFinding {
  ruleId: string;
  /** the relation's anchor cell, where the finding is */
  cell: CellKey;
  line: number;
  column: number;
  expected: number;
  actual: number;
}
