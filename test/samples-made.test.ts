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

test('every built-in rule has a sample that makes it fire, and there are correct ones in four layouts', () => {
  const shown = new Set(files.map(ruleOfSample));
  // a cross-file rule fires only beside another report: its examples are pairs (test/fixtures/crossyear, its docs page)
  for (const r of builtinRules.rules) if (!r.meta.crossFile) expect(shown).toContain(r.meta.id);
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
