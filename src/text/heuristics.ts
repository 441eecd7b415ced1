/**
 * The thresholds of the reader's and the binder's heuristics, in one place, each with the layout that needs it.
 * They are lengths in UTF-16 code units (a CJK character is one) and counts; none depends on one format.
 */

/** A section heading (一、总体情况 …) is short: a longer text is a sentence that happens to start with 一、. */
export const MAX_HEADING_CHARS = 60;

/**
 * A reworded heading (五、存在的不足和下一步工作打算) is still a section's when it holds every keyword of the section
 * and is not much longer than its title: at most this many times as long, plus a few characters.
 */
export const REWORDED_HEADING_FACTOR = 1.8;
export const REWORDED_HEADING_SLACK = 4;

/**
 * Text whose table lost its tabs (pasted from a page or a PDF): a table caption (第二十条第（一）项) on a line of its
 * own, at most this long, still starts a table.
 */
export const MAX_CAPTION_LINE_CHARS = 24;

/**
 * Word text exports break a long cell over lines (本年新 / 制作数量): a line at most this long, under a line holding one
 * cell, continues that cell.
 */
export const MAX_CELL_CONTINUATION_CHARS = 16;

/** The title is among the first few texts of a report (lines of a text, paragraphs of a page or a Word file). */
export const TITLE_SEARCH_TEXTS = 8;
/** A title is at most this long: a longer text is a paragraph that mentions the report. */
export const MAX_TITLE_CHARS = 80;
/** The agency's name on a line of its own above the title (平潭综合实验区管委会 / 2019年政府信息公开工作年度报告). */
export const MAX_AGENCY_LINE_CHARS = 30;

/** The signing date (2024年1月20日) is among the last few texts, on a short line of its own. */
export const SIGNING_SEARCH_TEXTS = 12;
export const MAX_SIGNING_LINE_CHARS = 40;

/**
 * Web pages: a table is one of the report's when a cell among the first few of one of its rows carries a label of
 * some format's table; cells longer than this are text, not labels.
 */
export const REPORT_TABLE_LEAD_CELLS = 4;
export const MAX_LABEL_CELL_CHARS = 80;
/** Web pages: when the body holds no title, the last few blocks before it are searched for one (a page's own heading). */
export const TITLE_SEARCH_BLOCKS_BEFORE_BODY = 30;

/**
 * Binding: a row without any label is the one data row of a table whose format row has no label (section 四) when
 * it has numbers, or at least half as many cells as the table has columns (PDF text drops blank cells).
 */
export const UNLABELLED_ROW_MIN_SHARE = 0.5;
