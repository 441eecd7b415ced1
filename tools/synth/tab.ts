/**
 * Tab-separated rows (seeds 001, 003, 004): a table row a line, labels first, empty placeholder cells where labels
 * span columns. PDF text is written the same way, with the label pieces of pdf.ts and rows broken by page breaks.
 */
import { type Ctx, type Grid, type GridRow, type Rendered, decide, finishRow, recordCell, recordLabel } from './grid.js';
import { breakPoint, groupSplit, spaced } from './pdf.js';
import type { Rng } from './rng.js';
import type { RowKey } from './types.js';
import type { Writer } from './writer.js';

export function writeTabTable(ctx: Ctx, w: Writer, r: Rendered, g: Grid, rng: Rng, padTo: number): void {
  const t = g.table;
  const pdf = ctx.layout === 'pdf';
  const width = g.labelColumns + t.columns.length;
  const pad = (cells: string[]) => (padTo > cells.length ? [...cells, ...new Array(padTo - cells.length).fill('')] : cells);
  if (t.caption) {
    w.put(pad([t.caption, ...new Array(width - 1).fill('')]).join('\t'));
    w.nl();
  }
  for (const h of g.headers) {
    w.put(pad(h.map((c) => (pdf && c ? spaced(c, rng) : c))).join('\t'));
    w.nl();
  }
  const spanStyle = ctx.spanStyle;
  // pieces of group labels broken over the lines of their rows (三、 / 本年度办 / 理 结 果)
  const groupPieces: string[] = [];
  for (const row of g.rows) {
    const cells: string[] = [];
    const notes: Array<{ idx: number; own?: RowKey }> = [];
    let continuation: string[] | undefined;
    let trailing = 0;
    let contValues: GridRow['values'] = [];
    let values = row.values;
    const ownIdx = row.labels.findIndex((l) => l !== '' && l.own);
    row.labels.forEach((l, i) => {
      if (l === '') {
        if (i === 0 && groupPieces.length) cells.push(groupPieces.shift()!);
        else if (i > ownIdx && ownIdx >= 0) {
          if (spanStyle === 'after-label') cells.push('');
          else if (spanStyle === 'row-end') trailing++;
        } else cells.push('');
        return;
      }
      let text = l.text;
      if (pdf && l.group && i === 0 && decide(ctx, `gsplit-${row.rowKey}`, () => rng.chance(0.5))) {
        const pieces = groupSplit(text);
        if (pieces) {
          text = pieces[0];
          groupPieces.push(...pieces.slice(1));
        }
      }
      if (pdf && l.own) {
        const bp = decide(ctx, `break-${row.rowKey}`, () => (rng.chance(0.7) ? breakPoint(text, rng) : undefined));
        const cont = decide(ctx, `cont-${row.rowKey}`, () => bp === undefined && [...text].length >= 9 && rng.chance(0.15));
        if (bp !== undefined) {
          const chars = [...text];
          continuation = new Array(i).fill('');
          continuation.push(chars.slice(bp).join(''));
          text = chars.slice(0, bp).join('');
        } else if (cont) {
          // the label's last word (two characters) on the next line (4.无正当理由大量反复 / 申请)
          const chars = [...text];
          let cut = chars.length;
          for (let n = 0; cut > 0 && n < 2; ) if (/[\u4e00-\u9fff]/.test(chars[--cut])) n++;
          continuation = [''];
          continuation.push(chars.slice(cut).join(''));
          text = chars.slice(0, cut).join('');
        }
        text = decide(ctx, `spaced-${row.rowKey}`, () => spaced(text, rng));
      } else if (pdf && l.group) text = decide(ctx, `gspaced-${row.rowKey}-${i}`, () => spaced(text, rng));
      cells.push(text);
      notes.push({ idx: cells.length - 1, own: l.own });
    });
    // a row broken by a page break: its last cells on the next line
    if (pdf && !continuation && spanStyle !== 'row-end' && values.length > 4 && decide(ctx, `pagebreak-${row.rowKey}`, () => rng.chance(0.06))) {
      const at = rng.int(2, values.length - 2);
      contValues = values.slice(at);
      values = values.slice(0, at);
    }
    // write the line, recording where the label and the cells are
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) w.put('\t');
      const note = notes.find((n) => n.idx === i);
      if (note?.own) {
        const text = cells[i];
        const lead = text.length - text.trimStart().length;
        recordLabel(r, note.own, w.mark(text.trim(), text.slice(0, lead), text.slice(lead + text.trim().length)));
      } else w.put(cells[i]);
    }
    values.forEach((v, i) => {
      if (cells.length || i > 0) w.put('\t');
      recordCell(r, row, v, w.mark(v.raw));
    });
    for (let i = 0; i < trailing; i++) w.put('\t');
    w.nl();
    if (contValues.length) {
      contValues.forEach((v, i) => {
        if (i > 0) w.put('\t');
        recordCell(r, row, v, w.mark(v.raw));
      });
      w.nl();
    }
    if (continuation) {
      if (rng.chance(0.5)) w.nl(); // the page break's blank line
      const line = [...continuation];
      if (groupPieces.length && line[0] === '') line[0] = groupPieces.shift()!;
      w.put([...line, ...new Array(Math.max(0, width - line.length)).fill('')].join('\t'));
      w.nl();
    }
    finishRow(r, row);
  }
  // group pieces left over: on a line of their own
  if (groupPieces.length) {
    w.put([groupPieces.join(''), ...new Array(width - 1).fill('')].join('\t'));
    w.nl();
  }
}
