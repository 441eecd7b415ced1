/**
 * `report-lint extract`: the tables' values keyed by the format's table, row and column ids, for people who
 * aggregate reports. A blank or unreadable cell is null (never 0); a row whose cells could not be told apart
 * is listed under `unbound` with its raw cells.
 */
import type { ParsedReport } from '../engine/run.js';
import { tables } from '../ast.js';
import { tableCoverage } from '../format/coverage.js';
import { columnName, rowName } from '../rule-kit.js';

/** How much of one table of the format was read: rows and cells found of those the format requires. */
export interface TableCount {
  rows: { found: number; required: number };
  cells: { found: number; required: number };
  /** row ids of the format not found at all */
  missingRows: string[];
}

/** Per table of the format, how many of its rows and cells were found (every table, also those not found). */
export function coverageOf(parsed: ParsedReport): Record<string, TableCount> {
  const out: Record<string, TableCount> = {};
  for (const c of tableCoverage(parsed.report, parsed.format)) {
    out[c.table.id] = {
      rows: { found: c.foundRows, required: c.requiredRows },
      cells: { found: c.foundCells, required: c.requiredCells },
      missingRows: c.missingRows.map((r) => r.rowId),
    };
  }
  return out;
}

export interface Extracted {
  filePath: string;
  format: string | undefined;
  year: number | undefined;
  agency: string | undefined;
  title: string | undefined;
  tables: Record<string, Record<string, Record<string, number | null>>>;
  unbound: Array<{ table: string; row: string; line: number; cells: string[] }>;
  /** per table of the format: how many of its rows and cells were found */
  coverage: Record<string, TableCount>;
}

export function extractValues(parsed: ParsedReport, filePath: string): Extracted {
  const { report, format } = parsed;
  const out: Extracted = {
    filePath,
    format: report.format,
    year: report.year,
    agency: report.agency,
    title: report.title?.value,
    tables: {},
    unbound: [],
    coverage: coverageOf(parsed),
  };
  for (const t of tables(report)) {
    if (!t.tableId) continue;
    const ft = format.table(t.tableId)!;
    const rows = (out.tables[t.tableId] ??= {});
    for (const r of t.children) {
      if (!r.rowId) continue;
      if (r.foundCells !== r.expectedCells) {
        out.unbound.push({ table: t.tableId, row: r.rowId, line: r.position.start.line, cells: r.children.map((c) => c.raw) });
        continue;
      }
      const vals: Record<string, number | null> = {};
      for (const col of ft.columns) {
        const c = r.children.find((x) => x.columnId === col.id);
        vals[col.id] = c && c.status === 'number' && c.value !== undefined ? c.value : null;
      }
      rows[r.rowId] = vals;
    }
  }
  return out;
}

const CSV_HEADER = ['file', 'table', 'row_id', 'row_label', 'column_id', 'column_label', 'value'];

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The values as CSV, one line a cell: file, table, row id, row label, column id, column label, value (empty for a
 * blank or unreadable cell; rows whose cells could not be told apart are not listed: see the JSON's `unbound`).
 */
export function extractCsv(items: Array<{ parsed: ParsedReport; extracted: Extracted }>, header = true): string {
  const lines: string[] = header ? [CSV_HEADER.join(',')] : [];
  for (const { parsed, extracted } of items) {
    const format = parsed.format;
    for (const [tableId, rows] of Object.entries(extracted.tables)) {
      const ft = format.table(tableId);
      if (!ft) continue;
      for (const r of ft.rows) {
        const vals = rows[r.id];
        if (!vals) continue;
        for (const col of ft.columns) {
          const v = vals[col.id];
          const fields = [extracted.filePath, tableId, r.id, rowName(format, tableId, r.id), col.id, columnName(format, tableId, col.id), v === null || v === undefined ? '' : String(v)];
          lines.push(fields.map(csvField).join(','));
        }
      }
    }
  }
  return lines.join('\n') + '\n';
}
