/**
 * Which format a report is written in: by its year (2019 format for 2019–2020, 2021 format from 2021), or,
 * when the report gives no year, by which format's table labels its tables carry.
 */
import type { Skeleton } from '../skeleton.js';
import { isLabelCell } from './bind.js';
import type { Format } from './formats.js';

export interface FormatChoice {
  format: Format;
  reason: 'year' | 'structure' | 'option' | 'default';
}

export function selectFormat(skel: Skeleton, formats: readonly Format[], wanted?: string): FormatChoice {
  if (wanted) {
    const f = formats.find((x) => x.short === wanted || x.id === wanted);
    if (f) return { format: f, reason: 'option' };
  }
  if (skel.year !== undefined) {
    const f = formats.find((x) => x.appliesTo(skel.year!));
    if (f) return { format: f, reason: 'year' };
  }
  // by structure: how many label cells agree exactly with each format's tables
  let best: Format | undefined;
  let bestScore = 0;
  for (const f of formats) {
    let score = 0;
    for (const s of skel.sections) {
      if (!s.sectionId) continue;
      const ts = f.tablesOf(s.sectionId);
      for (const c of s.children) {
        if (c.type !== 'raw-table') continue;
        for (const r of c.rows) {
          for (const cell of r.cells) {
            if (!isLabelCell(cell)) continue;
            if (ts.some((t) => f.rowLabels(t.id).match(cell.text)?.kind === 'exact' || f.headerLabels(t.id).match(cell.text)?.kind === 'exact')) score++;
          }
        }
      }
    }
    if (score > bestScore || (score === bestScore && best !== undefined && score > 0 && f.data.years.from > best.data.years.from)) {
      best = f;
      bestScore = score;
    }
  }
  if (best && bestScore > 0) return { format: best, reason: 'structure' };
  return { format: formats[formats.length - 1], reason: 'default' };
}
