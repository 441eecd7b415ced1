/** Table values: drawn, then made consistent by solving the format's relations (shared by every layout). */
import type { Format, Relation } from '../../src/format/formats.js';
import type { Rng } from './rng.js';
import type { CellKey } from './types.js';

export const key = (t: string, r: string, c: string): CellKey => `${t}.${r}.${c}`;
export const refKey = (r: { table: string; row: string; column: string }): CellKey => key(r.table, r.row, r.column);

/**
 * Values that satisfy every relation of the format. Each relation fixes one cell (the one alone on its side,
 * else the first cell opposite its anchor); the other cells are drawn. A relation whose cells are all fixed
 * by others must then hold by itself (it is implied), which is checked.
 */
export function solveValues(format: Format, rng: Rng, pinned: Record<CellKey, number> = {}): Record<CellKey, number> {
  const values = new Map<CellKey, number>();
  const rels = format.relations;
  const derivedBy = new Map<CellKey, Relation>();
  // single-cell sides first (totals), then the rest
  const ordered = [...rels].sort((a, b) => sideRank(a) - sideRank(b));
  for (const rel of ordered) {
    const lhs = rel.lhs.map(refKey);
    const rhs = rel.rhs.map(refKey);
    const anchor = refKey(rel.anchor);
    let pick: CellKey | undefined;
    if (lhs.length === 1 && !derivedBy.has(lhs[0])) pick = lhs[0];
    else if (rhs.length === 1 && !derivedBy.has(rhs[0])) pick = rhs[0];
    else {
      const opposite = lhs.includes(anchor) ? rhs : lhs;
      pick = opposite.find((k) => !derivedBy.has(k)) ?? [...lhs, ...rhs].find((k) => !derivedBy.has(k));
    }
    if (pick) derivedBy.set(pick, rel);
  }
  // cells on a side of several cells in a relation whose sides both have several (carried over from the year
  // before, carried into the next) are small beside the year's own numbers
  const carried = new Set<CellKey>();
  for (const rel of rels) if (rel.lhs.length > 1 && rel.rhs.length > 1) for (const r of [...rel.lhs, ...rel.rhs]) carried.add(refKey(r));
  // draw every other data cell of every table
  for (const t of format.data.tables) {
    const rowsWithData = t.rows.filter((r) => r.data);
    for (const [ri, r] of rowsWithData.entries()) {
      for (const [ci, c] of t.columns.entries()) {
        const k = key(t.id, r.id, c.id);
        if (derivedBy.has(k)) continue;
        const v = draw(rng, c.type, ri, ci, rowsWithData.length, t.columns.length);
        values.set(k, k in pinned ? pinned[k] : carried.has(k) ? Math.round(v * 0.25) : v);
      }
    }
  }
  for (const k of Object.keys(pinned)) if (derivedBy.has(k)) throw new Error(`synth: ${k} is computed from other cells and cannot be pinned`);
  const free = (k: CellKey) => !derivedBy.has(k) && !(k in pinned);
  for (let round = 0; round < 200; round++) {
    // compute the derived cells in dependency order
    for (const k of derivedBy.keys()) values.delete(k);
    let progress = true;
    while (progress) {
      progress = false;
      for (const [k, rel] of derivedBy) {
        if (values.has(k)) continue;
        const lhs = rel.lhs.map(refKey);
        const rhs = rel.rhs.map(refKey);
        const others = [...lhs, ...rhs].filter((x) => x !== k);
        if (!others.every((x) => values.has(x))) continue;
        const sum = (ks: CellKey[]) => ks.filter((x) => x !== k).reduce((a, x) => a + values.get(x)!, 0);
        const v = lhs.includes(k) ? sum(rhs) - sum(lhs) : sum(lhs) - sum(rhs);
        values.set(k, v);
        progress = true;
      }
    }
    const unsolved = [...derivedBy.keys()].filter((k) => !values.has(k));
    if (unsolved.length) throw new Error(`synth: relations cannot be solved for ${unsolved.join(', ')}`);
    // a negative derived cell: take from a drawn cell on its side, or give to one on the other side
    const neg = [...derivedBy].find(([k]) => values.get(k)! < 0);
    if (!neg) break;
    const [k, rel] = neg;
    const deficit = -values.get(k)!;
    const lhs = rel.lhs.map(refKey);
    const rhs = rel.rhs.map(refKey);
    const same = (lhs.includes(k) ? lhs : rhs).filter((x) => x !== k && free(x) && values.get(x)! > 0);
    const other = (lhs.includes(k) ? rhs : lhs).filter(free);
    if (same.length) {
      const x = same.reduce((a, b) => (values.get(b)! > values.get(a)! ? b : a));
      values.set(x, values.get(x)! - Math.min(deficit, values.get(x)!));
    } else if (other.length) {
      values.set(other[0], values.get(other[0])! + deficit);
    } else throw new Error(`synth: cannot make ${k} non-negative`);
  }
  for (const rel of rels) {
    const s = (rs: typeof rel.lhs) => rs.reduce((a, r) => a + values.get(refKey(r))!, 0);
    if (s(rel.lhs) !== s(rel.rhs)) throw new Error(`synth: relation ${rel.id} ${JSON.stringify(rel.bindings)} does not hold`);
  }
  return Object.fromEntries(values);
}

function sideRank(r: Relation): number {
  return r.lhs.length === 1 || r.rhs.length === 1 ? 0 : 1;
}

/** A plausible value: the first rows and columns carry most; many cells are 0. */
function draw(rng: Rng, type: string, row: number, col: number, rows: number, cols: number): number {
  if (type === 'signed_integer') return rng.chance(0.35) ? 0 : rng.int(-6, 9);
  if (type === 'money') return rng.chance(0.3) ? 0 : Math.round(rng.next() * rng.pick([50, 500, 20000]) * 100) / 100;
  const rowWeight = rows > 6 ? Math.max(0.08, 1 / (1 + row * 0.6)) : 1;
  const colWeight = cols > 4 ? (col === 0 ? 1 : 0.25 / col) : 1;
  const scale = 60 * rowWeight * colWeight;
  if (rng.chance(rows > 6 ? 0.3 + 0.3 * (1 - colWeight) : 0.2)) return 0;
  return Math.max(1, Math.round(rng.next() * rng.next() * scale * 2));
}

export function formatValue(v: number, type: string): string {
  if (type === 'money') return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0$/, '');
  return String(v);
}
