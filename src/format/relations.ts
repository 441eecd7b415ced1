/**
 * Evaluating the format's arithmetic relations (sum of lhs == sum of rhs) on a report, for the rules that check
 * them. A relation whose cells are not all readable numbers is not evaluated: blank and unreadable cells are
 * never taken for 0.
 */
import { tables } from '../ast.js';
import type { Format, Relation } from './formats.js';
import type { Cell, Report } from '../types.js';

export interface RelationResult {
  relation: Relation;
  lhs: Cell[];
  rhs: Cell[];
  anchor: Cell;
  lhsSum: number;
  rhsSum: number;
  holds: boolean;
}

/** table → row → column → cell, as cellAt finds it (the first table, row and cell with those ids), built once per report. */
type CellIndex = Map<string, Map<string, Map<string, Cell>>>;
const indexes = new WeakMap<Report, CellIndex>();

function cellIndex(report: Report): CellIndex {
  let index = indexes.get(report);
  if (index) return index;
  index = new Map();
  for (const t of tables(report)) {
    if (!t.tableId || index.has(t.tableId)) continue;
    const rows = new Map<string, Map<string, Cell>>();
    index.set(t.tableId, rows);
    for (const r of t.children) {
      if (!r.rowId || rows.has(r.rowId)) continue;
      const cells = new Map<string, Cell>();
      rows.set(r.rowId, cells);
      for (const c of r.children) if (c.columnId && !cells.has(c.columnId)) cells.set(c.columnId, c);
    }
  }
  indexes.set(report, index);
  return index;
}

export function evaluateRelations(report: Report, format: Format, kind: string): RelationResult[] {
  const out: RelationResult[] = [];
  const index = cellIndex(report);
  for (const relation of format.relations) {
    if (relation.kind !== kind) continue;
    const get = (r: { table: string; row: string; column: string }) => index.get(r.table)?.get(r.row)?.get(r.column);
    const lhs = relation.lhs.map(get);
    const rhs = relation.rhs.map(get);
    const anchor = get(relation.anchor);
    const usable = (c: Cell | undefined): c is Cell => c !== undefined && c.status === 'number' && c.value !== undefined;
    if (!anchor || !lhs.every(usable) || !rhs.every(usable)) continue;
    const lhsSum = sum(lhs as Cell[]);
    const rhsSum = sum(rhs as Cell[]);
    out.push({ relation, lhs: lhs as Cell[], rhs: rhs as Cell[], anchor, lhsSum, rhsSum, holds: Math.abs(lhsSum - rhsSum) < 1e-9 });
  }
  return out;
}

function sum(cells: Cell[]): number {
  // integers in practice; round away binary fractions of decimal money values
  return Math.round(cells.reduce((a, c) => a + c.value!, 0) * 1e6) / 1e6;
}

/**
 * The value one cell of a relation that does not hold would need for it to hold, the other cells kept as they
 * are; undefined when that value is negative (a count cannot be) or is the value already there.
 */
export function valueToHold(r: RelationResult, side: 'lhs' | 'rhs', index: number): number | undefined {
  const cell = (side === 'lhs' ? r.lhs : r.rhs)[index];
  if (!cell || cell.value === undefined) return undefined;
  const v = side === 'lhs' ? r.rhsSum - (r.lhsSum - cell.value) : r.lhsSum - (r.rhsSum - cell.value);
  const rounded = Math.round(v * 1e6) / 1e6;
  if (rounded < 0 || Math.abs(rounded - cell.value) < 1e-9) return undefined;
  return rounded;
}
