/**
 * Autofix: the fixes of the findings are range edits on the decoded text, applied in passes until nothing more
 * can be fixed (each pass lints the text again), as ESLint's source-code-fixer does:
 *
 * - fixes are applied in the order of their ranges; a fix that overlaps or touches one already applied in the
 *   pass waits for the next pass (where it is recomputed on the new text, if still needed);
 *   at most MAX_PASSES passes;
 * - a fix never changes a number: one whose removed text and inserted text do not hold the same digits (Arabic,
 *   full-width or Chinese numerals, in the same order) is refused, whatever rule offers it;
 * - the findings of the result are those of the final text.
 *
 * Nothing here knows a rule; which fixes may be applied is the caller's predicate (--fix-type).
 */
import type { Fix, LintMessage, LintResult } from '../types.js';

export const MAX_PASSES = 10;

/**
 * The numbers of a text, which a fix must not change: numbers in Arabic or full-width digits with what makes their
 * value (a decimal point, a thousands separator, a sign or percent sign next to them: 1.5 is not 15, 1,234 is kept
 * as written), and Chinese numerals, in order.
 */
const NUMERAL = /[-−+]?[0-9０-９]+(?:[.．,，][0-9０-９]+)*[%％‰]?|[〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟点负]/g;

function numerals(s: string): string {
  return (s.match(NUMERAL) ?? []).map((t) => t.replace(/[０-９．，％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))).join('|');
}

/** Why a fix may not be applied to a text, or undefined when it is safe. */
export function unsafeFixReason(text: string, fix: Fix): string | undefined {
  const [start, end] = fix.range ?? [];
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) return '修正的位置超出了文本范围';
  if (typeof fix.text !== 'string') return '修正没有给出替换的文字';
  if (numerals(text.slice(start, end)) !== numerals(fix.text)) return '修正会改动数字';
  return undefined;
}

export function isSafeFix(text: string, fix: Fix): boolean {
  return unsafeFixReason(text, fix) === undefined;
}

export interface FixPassResult {
  output: string;
  /** the fixes applied in this pass */
  applied: LintMessage[];
}

/** One pass: apply the safe, non-overlapping fixes of the messages that `shouldFix` accepts. */
export function applyFixes(text: string, messages: readonly LintMessage[], shouldFix: (m: LintMessage) => boolean = () => true): FixPassResult {
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const candidates = messages
    .filter((m) => m.fix && shouldFix(m) && isSafeFix(text, m.fix))
    // a fix that changes nothing is no fix (and would keep the passes going)
    .filter((m) => text.slice(m.fix!.range[0], m.fix!.range[1]) !== m.fix!.text)
    .sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1]);
  let output = '';
  let last = -1;
  const applied: LintMessage[] = [];
  for (const m of candidates) {
    const [start, end] = m.fix!.range;
    if (start <= last) continue; // overlaps or touches the previous fix: next pass
    output += text.slice(Math.max(0, last), start);
    // new line breaks follow the file's own (CRLF stays CRLF)
    output += m.fix!.text.replace(/\r\n|\r|\n/g, eol);
    last = end;
    applied.push(m);
  }
  if (!applied.length) return { output: text, applied };
  output += text.slice(last);
  return { output, applied };
}

export interface FixOutcome {
  /** the result of linting the final text; `output` is set when the text changed */
  result: LintResult;
  /** the final text */
  output: string;
  /** number of passes that changed the text */
  passes: number;
  /** number of fixes applied over all passes */
  fixCount: number;
}

/**
 * Lint, fix, lint again … until no fix applies (at most MAX_PASSES passes). `lint` lints a text; the result is
 * that of the last text.
 */
export function fixText(text: string, lint: (text: string) => LintResult, shouldFix?: (m: LintMessage) => boolean): FixOutcome {
  let output = text;
  let result = lint(output);
  let passes = 0;
  let fixCount = 0;
  while (passes < MAX_PASSES) {
    const pass = applyFixes(output, result.messages, shouldFix);
    if (!pass.applied.length || pass.output === output) break;
    passes++;
    fixCount += pass.applied.length;
    output = pass.output;
    result = lint(output);
  }
  if (output !== text) result = { ...result, output };
  return { result, output, passes, fixCount };
}
