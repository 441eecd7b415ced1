/**
 * How much of each table of the format a report was read with: which of the format's data rows were found, how
 * many of their cells could be told apart (bound to a column), and which of the format's relations cannot be
 * checked because a cell they need was not found. Used by the table-incomplete rule and by `parse`/`extract`, so
 * that nothing the format requires vanishes without a word.
 */
import { sections, tables } from '../ast.js';
import type { Report, Row, Section, Table } from '../types.js';
import type { Format, FormatTable, Relation } from './formats.js';

export interface RowCoverage {
  rowId: string;
  /** the row as the report has it (the first row bound to the id), when found */
  row?: Row;
  /** cells of the row bound to a column of the format (0 when the row was not found) */
  foundCells: number;
  expectedCells: number;
}

export interface TableCoverage {
  table: FormatTable;
  /** the report's tables bound to this table id, in order */
  nodes: Table[];
  /** the report's section that should hold the table, when the report has it */
  section?: Section;
  rows: RowCoverage[];
  requiredRows: number;
  foundRows: number;
  requiredCells: number;
  foundCells: number;
  /** rows of the format not found at all */
  missingRows: RowCoverage[];
  /** rows found whose cells could not (all) be told apart */
  incompleteRows: RowCoverage[];
  /** relations that cannot be checked because a cell of this table they need was not found */
  unchecked: Relation[];
}

export function tableCoverage(report: Report, format: Format): TableCoverage[] {
  const all = tables(report);
  const secs = sections(report);
  const out: TableCoverage[] = [];
  // cells found, as TABLE.ROW.COLUMN (the first table and row bound to an id, as the relations read them)
  const found = new Set<string>();
  const firstRows = new Map<string, Map<string, Row>>();
  for (const t of all) {
    if (!t.tableId) continue;
    let rows = firstRows.get(t.tableId);
    if (!rows) firstRows.set(t.tableId, (rows = new Map()));
    for (const r of t.children) if (r.rowId && !rows.has(r.rowId)) rows.set(r.rowId, r);
  }
  for (const [tid, rows] of firstRows) {
    for (const [rid, r] of rows) for (const c of r.children) if (c.columnId) found.add(`${tid}.${rid}.${c.columnId}`);
  }
  for (const ft of format.data.tables) {
    const nodes = all.filter((t) => t.tableId === ft.id);
    const section = secs.find((s) => s.sectionId === ft.section);
    const bound = firstRows.get(ft.id);
    const rows: RowCoverage[] = ft.rows
      .filter((r) => r.data)
      .map((r) => {
        const row = bound?.get(r.id);
        const foundCells = row ? new Set(row.children.filter((c) => c.columnId).map((c) => c.columnId)).size : 0;
        return { rowId: r.id, row, foundCells, expectedCells: ft.columns.length };
      });
    const missingRows = rows.filter((r) => !r.row);
    const incompleteRows = rows.filter((r) => r.row && r.foundCells < r.expectedCells);
    const unchecked = format.relations.filter((rel) =>
      [...rel.lhs, ...rel.rhs, rel.anchor].some((c) => c.table === ft.id && !found.has(`${c.table}.${c.row}.${c.column}`)),
    );
    out.push({
      table: ft,
      nodes,
      section,
      rows,
      requiredRows: rows.length,
      foundRows: rows.length - missingRows.length,
      requiredCells: rows.length * ft.columns.length,
      foundCells: rows.reduce((a, r) => a + r.foundCells, 0),
      missingRows,
      incompleteRows,
      unchecked,
    });
  }
  return out;
}

/** 第三部分表格, 第二部分「第二十条第（一）项」表格: a table of the format in words. */
export function tableName(format: Format, t: FormatTable): string {
  const s = format.section(t.section);
  const part = s ? `第${s.number}部分` : '';
  const several = format.tablesOf(t.section).length > 1;
  return several && t.caption ? `${part}「${t.caption}」表格` : `${part}表格`;
}
