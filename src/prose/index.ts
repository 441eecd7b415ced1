/**
 * The prose of a report as rules query it: paragraphs of the preamble and of the sections (never table cells),
 * normalised, split into sentences and clauses, with their numbers (numbers.ts) and lists (lists.ts). Built once
 * per report, on first use, and offered to rules (and plugins) as `context.prose()`.
 */
import type { SourceText } from '../text/lines.js';
import type { Report } from '../types.js';
import { findLists, findOutcomeLists, type ProseList } from './lists.js';
import { readParagraph, type ProseNumber, type ProseParagraph, type ProseSentence } from './numbers.js';

export type { ProseList } from './lists.js';
export type { NumberKind, ProseClause, ProseNumber, ProseParagraph, ProseSentence } from './numbers.js';
export { chineseNumber, normalizeProse } from './numbers.js';
export { prefixMatches, sumOf } from './lists.js';

export interface Prose {
  paragraphs: ProseParagraph[];
  /** every number of every paragraph, in order */
  numbers: ProseNumber[];
  /** every list (a total and its parts), in order */
  lists: ProseList[];
  /** the sentences of the paragraphs of some sections ('pre' for the preamble), in order */
  sentences(sectionIds?: readonly string[]): Array<{ paragraph: ProseParagraph; sentence: ProseSentence }>;
}

const cache = new WeakMap<Report, Prose>();

export function readProse(report: Report, source: SourceText): Prose {
  const hit = cache.get(report);
  if (hit) return hit;
  const paragraphs: ProseParagraph[] = [];
  for (const c of report.children) {
    if (c.type === 'paragraph') paragraphs.push(readParagraph(c, 'pre', source));
    else if (c.type === 'section') for (const p of c.children) if (p.type === 'paragraph') paragraphs.push(readParagraph(p, c.sectionId, source));
  }
  const numbers = paragraphs.flatMap((p) => p.numbers);
  const lists = paragraphs.flatMap((p) => {
    const own = findLists(p);
    return [...own, ...findOutcomeLists(p, own)].sort((a, b) => a.total.index - b.total.index);
  });
  const prose: Prose = {
    paragraphs,
    numbers,
    lists,
    sentences(ids) {
      const out: Array<{ paragraph: ProseParagraph; sentence: ProseSentence }> = [];
      for (const p of paragraphs) {
        if (ids && !ids.includes(p.sectionId ?? '')) continue;
        for (const s of p.sentences) out.push({ paragraph: p, sentence: s });
      }
      return out;
    },
  };
  cache.set(report, prose);
  return prose;
}
