import { closest, distance } from 'fastest-levenshtein';

/** The candidate closest to a misspelt word, when it is close enough to be a likely meaning. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (!candidates.length) return undefined;
  const c = closest(word, [...candidates]);
  return distance(word, c) <= Math.max(2, Math.floor(c.length / 3)) ? c : undefined;
}
