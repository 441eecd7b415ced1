/**
 * What every layout writes from: a table of the format as a grid of label cells and values (with the defect in
 * it), the header rows, the state of one report being generated, and the bookkeeping of where rows and cells went.
 */
import type { Format, FormatRow, FormatTable } from '../../src/format/formats.js';
import type { Rng } from './rng.js';
import { formatValue, key } from './values.js';
import type { CellKey, Defect, Layout, Loc, RowKey, SpanStyle, Synth, SynthOptions } from './types.js';

export interface LabelCell {
  text: string;
  /** the row's own label (its location is recorded) */
  own?: RowKey;
  group?: boolean;
}

export interface GridRow {
  rowKey: RowKey;
  depth: number;
  /** one entry per label column: a label, or '' for a merged or empty label cell */
  labels: Array<LabelCell | ''>;
  values: Array<{ key: CellKey; raw: string; extra?: boolean }>;
}

export interface Grid {
  table: FormatTable;
  /** label columns before the values */
  labelColumns: number;
  headers: string[][];
  rows: GridRow[];
}

export function depthOf(t: FormatTable, r: FormatRow): number {
  let d = 0;
  let p = r.parent;
  while (p) {
    d++;
    p = t.rows.find((x) => x.id === p)?.parent;
  }
  return d;
}

export function ancestors(t: FormatTable, r: FormatRow): FormatRow[] {
  const out: FormatRow[] = [];
  let p = r.parent;
  while (p) {
    const row = t.rows.find((x) => x.id === p)!;
    out.unshift(row);
    p = row.parent;
  }
  return out;
}

/** Header rows from the format: group labels over their columns, then the column labels. */
export function headerRows(t: FormatTable, labelColumns: number): string[][] {
  const width = labelColumns + t.columns.length;
  const blank = () => new Array<string>(width).fill('');
  const groups = t.columnGroups ?? [];
  const memberGroups = groups.filter((g) => t.columns.some((c) => c.group === g.id));
  const memberless = groups.filter((g) => !memberGroups.includes(g));
  const rows: string[][] = [];
  const corner = t.cornerNote ?? t.labelHeader;
  if (memberless.length) {
    const h = blank();
    if (corner && labelColumns) h[0] = corner;
    let at = labelColumns;
    for (const g of groups) {
      const members = t.columns.map((c, i) => (c.group === g.id ? i : -1)).filter((i) => i >= 0);
      if (members.length) at = labelColumns + members[members.length - 1] + 1;
      else if (at < width) h[at++] = g.label;
    }
    rows.push(h);
  }
  if (memberGroups.length) {
    const h = blank();
    for (const g of memberGroups) h[labelColumns + t.columns.findIndex((c) => c.group === g.id)] = g.label;
    rows.push(h);
  }
  const h = blank();
  if (!memberless.length && corner && labelColumns) h[0] = corner;
  t.columns.forEach((c, i) => (h[labelColumns + i] = c.label));
  rows.push(h);
  return rows;
}

export interface Ctx {
  format: Format;
  rng: Rng;
  /** the running text's draws (rng, unless the options give the prose its own seed) */
  proseRng: Rng;
  opts: SynthOptions;
  layout: Layout;
  atx: boolean;
  spanStyle: SpanStyle;
  year: number;
  agency: string;
  values: Record<CellKey, number>;
  defect?: Defect;
  /** label pieces and other per-report drawing decisions, made once so that the two renders agree */
  decisions: Map<string, unknown>;
}

export function decide<T>(ctx: Ctx, id: string, make: () => T): T {
  if (!ctx.decisions.has(id)) ctx.decisions.set(id, make());
  return ctx.decisions.get(id) as T;
}

/** what rendering gives: the text, and where everything in it was written */
export type Rendered = Pick<Synth, 'text' | 'raw' | 'cells' | 'rows' | 'headings' | 'headingTitles' | 'injection'>;

/** One character of the label's words left out (never the enumerator, never the first or last word character). */
export function typoOf(label: string): string {
  const m = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/.exec(label);
  const head = m ? m[0] : '';
  const body = label.slice(head.length);
  const cjk = [...body].map((ch, i) => ({ ch, i })).filter((x) => /[\u4e00-\u9fff]/.test(x.ch));
  if (cjk.length < 4) throw new Error(`synth: label 「${label}」 is too short for a recognisable typo`);
  const at = cjk[Math.floor(cjk.length / 2)].i;
  const chars = [...body];
  chars.splice(at, 1);
  return head + chars.join('');
}

