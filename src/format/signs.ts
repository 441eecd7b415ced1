/**
 * Signs that a text is an annual report, for a text in which no section heading was recognised: its title, section
 * titles written without their numbers or numbered otherwise (第一部分 总体情况, 1. 总体情况), and rows of the
 * format's tables. A file with such signs is a report whose structure could not be read — an error, so that a CI
 * gate never passes a report nobody checked; a file with none (a README, a news page) is no report.
 */
import type { Format } from './formats.js';
import { recognizer } from './recognize.js';
import { normalizeLabel } from '../text/normalize.js';
import type { Position } from '../types.js';
import type { Skeleton } from '../skeleton.js';

export interface ReportSigns {
  title?: { value: string; position: Position };
  /** section titles found without a heading the reader recognises (总体情况 …), as written */
  headings: Array<{ value: string; position: Position }>;
  /** row labels of the format's tables found in the text */
  labels: string[];
}

/** Enumerators a heading may carry that are not 一、: 第一部分, 1. 1、 (一) 一. */
const OTHER_ENUMERATOR = /^(?:第[一二三四五六七八九十\d]+部分|[（(][一二三四五六七八九十\d]+[)）]|\d+\s*[.、．]|[一二三四五六七八九十]+\s*[.．、])\s*/;

/** Row labels long enough to be a sign of themselves (本年新收政府信息公开申请数量 …). */
function signLabels(formats: readonly Format[]): string[] {
  const out = new Set<string>();
  for (const f of formats) {
    for (const t of f.data.tables) {
      for (const r of t.rows) {
        if (r.label === null) continue;
        const core = normalizeLabel(r.label).replace(/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)/, '');
        if (core.length >= 8) out.add(core);
      }
    }
  }
  return [...out];
}

const labelCache = new WeakMap<readonly Format[], string[]>();

export function reportSigns(skel: Skeleton, formats: readonly Format[]): ReportSigns {
  let labels = labelCache.get(formats);
  if (!labels) labelCache.set(formats, (labels = signLabels(formats)));
  const headings: ReportSigns['headings'] = [];
  const found = new Set<string>();
  const seenSections = new Set<string>();
  for (const p of skel.preamble.slice(0, 2000)) {
    const v = p.value.trim();
    if (v.length <= 40) {
      const bare = v.replace(OTHER_ENUMERATOR, '');
      const h = bare ? recognizer(formats).heading(`一、${bare}`) : undefined;
      if (h?.sectionId && !seenSections.has(h.sectionId) && (h.titleMatch?.kind === 'exact' || bare !== v)) {
        seenSections.add(h.sectionId);
        headings.push({ value: v, position: p.position });
      }
    }
    if (found.size < labels.length && v.length <= 400) {
      const n = normalizeLabel(v);
      for (const l of labels) if (n.includes(l)) found.add(l);
    }
  }
  return { title: skel.title, headings, labels: [...found] };
}

/** Whether the signs say the text is a report (whose structure was not read). */
export function looksLikeReport(s: ReportSigns): boolean {
  return s.title !== undefined || s.headings.length > 0 || s.labels.length >= 2;
}
