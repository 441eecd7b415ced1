/**
 * Table cells for the rules that compare prose with the tables: a sum of cells by the format's ids, read only when
 * every cell is a number and no arithmetic relation of the format that uses one of them fails (when a table
 * contradicts itself the table rules say so, and which side the prose should match is a guess).
 */
import { tables } from '../ast.js';
import type { CellRef as FormatCellRef, Format, Relation } from '../format/formats.js';
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

/** The cell at TABLE.ROW.COLUMN (the first table, row and cell with those ids, as the relations read them). */
const cellMaps = new WeakMap<Report, Map<string, Cell>>();
function cellOf(report: Report, key: string): Cell | undefined {
  let map = cellMaps.get(report);
  if (!map) {
    map = new Map();
    const seen = new Set<string>();
    for (const t of tables(report)) {
      if (!t.tableId || seen.has(t.tableId)) continue;
      seen.add(t.tableId);
      const rows = new Set<string>();
      for (const r of t.children) {
        if (!r.rowId || rows.has(r.rowId)) continue;
        rows.add(r.rowId);
        for (const c of r.children) {
          if (!c.columnId) continue;
          const k = t.tableId + '.' + r.rowId + '.' + c.columnId;
          if (!map.has(k)) map.set(k, c);
        }
      }
    }
    cellMaps.set(report, map);
  }
  return map.get(key);
}

/** The relations of a format by the cells they use. */
const byCell = new WeakMap<Format, Map<string, Relation[]>>();
function relationsOf(format: Format, key: string): Relation[] {
  let map = byCell.get(format);
  if (!map) {
    map = new Map();
    for (const r of format.relations) {
      for (const c of [...r.lhs, ...r.rhs]) {
        const k = `${c.table}.${c.row}.${c.column}`;
        const list = map.get(k) ?? [];
        if (!list.includes(r)) list.push(r);
        map.set(k, list);
      }
    }
    byCell.set(format, map);
  }
  return map.get(key) ?? [];
}

const holds = new WeakMap<Report, Map<Relation, boolean>>();
/** Whether some relation of the format that uses the cell can be evaluated and does not hold. */
function inFailedRelation(report: Report, format: Format, key: string): boolean {
  let cache = holds.get(report);
  if (!cache) holds.set(report, (cache = new Map()));
  for (const r of relationsOf(format, key)) {
    let ok = cache.get(r);
    if (ok === undefined) {
      const side = (refs: readonly FormatCellRef[]) => {
        let sum = 0;
        for (const c of refs) {
          const cell = cellOf(report, `${c.table}.${c.row}.${c.column}`);
          if (!cell || cell.status !== 'number' || cell.value === undefined) return undefined;
          sum += cell.value;
        }
        return Math.round(sum * 1e6) / 1e6;
      };
      const a = side(r.lhs);
      const b = side(r.rhs);
      ok = a === undefined || b === undefined || Math.abs(a - b) < 1e-9;
      cache.set(r, ok);
    }
    if (!ok) return true;
  }
  return false;
}

const hasLabel = (format: Format, table: string, row: string) => format.table(table)?.rows.find((x) => x.id === row)?.label !== null;

export type CellRef = readonly [table: string, row: string, column: string];

/**
 * The sum of some cells; undefined when one is missing, blank or not a number, or belongs to a relation that does
 * not hold. `label` names the sum in messages (defaults to the rows' names joined by +).
 */
export function cellSum(report: Report, format: Format, refs: readonly CellRef[], label?: string): CellSum | undefined {
  const cells: Cell[] = [];
  for (const [t, r, c] of refs) {
    const key = `${t}.${r}.${c}`;
    const cell = cellOf(report, key);
    if (!cell || cell.status !== 'number' || cell.value === undefined || inFailedRelation(report, format, key)) return undefined;
    cells.push(cell);
  }
  const value = Math.round(cells.reduce((a, c) => a + c.value!, 0) * 1e6) / 1e6;
  // a row without a label (section 四's one data row) is named by its column alone
  const names = refs.map(([t, r, c]) => `${hasLabel(format, t, r) ? rowName(format, t, r) : ''}「${columnName(format, t, c)}」`);
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
