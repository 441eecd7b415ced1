/**
 * Word text export (seeds 000, 002): one cell a line after a tab, rows separated by blank lines, merged cells as
 * empty cells, U+00A0 / U+3000 padding, header labels broken inside a cell.
 */
import { type Ctx, type Grid, type Rendered, decide, finishRow, recordCell, recordLabel } from './grid.js';
import type { Rng } from './rng.js';
import type { Writer } from './writer.js';

const PADS = ['', '', '', '\u00a0', '\u3000', '\u3000\u3000', ' '];

export function writeWordTable(ctx: Ctx, w: Writer, r: Rendered, g: Grid, rng: Rng): void {
  const t = g.table;
  if (t.caption) {
    w.put('\t' + t.caption);
    w.nl(2);
  }
  for (const h of g.headers) {
    // a Word row: only the cells up to the last one with text (merged cells are empty cells)
    let last = h.length - 1;
    while (last > 0 && h[last] === '') last--;
    for (let i = 0; i <= last; i++) {
      const c = h[i];
      const broken = c.length >= 6 && c.length <= 14 && !t.cornerNote && decide(ctx, `hbreak-${t.id}-${i}`, () => rng.chance(0.5));
      if (broken) {
        const at = Math.ceil(c.length / 2) - 1;
        w.put('\t' + c.slice(0, at));
        w.nl();
        w.put(c.slice(at));
      } else w.put('\t' + c);
      w.nl();
    }
    w.nl();
  }
  for (const row of g.rows) {
    const ownIdx = row.labels.findIndex((l) => l !== '' && l.own);
    row.labels.forEach((l, i) => {
      if (l === '') {
        if (i < ownIdx) {
          w.put('\t');
          w.nl();
        }
        return;
      }
      w.put('\t');
      if (l.own) recordLabel(r, l.own, w.mark(l.text));
      else w.put(l.text);
      w.nl();
    });
    for (const v of row.values) {
      const [pre, post] = decide(ctx, `pad-${v.key}`, () => [rng.pick(PADS), rng.chance(0.2) ? '\u00a0' : '']);
      w.put('\t');
      // a blank cell is where its padding starts: the reader spans a blank cell's white space
      recordCell(r, row, v, v.raw === '' ? w.mark('', '', pre) : w.mark(v.raw, pre, post));
      w.nl();
    }
    w.nl();
    finishRow(r, row);
  }
}
