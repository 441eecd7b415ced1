/**
 * The prose corpora of test/fixtures/prose (negative.txt: sentences no prose rule may flag; positive.txt: one
 * changed number each, with the rule that must flag it), read and linted the same way by the test and by
 * scripts/prose-precision.mjs: each sentence becomes a paragraph of section 一 of a correct sample report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

/** The rules that read the prose against the tables and against itself. */
export const PROSE_RULES = ['narrative-sum', 'narrative-apply', 'narrative-review', 'narrative-t2', 'narrative-contradiction', 'narrative-percent', 'prose-number-missing'] as const;

export interface CorpusLine {
  line: number;
  text: string;
  /** positive lines: the rule that must report */
  rule?: string;
  /** positive lines marked ~: wording outside the rules' vocabulary, counted in the recall, not required by the test */
  hard?: boolean;
  /** negative lines written against their own report's tables (【本报告】): checked in the whole-report tests */
  own?: boolean;
}

function lines(file: string): Array<{ line: number; text: string }> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((text, i) => ({ line: i + 1, text: text.replace(/\r$/, '') }))
    .filter((l) => l.text.trim() !== '' && !l.text.startsWith('#'));
}

export function negativeCorpus(root = packageRoot()): CorpusLine[] {
  return lines(join(root, 'test', 'fixtures', 'prose', 'negative.txt')).map((l) =>
    l.text.startsWith('【本报告】') ? { ...l, text: l.text.slice('【本报告】'.length), own: true } : l,
  );
}

export function positiveCorpus(root = packageRoot()): CorpusLine[] {
  return lines(join(root, 'test', 'fixtures', 'prose', 'positive.txt')).map((l) => {
    const hard = l.text.startsWith('~');
    const t = hard ? l.text.slice(1) : l.text;
    const tab = t.indexOf('\t');
    return { line: l.line, rule: t.slice(0, tab), text: t.slice(tab + 1), hard };
  });
}

/** The sample report with the sentence as the first paragraph of section 一, and the line it is on. */
export function embed(sentence: string, root = packageRoot()): { text: string; line: number } {
  const base = readFileSync(join(root, 'samples', 'made', 'ok--2021-tab.txt'), 'utf8').split('\n');
  const h = base.findIndex((l) => l.startsWith('一、总体情况'));
  base.splice(h + 1, 0, '', sentence);
  return { text: base.join('\n'), line: h + 3 };
}
