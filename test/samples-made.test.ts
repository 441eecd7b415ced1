/**
 * samples/made/: the committed reports of our own making give exactly the findings their names promise
 * (ok--… none; <rule>--… that rule only, at the places the generator recorded), and they are what
 * `npm run make-samples` writes today.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules, lintFile } from '../src/index.js';
import { makeSamples, ruleOfSample } from '../bench/make-samples.js';

const dir = join(process.cwd(), 'samples', 'made');
const files = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).sort();
const made = new Map(makeSamples().map((s) => [s.file, s]));

test('the folder holds the samples that make-samples writes, as it writes them', () => {
  expect(files).toEqual([...made.keys()].sort());
  for (const f of files) expect({ f, same: readFileSync(join(dir, f), 'utf8') === made.get(f)!.text }).toEqual({ f, same: true });
});

/**
 * Rules that cannot fire alone in a made text sample; each is shown on real files in its own test file instead.
 */
const NO_MADE_SAMPLE: Record<string, string> = {
  // a report in the other year's format also has label-variant and cell-count findings in its tables
  'format-year': 'test/format-year.test.ts (seeds 000 and 001 with another year in the title)',
  // a publication date exists only in web pages (metadata or the article header)
  'publish-deadline': 'test/publish-deadline.test.ts (the pages PT2019 and PT2021)',
  // the made reports number their sections as the format does; a restructured outline is a fixture of its own
  'subtopic-as-section': 'test/subtopic-as-section.test.ts and test/fixtures/identity/subtopic-as-section-2021.txt',
};

test('every built-in rule has a sample that makes it fire, and there are correct ones in four layouts', () => {
  const shown = new Set(files.map(ruleOfSample));
  // a cross-file rule fires only beside another report: its examples are pairs (test/fixtures/crossyear, its docs page)
  for (const r of builtinRules.rules) if (!NO_MADE_SAMPLE[r.meta.id] && !r.meta.crossFile) expect(shown).toContain(r.meta.id);
  expect(files.filter((f) => f.startsWith('ok--'))).toHaveLength(4);
});

test.each(files)('%s gives exactly the findings its name promises', async (f) => {
  const res = await lintFile(join(dir, f));
  const rule = ruleOfSample(f);
  if (!rule) {
    expect(res.messages).toEqual([]);
    return;
  }
  expect(res.messages.length).toBeGreaterThan(0);
  expect(new Set(res.messages.map((m) => m.ruleId))).toEqual(new Set([rule]));
  const got = res.messages.map((m) => `${m.ruleId}@${m.line}`).sort();
  const want = made.get(f)!.findings.map((x) => `${x.ruleId}@${x.line}`).sort();
  expect(got).toEqual(want);
});
