/**
 * Helpers for writing rules: readable names of rows and columns, and a short description of how a label
 * differs from the format's. Part of the public rule API (plugins use them too).
 */
import type { Format } from './format/formats.js';
import type { Cell, Row, Suggestion } from './types.js';
import { valueToHold, type RelationResult } from './format/relations.js';
import { normalizeLabel } from './text/normalize.js';

/**
 * A row's canonical label, shortened: （二）部分公开（区分处理的…） → （二）部分公开; a row without a label (the one data
 * row of section 四's table) by the name the format gives it.
 */
export function rowName(format: Format, tableId: string, rowId: string | undefined): string {
  if (!rowId) return '（未识别的行）';
  const r = format.table(tableId)?.rows.find((x) => x.id === rowId);
  if (!r) return rowId;
  if (r.label === null) return r.name ?? '数据行';
  const short = r.label.replace(/（[^（）]*(，|、)[^（）]*）$/, '');
  const parent = r.parent ? format.table(tableId)?.rows.find((x) => x.id === r.parent) : undefined;
  // sub-rows 1. 2. … are named with their group (without a top-level number): （三）不予公开 1.属于国家秘密
  if (parent && parent.label && /^\d/.test(short)) return `${parent.label.replace(/^[一二三四五六七八九十]+、/, '')}${short}`;
  return short;
}

/** A row as a message speaks of it: 「（二）部分公开」, or the name of a row without a label (第四部分表格的数据行). */
export function rowPhrase(format: Format, tableId: string, rowId: string | undefined): string {
  return hasLabel(format, tableId, rowId) ? `「${rowName(format, tableId, rowId)}」` : rowName(format, tableId, rowId);
}

function hasLabel(format: Format, tableId: string, rowId: string | undefined): boolean {
  return format.table(tableId)?.rows.find((x) => x.id === rowId)?.label !== null;
}

/** A column's canonical label, with its group where labels repeat (行政复议 总计). */
export function columnName(format: Format, tableId: string, columnId: string | undefined): string {
  if (!columnId) return '';
  const t = format.table(tableId);
  const c = t?.columns.find((x) => x.id === columnId);
  if (!t || !c) return columnId;
  const repeated = t.columns.filter((x) => x.label === c.label).length > 1;
  if (repeated && c.group) {
    const g = t.columnGroups?.find((x) => x.id === c.group);
    if (g) return `${g.label}·${c.label}`;
  }
  return c.label;
}

/** Several columns named in a few words, their groups said once: 未经复议直接起诉：结果维持、结果纠正；复议后起诉：总计. */
export function columnList(format: Format, tableId: string, columnIds: Array<string | undefined>): string {
  const parts: Array<{ group?: string; names: string[] }> = [];
  for (const id of columnIds) {
    const full = columnName(format, tableId, id);
    const dot = full.indexOf('·');
    const group = dot >= 0 ? full.slice(0, dot) : undefined;
    const name = dot >= 0 ? full.slice(dot + 1) : full;
    const last = parts[parts.length - 1];
    if (last && last.group === group) last.names.push(name);
    else parts.push({ group, names: [name] });
  }
  return parts.map((p) => (p.group ? `${p.group}：${p.names.join('、')}` : p.names.join('、'))).join('；');
}

/** 「行名」「列名」 for a cell of a bound row. */
export function cellName(format: Format, tableId: string, row: Row, cell: Cell): string {
  const c = cell.columnId ? columnName(format, tableId, cell.columnId) : `第 ${cell.index + 1} 个数字格`;
  return hasLabel(format, tableId, row.rowId) ? `「${rowName(format, tableId, row.rowId)}」「${c}」` : `「${c}」`;
}

/**
 * How a written label differs from the canonical one, in a few words: 多了「到」, 缺少「申请」, 「机」应为「及」.
 * Undefined when the difference is too large to put briefly.
 */
export function describeDifference(written: string, canonical: string): string | undefined {
  const a = [...normalizeLabel(written)];
  const b = [...normalizeLabel(canonical)];
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const mid = (x: string[]) => x.slice(p, x.length - s).join('');
  const wa = mid(a);
  const wb = mid(b);
  if (wa.length > 6 || wb.length > 6) return undefined;
  if (wa === '' && wb !== '') return `缺少「${wb}」`;
  if (wb === '' && wa !== '') return `多了「${wa}」`;
  if (wa !== '' && wb !== '') return `「${wa}」应为「${wb}」`;
  return undefined;
}

/**
 * A suggestion that writes another number into a cell, for findings about sums. Suggestions are never applied by
 * --fix: only a person can tell which number of a sum that does not add up is the wrong one.
 */
export function cellSuggestion(cell: Cell, value: number, desc: string): Suggestion {
  return { desc, fix: { range: [cell.position.start.offset!, cell.position.end.offset!], text: String(value) } };
}

/**
 * The suggestions of a relation that does not hold: for the cell that should equal the sum (the total), 「若…无误，把
 * 总计改为 N」; for each other cell, 「若总计无误，X 应为 N」 when that value is not negative.
 */
export function relationSuggestions(
  r: RelationResult,
  names: { isTotal: (side: 'lhs' | 'rhs', index: number) => boolean; name: (side: 'lhs' | 'rhs', index: number) => string; othersRight: string; totalRight: string },
): Suggestion[] {
  const out: Suggestion[] = [];
  const first: Suggestion[] = [];
  for (const side of ['lhs', 'rhs'] as const) {
    const cells = side === 'lhs' ? r.lhs : r.rhs;
    cells.forEach((cell, i) => {
      const v = valueToHold(r, side, i);
      if (v === undefined) return;
      if (names.isTotal(side, i)) first.push(cellSuggestion(cell, v, `若${names.othersRight}无误，把${names.name(side, i)}改为 ${v}`));
      else out.push(cellSuggestion(cell, v, `若${names.totalRight}无误，${names.name(side, i)}应为 ${v}`));
    });
  }
  return [...first, ...out];
}