export function buildGrid(ctx: Ctx, r: Rendered, t: FormatTable): Grid {
  const labelled = t.rows.filter((x) => x.label !== null);
  const labelColumns = labelled.length ? Math.max(...labelled.map((x) => depthOf(t, x))) + 1 : 0;
  const rows: GridRow[] = [];
  const shown = new Set<string>();
  const defect = ctx.defect;
  for (const fr of t.rows) {
    if (!fr.data) continue;
    const rowKey = `${t.id}.${fr.id}`;
    const depth = fr.label === null ? 0 : depthOf(t, fr);
    const labels: Array<LabelCell | ''> = [];
    if (fr.label !== null) {
      for (const a of ancestors(t, fr)) {
        if (shown.has(a.id)) labels.push('');
        else {
          shown.add(a.id);
          labels.push({ text: a.label!, group: true });
        }
      }
      let text = fr.label;
      if (defect?.kind === 'label-typo' && defect.row === rowKey) {
        const typo = typoOf(text);
        r.injection = { defect, rule: 'label-variant', loc: undefined as unknown as Loc, table: t.id, row: fr.id, before: text, after: typo };
        text = typo;
      }
      labels.push({ text, own: rowKey });
      while (labels.length < labelColumns) labels.push('');
    }
    const values: GridRow['values'] = [];
    for (const c of t.columns) {
      const k = key(t.id, fr.id, c.id);
      const correct = formatValue(ctx.values[k], c.type);
      let raw: string | null = correct;
      if (defect && 'cell' in defect && defect.cell === k) {
        switch (defect.kind) {
          case 'number': {
            const v = ctx.values[k];
            let delta = defect.delta ?? (v > 0 && ctx.opts.seed % 2 ? -1 : 1 + (ctx.opts.seed % 3));
            if (delta === 0 || v + delta < 0) delta = Math.abs(delta) || 1;
            raw = formatValue(v + delta, c.type);
            r.injection = { defect, rule: 'arithmetic', loc: undefined as unknown as Loc, table: t.id, row: fr.id, column: c.id, before: correct, after: raw };
            break;
          }
          case 'raw':
            raw = defect.raw;
            r.injection = { defect, rule: 'cell-value', loc: undefined as unknown as Loc, table: t.id, row: fr.id, column: c.id, before: correct, after: raw };
            break;
          case 'blank':
            raw = '';
            r.injection = { defect, rule: 'cell-empty', loc: undefined as unknown as Loc, table: t.id, row: fr.id, column: c.id, before: correct, after: '' };
            break;
          case 'drop-cell':
            raw = null;
            r.injection = { defect, rule: 'cell-count', loc: undefined as unknown as Loc, table: t.id, row: fr.id, column: c.id, before: correct };
            break;
          case 'add-cell':
            r.injection = { defect, rule: 'cell-count', loc: undefined as unknown as Loc, table: t.id, row: fr.id, column: c.id, after: defect.raw ?? '1' };
            break;
        }
      }
      if (raw !== null) values.push({ key: k, raw });
      if (defect?.kind === 'add-cell' && defect.cell === k) values.push({ key: `${k}+`, raw: defect.raw ?? '1', extra: true });
    }
    rows.push({ rowKey, depth, labels, values });
  }
  return { table: t, labelColumns, headers: headerRows(t, labelColumns), rows };
}

export function recordLabel(r: Rendered, own: RowKey, loc: Loc): void {
  if (!r.rows[own]) r.rows[own] = loc;
  if (r.injection && r.injection.defect.kind === 'label-typo' && r.injection.defect.row === own && !r.injection.loc) r.injection.loc = loc;
}

export function recordCell(r: Rendered, row: GridRow, v: GridRow['values'][number], loc: Loc): void {
  if (!v.extra) {
    r.cells[v.key] = loc;
    r.raw[v.key] = v.raw;
  }
  if (!r.rows[row.rowKey]) r.rows[row.rowKey] = loc;
  const inj = r.injection;
  if (inj && !inj.loc && inj.table && inj.column && `${inj.table}.${inj.row}` === row.rowKey) {
    const d = inj.defect;
    if (d.kind === 'number' || d.kind === 'raw' || d.kind === 'blank') {
      if (d.cell === v.key) inj.loc = loc;
    }
  }
}

/** drop-cell / add-cell findings are on the row. */
export function finishRow(r: Rendered, row: GridRow): void {
  const inj = r.injection;
  if (inj && !inj.loc && (inj.defect.kind === 'drop-cell' || inj.defect.kind === 'add-cell') && `${inj.table}.${inj.row}` === row.rowKey) {
    inj.loc = r.rows[row.rowKey];
  }
}
