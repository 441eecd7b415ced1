/**
 * Matching a label as written to the labels of the format: exact after normalising, a known or typo-like variant
 * (edit distance), or a fragment (a label broken over lines or pages).
 */
import { distance } from 'fastest-levenshtein';
import type { LabelMatch } from '../types.js';
import { normalizeLabel, stripEnumerator } from '../text/normalize.js';

/** A dictionary rewrite for labels: text matching `pattern` is replaced by `expected` before matching again. */
export interface LabelRewrite {
  pattern: RegExp;
  expected: string;
}

export interface MatchOptions {
  /** allow a match on a piece of a label (a prefix, suffix or inner part of at least half of it) */
  fragments?: boolean;
  /** dictionary rewrites tried when the text matches no label exactly */
  rewrites?: readonly LabelRewrite[];
}

export interface Candidate {
  id: string;
  label: string;
  variants?: readonly string[];
}

interface PreparedCandidate {
  id: string;
  label: string;
  norm: string;
  core: string;
  variants: Array<{ norm: string; core: string }>;
}

/** Candidates normalised once, matched many times. */
export class LabelSet {
  private readonly items: PreparedCandidate[];

  constructor(candidates: readonly Candidate[]) {
    this.items = candidates.map((c) => {
      const norm = normalizeLabel(c.label);
      return {
        id: c.id,
        label: c.label,
        norm,
        core: stripEnumerator(norm),
        variants: (c.variants ?? []).map((v) => {
          const n = normalizeLabel(v);
          return { norm: n, core: stripEnumerator(n) };
        }),
      };
    });
  }

  get size(): number {
    return this.items.length;
  }

  /**
   * The best match of `text`, or undefined when nothing matches closely enough or two candidates match equally well.
   * `fragments` allows a match on a piece of a label (a prefix, suffix or inner part of at least half of it).
   */
  match(text: string, opts: MatchOptions = {}): LabelMatch | undefined {
    const norm = normalizeLabel(text);
    if (norm === '') return undefined;
    const core = stripEnumerator(norm) || norm;
    // 1. exact, with or without the enumerator
    for (const c of this.items) {
      if (c.norm === norm || (c.core !== '' && c.core === core)) {
        return { id: c.id, canonical: c.label, distance: 0, kind: 'exact' };
      }
    }
    // 2. a known variant: a dictionary rewrite that makes it exact, or an older wording listed in the format
    for (const rw of opts.rewrites ?? []) {
      rw.pattern.lastIndex = 0;
      if (!rw.pattern.test(text)) continue;
      rw.pattern.lastIndex = 0;
      const fixed = normalizeLabel(text.replace(rw.pattern, rw.expected));
      const fixedCore = stripEnumerator(fixed) || fixed;
      for (const c of this.items) {
        if (c.norm === fixed || (c.core !== '' && c.core === fixedCore)) {
          return { id: c.id, canonical: c.label, distance: Math.max(1, distance(core, c.core)), kind: 'variant' };
        }
      }
    }
    for (const c of this.items) {
      for (const v of c.variants) {
        if (v.norm === norm || v.core === core) {
          return { id: c.id, canonical: c.label, distance: distance(core, c.core), kind: 'variant' };
        }
      }
    }
    // 3. a typo-like variant: the smallest edit distance, within what the label's length allows, and unique
    let best: PreparedCandidate | undefined;
    let bestD = Infinity;
    let second = Infinity;
    for (const c of this.items) {
      if (c.core === '') continue;
      if (Math.abs(c.core.length - core.length) > allowedDistance(c.core.length)) continue;
      const d = distance(core, c.core);
      if (d < bestD) {
        second = bestD;
        bestD = d;
        best = c;
      } else if (d < second) {
        second = d;
      }
    }
    if (best && bestD <= allowedDistance(best.core.length) && bestD < second) {
      return { id: best.id, canonical: best.label, distance: bestD, kind: 'variant' };
    }
    // 4. a fragment of exactly one label
    if (opts.fragments && core.length >= 2) {
      let hit: PreparedCandidate | undefined;
      let hits = 0;
      for (const c of this.items) {
        const inNorm = c.norm.includes(norm) || c.core.includes(core);
        if (inNorm && core.length * 2 >= c.core.length) {
          hits++;
          hit = c;
        }
      }
      if (hits === 1 && hit) {
        return { id: hit.id, canonical: hit.label, distance: distance(core, hit.core), kind: 'fragment' };
      }
    }
    return undefined;
  }

  /** True when `text` is part of some label (a piece of a label broken over lines). */
  isFragment(text: string): boolean {
    const norm = normalizeLabel(text);
    if (norm === '') return false;
    return this.items.some((c) => c.norm.includes(norm));
  }

  label(id: string): string | undefined {
    return this.items.find((c) => c.id === id)?.label;
  }
}

/** How many edits a label of this length may carry and still be recognised. */
export function allowedDistance(length: number): number {
  if (length <= 2) return 0;
  if (length <= 4) return 1;
  if (length <= 12) return 2;
  return Math.floor(length / 5);
}
