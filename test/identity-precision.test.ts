/**
 * Precision and recall of the identity and numbering rules on their corpus (bench/identity-corpus.ts): real titles,
 * preambles, sentences and dates of the seeds and the two public pages, and sentences written in the real styles of
 * review-checks.md. No rule may fire on a negative; the named rule must fire on every positive.
 * `node dist/bench/identity-corpus.js` prints the same as a table.
 */
import { buildCorpus, lintItem, loadCorpus } from '../bench/identity-corpus.js';

const { negatives, positives } = loadCorpus();

test('the corpus is big enough to mean something, and is what the samples and handwritten.json make', () => {
  expect(negatives.length).toBeGreaterThanOrEqual(150);
  expect(positives.length).toBeGreaterThanOrEqual(50);
  const sources = new Set(negatives.map((n) => n.source));
  for (const s of ['SEED000', 'SEED001', 'SEED002', 'SEED003', 'SEED004', 'PT2019', 'PT2021']) expect(sources).toContain(s);
  expect(buildCorpus()).toEqual({ negatives, positives });
});

describe('negatives: no finding', () => {
  test.each(negatives.map((n) => [`${n.id} (${n.source}: ${n.note ?? ''})`, n] as const))('%s', (_, item) => {
    expect(lintItem(item).map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
  });
});

describe('positives: the named rule fires', () => {
  test.each(positives.map((p) => [`${p.rule} ← ${p.id} (${p.note ?? ''})`, p] as const))('%s', (_, item) => {
    expect(lintItem(item).map((m) => m.ruleId)).toContain(item.rule);
  });
});
