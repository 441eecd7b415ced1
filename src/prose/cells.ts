/**
 * Table cells for the rules that compare prose with the tables: a sum of cells by the format's ids, read only when
 * every cell is a number and no arithmetic relation of the format that uses one of them fails (when a table
 * contradicts itself the table rules say so, and which side the prose should match is a guess).
 */
import { cellAt } from '../ast.js';
import { evaluateRelations } from '../format/relations.js';
import type { Format } from '../format/formats.js';
import { columnName, rowName } from '../rule-kit.js';
import type { Cell, Report } from '../types.js';

export interface CellSum {
  value: number;
  cells: Cell[];
  /** the cells as 「（一）予以公开」「总计」 = 30, for related locations */
  names: string[];
  /** how the sum was made, for the message: （一）予以公开 + （二）部分公开 */
  expr: string;
}

const broken = new WeakMap<Report, Set<Cell>>();

/** Cells that take part in a relation of the format that does not hold. */
export function cellsOfFailedRelations(report: Report, format: Format): Set<Cell> {
  let set = broken.get(report);
  if (set) return set;
  set = new Set();
  for (const kind of new Set(format.relations.map((r) => r.kind))) {
    for (const r of evaluateRelations(report, format, kind)) if (!r.holds) for (const c of [...r.lhs, ...r.rhs]) set.add(c);
  }
  broken.set(report, set);
  return set;
}

export type CellRef = readonly [table: string, row: string, column: string];

/**
 * The sum of some cells; undefined when one is missing, blank or not a number, or belongs to a relation that does
 * not hold. `label` names the sum in messages (defaults to the rows' names joined by +).
 */
export function cellSum(report: Report, format: Format, refs: readonly CellRef[], label?: string): CellSum | undefined {
  const cells: Cell[] = [];
  const bad = cellsOfFailedRelations(report, format);
  for (const [t, r, c] of refs) {
    const cell = cellAt(report, t, r, c);
    if (!cell || cell.status !== 'number' || cell.value === undefined || bad.has(cell)) return undefined;
    cells.push(cell);
  }
  const value = Math.round(cells.reduce((a, c) => a + c.value!, 0) * 1e6) / 1e6;
  const names = refs.map(([t, r, c]) => `${rowName(format, t, r)}「${columnName(format, t, c)}」`);
  return { value, cells, names, expr: label ?? refs.map(([t, r]) => rowName(format, t, r)).join(' + ') };
}

/** The ids of the rows under a group row of a table (（三）不予公开 → its 1.–8.), or the row itself when it has none. */
export function leafRows(format: Format, table: string, row: string): string[] {
  const t = format.table(table);
  if (!t) return [];
  const kids = t.rows.filter((r) => r.parent === row && r.data);
  const self = t.rows.find((r) => r.id === row);
  if (!kids.length) return self?.data ? [row] : [];
  return kids.map((k) => k.id);
}

/** Related locations for the cells of a sum. */
export function relatedCells(sum: CellSum): Array<{ node: Cell; message: string }> {
  return sum.cells.map((c, i) => ({ node: c, message: `${sum.names[i]}：${c.value}` }));
}
