/**
 * `report-lint extract`: the tables' values keyed by the format's table, row and column ids, for people who
 * aggregate reports. A blank or unreadable cell is null (never 0); a row whose cells could not be told apart
 * is listed under `unbound` with its raw cells.
 */
import type { ParsedReport } from '../engine/run.js';
import { tables } from '../ast.js';

export interface Extracted {
  filePath: string;
  format: string | undefined;
  year: number | undefined;
  agency: string | undefined;
  title: string | undefined;
  tables: Record<string, Record<string, Record<string, number | null>>>;
  unbound: Array<{ table: string; row: string; line: number; cells: string[] }>;
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
