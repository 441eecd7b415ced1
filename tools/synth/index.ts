/**
 * Synthetic annual reports (政府信息公开工作年度报告) with non-zero, consistent data, for tests and the benchmark.
 *
 * Everything about the tables comes from the format data (data/formats/*.json): sections, captions, row and
 * column labels, the row hierarchy and the arithmetic relations. The values are drawn from a seeded PRNG and
 * made consistent by solving the format's relations (each relation sum(lhs) = sum(rhs) fixes one cell), so a
 * generated report is correct by construction; one defect can then be injected, and where it went (line,
 * column, row and column ids) is returned so tests can assert the finding's place.
 *
 * One module per layout (tab.ts, word.ts, markdown.ts, pdf.ts) over what they share (types, rng, values, writer,
 * grid, prose), report.ts for a whole report and expect.ts for the findings it should give.
 *
 * Layouts (as real reports come):
 *  - tab:      tab-separated rows, one line per row, labels first, empty placeholder cells (seeds 001, 003, 004)
 *  - word:     Word export, one cell per line starting with a tab, rows separated by blank lines, merged cells
 *              as empty cells, U+00A0 / U+3000 padding, header labels broken inside a cell (seeds 000, 002)
 *  - markdown: `#` headings and GFM pipe tables
 *  - pdf:      PDF text: tab rows, labels split by spaces, long labels broken over two lines, a label continued
 *              on the next line, group labels broken into pieces, prose broken by page breaks (seeds 003, 004)
 * `atx: true` gives `#` headings to any layout (seed 003 is PDF text with Markdown headings).
 */
export * from './types.js';
export { Rng } from './rng.js';
export { solveValues } from './values.js';
export { typoOf } from './grid.js';
export { synthesize } from './report.js';
export { deepestRows, editCells, expectedArithmetic } from './expect.js';
