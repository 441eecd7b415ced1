import { builtinRules, lint, type LintMessage } from '../src/index.js';
import { embed } from '../src/prose/corpus.js';
import { ROOT, spanText } from './support/reports.js';

/** Lint the correct 2021 sample with the sentence as the first paragraph of section 一, only the given rule on. */
export function lintSentence(rule: string, sentence: string): { messages: LintMessage[]; text: string; line: number } {
  const { text, line } = embed(sentence, ROOT);
  const rules = Object.fromEntries(builtinRules.rules.map((r) => [r.meta.id, r.meta.id === rule ? r.meta.severity : 'off'] as const));
  return { messages: lint(text, { rules }).messages, text, line };
}

/** The findings of a rule on a sentence: [text pointed at, message]. */
export function findings(rule: string, sentence: string): Array<{ at: string; message: string; severity: number; related: string[] }> {
  const { messages, text } = lintSentence(rule, sentence);
  return messages.map((m) => ({ at: spanText(text, m), message: m.message, severity: m.severity, related: (m.related ?? []).map((r) => spanText(text, r)) }));
}
