#!/usr/bin/env node
// Precision and recall of the prose rules on the corpora of test/fixtures/prose (build first: npm run build).
// Prints, per rule, its findings on the negative corpus (every one a false alarm) and its recall on the positive set.
import { builtinRules, lint } from '../dist/src/index.js';
import { PROSE_RULES, embed, negativeCorpus, positiveCorpus } from '../dist/src/prose/corpus.js';

const settings = Object.fromEntries(builtinRules.rules.map((r) => [r.meta.id, PROSE_RULES.includes(r.meta.id) ? r.meta.severity : 'off']));
const run = (sentence) => {
  const { text, line } = embed(sentence);
  return lint(text, { rules: settings }).messages.filter((m) => m.line === line || (m.related ?? []).some((r) => r.line === line));
};

const neg = negativeCorpus().filter((l) => !l.own);
const pos = positiveCorpus();
const falseAlarms = new Map(PROSE_RULES.map((r) => [r, []]));
for (const l of neg) for (const m of run(l.text)) falseAlarms.get(m.ruleId)?.push(`negative.txt:${l.line} ${m.message}`);
const hits = new Map(PROSE_RULES.map((r) => [r, { total: 0, found: 0, missed: [] }]));
for (const l of pos) {
  const h = hits.get(l.rule);
  if (!h) continue;
  h.total++;
  if (run(l.text).some((m) => m.ruleId === l.rule)) h.found++;
  else h.missed.push(`positive.txt:${l.line}`);
}
console.log(`negative corpus: ${neg.length} sentences (and ${negativeCorpus().length - neg.length} checked in their own report); positive set: ${pos.length} sentences\n`);
console.log('rule                      false alarms   recall');
for (const r of PROSE_RULES) {
  const h = hits.get(r);
  const rec = h.total ? `${h.found}/${h.total} = ${((100 * h.found) / h.total).toFixed(0)}%` : '–';
  console.log(`${r.padEnd(26)}${String(falseAlarms.get(r).length).padStart(12)}   ${rec}`);
}
for (const r of PROSE_RULES) {
  for (const f of falseAlarms.get(r)) console.log(`  false alarm ${r}: ${f}`);
  for (const m of hits.get(r).missed) console.log(`  missed ${r}: ${m}`);
}
