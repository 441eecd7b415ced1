/**
 * Evaluating the format's arithmetic relations (sum of lhs == sum of rhs) on a report, for the rules that check
 * them. A relation whose cells are not all readable numbers is not evaluated: blank and unreadable cells are
 * never taken for 0.
 */
import { tables } from '../ast.js';
import type { Format, Relation } from '../format/formats.js';
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

const indexes = new WeakMap<Report, Map<string, Cell>>();

/** Bound cells by TABLE.ROW.COLUMN, built once per report (the first table of an id wins, as ast.cellAt does). */
function cellIndex(report: Report): Map<string, Cell> {
  let idx = indexes.get(report);
  if (idx) return idx;
  idx = new Map();
  for (const t of tables(report)) {
    if (!t.tableId) continue;
    for (const r of t.children) {
      if (!r.rowId) continue;
      for (const c of r.children) {
        const k = `${t.tableId}.${r.rowId}.${c.columnId}`;
        if (c.columnId && !idx.has(k)) idx.set(k, c);
      }
    }
  }
  indexes.set(report, idx);
  return idx;
}

export function evaluateRelations(report: Report, format: Format, kind: string): RelationResult[] {
  const out: RelationResult[] = [];
  const idx = cellIndex(report);
  for (const relation of format.relations) {
    if (relation.kind !== kind) continue;
    const get = (r: { table: string; row: string; column: string }) => idx.get(`${r.table}.${r.row}.${r.column}`);
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
