/**
 * The prose rules on the corpora of test/fixtures/prose and on the real reports: no finding on any sentence of the
 * negative corpus (real sentences of the seeds and the public pages, and sentences in their styles), every
 * sentence of the positive set found by its rule, the real defects found at their places and nothing else.
 */
import { builtinRules, lint } from '../src/index.js';
import { PROSE_RULES, embed, negativeCorpus, positiveCorpus } from '../src/prose/corpus.js';
import { ROOT, SEEDS, readSample, spanText } from './support/reports.js';

const settings = Object.fromEntries(builtinRules.rules.map((r) => [r.meta.id, (PROSE_RULES as readonly string[]).includes(r.meta.id) ? r.meta.severity : 'off'] as const));
const run = (sentence: string) => {
  const { text, line } = embed(sentence, ROOT);
  // a finding on the sentence, or one elsewhere that names the sentence as a related place (a contradiction)
  return lint(text, { rules: settings }).messages.filter((m) => m.line === line || (m.related ?? []).some((r) => r.line === line));
};

test('every prose rule is a built-in rule', () => {
  const ids = builtinRules.rules.map((r) => r.meta.id);
  for (const r of PROSE_RULES) expect(ids).toContain(r);
});

const negative = negativeCorpus(ROOT).filter((l) => !l.own);
test('the negative corpus holds the real sentences and ours', () => {
  expect(negative.length).toBeGreaterThan(100);
});
test.each(negative.map((l) => [l.line, l.text] as const))('negative.txt:%i gives no prose finding', (_line, text) => {
  expect(run(text).map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
});

test.each(positiveCorpus(ROOT).filter((l) => !l.hard).map((l) => [l.line, l.rule!, l.text] as const))('positive.txt:%i is found by %s', (_line, rule, text) => {
  expect(run(text).some((m) => m.ruleId === rule)).toBe(true);
});

describe('the real reports', () => {
  const lintProse = (rel: string) => lint(readSample(rel), { filePath: `${ROOT}/${rel}`, rules: settings });

  test.each(Object.values(SEEDS))('%s: no prose finding (its correct lists and zero statements agree)', (rel) => {
    expect(lintProse(rel).messages).toEqual([]);
  });

  test('PT2021: no prose finding (收到70件, 办结69件, 1件结转 agree with table 三)', () => {
    expect(lintProse('samples/pages/PT2021.html').messages).toEqual([]);
  });

  test('PT2019: the 2599 total (parts 2533) and the item without its number, at their places', () => {
    const rel = 'samples/pages/PT2019.html';
    const html = readSample(rel);
    const ms = lintProse(rel).messages;
    expect(ms.map((m) => [m.ruleId, spanText(html, m)])).toEqual([
      ['narrative-sum', '2599条'],
      ['prose-number-missing', '全年公开核准企业资质条'],
    ]);
    expect(ms[0]).toMatchObject({ severity: 2, expected: '2533', actual: '2599' });
    expect(ms[0].related).toHaveLength(11);
  });
});
