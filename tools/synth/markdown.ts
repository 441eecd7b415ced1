/** Markdown: GFM pipe tables (the `#` headings are written by report.ts for any layout with atx). */
import { type Ctx, type Grid, type Rendered, finishRow, recordCell, recordLabel } from './grid.js';
import type { Writer } from './writer.js';

export function writeGfmTable(ctx: Ctx, w: Writer, r: Rendered, g: Grid): void {
  const t = g.table;
  const width = g.labelColumns + t.columns.length;
  const line = (cells: string[]) => {
    w.put('| ' + cells.map((c) => (c === '' ? ' ' : c)).join(' | ') + ' |');
    w.nl();
  };
  const bodyHeaders = [...g.headers];
  const first = t.caption ? [t.caption, ...new Array(width - 1).fill('')] : bodyHeaders.shift()!;
  line(first);
  w.put('|' + new Array(first.length).fill(' --- ').join('|') + '|');
  w.nl();
  for (const h of bodyHeaders) line(h);
  for (const row of g.rows) {
    w.put('|');
    for (const l of row.labels) {
      w.put(' ');
      if (l !== '' && l.own) recordLabel(r, l.own, w.mark(l.text));
      else w.put(l === '' ? '' : l.text);
      w.put(' |');
    }
    for (const v of row.values) {
      // a blank cell is placed where its content starts, just after the pipe
      recordCell(r, row, v, v.raw === '' ? w.mark('', '', ' ') : w.mark(v.raw, ' '));
      w.put(' |');
    }
    w.nl();
    finishRow(r, row);
  }
  void ctx;
}
