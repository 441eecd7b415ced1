/**
 * The Recognizer readers use (skeleton.ts), built from the formats' data: section titles, their variants and
 * keywords; table captions (by each format's captionPattern); every table label. Built once per set of formats.
 */
import type { HeadingMatch, Recognizer } from '../skeleton.js';
import { chineseNumeralValue, normalizeLabel, stripEnumerator } from '../text/normalize.js';
import type { Format } from './formats.js';
import { LabelSet } from './match.js';
import { MAX_HEADING_CHARS, REWORDED_HEADING_FACTOR, REWORDED_HEADING_SLACK } from '../text/heuristics.js';

const HEADING = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(\S.*)$/;

/** Section titles of every known format, keyed by section id. */
function sectionTitleSet(formats: readonly Format[]): { set: LabelSet; keywords: Map<string, string[]>; titles: Map<string, string> } {
  const seen = new Map<string, { id: string; label: string; variants: string[] }>();
  const keywords = new Map<string, string[]>();
  const titles = new Map<string, string>();
  for (const f of formats) {
    for (const s of f.data.sections) {
      const prev = seen.get(s.id);
      if (prev) prev.variants.push(...(s.variants ?? []), s.title);
      else seen.set(s.id, { id: s.id, label: s.title, variants: [...(s.variants ?? [])] });
      if (s.keywords) keywords.set(s.id, s.keywords);
      titles.set(s.id, s.title);
    }
  }
  return { set: new LabelSet([...seen.values()]), keywords, titles };
}



/** The labels of every table of the formats (rows, columns, captions), normalised, with and without enumerators. */
function labelIndex(formats: readonly Format[]): Set<string> {
  const set = new Set<string>();
  for (const f of formats) {
    for (const t of f.data.tables) {
      const labels = [...t.rows.map((r) => r.label), ...t.columns.map((c) => c.label), ...(t.columnGroups ?? []).map((g) => g.label), t.caption];
      for (const l of labels) {
        if (!l) continue;
        const n = normalizeLabel(l);
        set.add(n);
        const core = stripEnumerator(n);
        if (core.length >= 2) set.add(core);
      }
    }
  }
  return set;
}

const recognizers = new WeakMap<readonly Format[], Recognizer>();

/** The recognizer of a set of formats (cached: the formats are the same objects for every file of a run). */
export function recognizer(formats: readonly Format[]): Recognizer {
  let r = recognizers.get(formats);
  if (r) return r;
  const titles = sectionTitleSet(formats);
  const labels = labelIndex(formats);
  const captions = [...new Set(formats.map((f) => f.captionPattern).filter((p): p is RegExp => p !== undefined))];
  r = {
    heading: (text) => matchHeading(text, titles),
    isCaption: (n) => captions.some((c) => c.test(n)),
    isTableLabel: (n) => labels.has(n) || labels.has(stripEnumerator(n)),
  };
  recognizers.set(formats, r);
  return r;
}

function matchHeading(value: string, titles: ReturnType<typeof sectionTitleSet>): HeadingMatch | undefined {
  if (value.length > MAX_HEADING_CHARS) return undefined;
  const m = HEADING.exec(value);
  if (!m) return undefined;
  const index = chineseNumeralValue(m[1]);
  if (!index) return undefined;
  const titleText = m[2].trim();
  const norm = normalizeLabel(titleText);
  let match = titles.set.match(titleText);
  if (!match) {
    // a reworded heading: every keyword of one section, and not much longer than its title
    for (const [id, kws] of titles.keywords) {
      const canonical = titles.titles.get(id)!;
      if (kws.length && kws.every((k) => norm.includes(k)) && norm.length <= canonical.length * REWORDED_HEADING_FACTOR + REWORDED_HEADING_SLACK) {
        match = { id, canonical, distance: -1, kind: 'variant' };
        break;
      }
    }
  }
  if (!match) return undefined;
  return {
    type: 'section',
    number: m[1],
    index,
    sectionId: match.id,
    titleText,
    titleMatch: { kind: match.kind, canonical: match.canonical, distance: match.distance },
  };
}

