/**
 * Helpers for the tests of the identity and numbering rules (issue 10). The report template is the precision
 * corpus's (bench/identity-corpus.ts).
 */
import { builtinRules, lint, type LintMessage } from '../../src/index.js';

export { IDENTITY_RULES, PREAMBLE, reportText, type ReportParts } from '../../bench/identity-corpus.js';

/** Lint with only these rules on (at their default severity, with options for the first). */
export function lintOnly(rules: string | readonly string[], text: string, o: { options?: Record<string, unknown>; filePath?: string } = {}): LintMessage[] {
  const on = new Set(typeof rules === 'string' ? [rules] : rules);
  const first = typeof rules === 'string' ? rules : rules[0];
  const settings: Record<string, unknown> = {};
  for (const r of builtinRules.rules) {
    settings[r.meta.id] = on.has(r.meta.id) ? { severity: r.meta.severity, ...(r.meta.id === first && o.options ? { options: o.options } : {}) } : 'off';
  }
  return lint(text, { rules: settings as never, ...(o.filePath ? { filePath: o.filePath } : {}) }).messages;
}

/** The text a message covers, in a text of one line per line. */
export function covered(text: string, m: LintMessage): string {
  const lines = text.split('\n');
  if (m.line !== m.endLine) return lines[m.line - 1].slice(m.column - 1);
  return lines[m.line - 1].slice(m.column - 1, m.endColumn - 1);
}
