/** What a generated report should give, from what was written in it; and edits made afterwards. */
import { builtinFormats, type Format, type FormatRow } from '../../src/format/formats.js';
import { depthOf } from './grid.js';
import type { CellKey, ExpectedFinding, RowKey, Synth } from './types.js';
import { refKey } from './values.js';

/**
 * The arithmetic findings a report should give, computed from what was written in it: every relation of the
 * format whose cells are all readable numbers in rows of the right width, and that does not hold, at its
 * anchor cell; the side with the anchor is the actual value, the other side the expected one. An independent
 * oracle for the rules balance, row-total, outcome-total and review-total.
 */
export function expectedArithmetic(s: Synth, formats: readonly Format[] = builtinFormats()): ExpectedFinding[] {
  const format = formats.find((f) => f.short === s.format)!;
  const unbound = new Set<RowKey>();
  const d = s.injection?.defect;
  if (d && (d.kind === 'drop-cell' || d.kind === 'add-cell')) unbound.add(d.cell.split('.').slice(0, 2).join('.'));
  const read = (k: CellKey): number | undefined => {
    if (unbound.has(k.split('.').slice(0, 2).join('.'))) return undefined;
    const raw = s.raw[k];
    if (raw === undefined || !/^-?\d+(\.\d+)?$/.test(raw.trim())) return undefined;
    return Number(raw);
  };
  const out: ExpectedFinding[] = [];
  for (const rel of format.relations) {
    const lhs = rel.lhs.map((x) => read(refKey(x)));
    const rhs = rel.rhs.map((x) => read(refKey(x)));
    if ([...lhs, ...rhs].some((v) => v === undefined)) continue;
    const l = lhs.reduce((a, b) => a! + b!, 0)!;
    const rr = rhs.reduce((a, b) => a! + b!, 0)!;
    if (Math.abs(l - rr) < 1e-9) continue;
    const anchor = refKey(rel.anchor);
    const anchorLeft = rel.lhs.some((x) => refKey(x) === anchor);
    const loc = s.cells[anchor];
    out.push({ ruleId: rel.kind, cell: anchor, line: loc.line, column: loc.column, expected: anchorLeft ? rr : l, actual: anchorLeft ? l : rr });
  }
  return out;
}

/** Rows of a table from deepest to shallowest (rows at the deepest level have no merged label cells after them). */
export function deepestRows(format: Format, tableId: string): RowKey[] {
  const t = format.table(tableId)!;
  const rows = t.rows.filter((r) => r.data);
  const depth = (r: FormatRow) => (r.label === null ? 0 : depthOf(t, r));
  const max = Math.max(...rows.map(depth));
  return rows.filter((r) => depth(r) === max).map((r) => `${tableId}.${r.id}`);
}

/** The report's text with some cells rewritten (by the places recorded when it was written). */
export function editCells(s: Synth, edits: Record<CellKey, string>): string {
  const spans = Object.entries(edits)
    .map(([k, raw]) => {
      const loc = s.cells[k];
      if (!loc) throw new Error(`synth: no cell ${k}`);
      return { loc, raw };
    })
    .sort((a, b) => b.loc.offset - a.loc.offset);
  let text = s.text;
  for (const { loc, raw } of spans) text = text.slice(0, loc.offset) + raw + text.slice(loc.endOffset);
  return text;
}
