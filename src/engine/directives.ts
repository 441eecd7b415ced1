/**
 * Inline directives: which findings they silence, and the findings about the directives themselves.
 * ESLint's semantics, applied to a report's lines:
 *
 * - `report-lint-disable [rules] [-- reason]`: from here on, until `report-lint-enable` or the end of the file.
 * - `report-lint-enable [rules]`: without rules, every rule again; with rules, those rules again (also after a
 *   `report-lint-disable` of all rules).
 * - `report-lint-disable-next-line [rules] [-- reason]`: the next line of report text (blank lines and other
 *   directive lines in between are skipped).
 * - `report-lint-disable-line [rules] [-- reason]`: written inside a line (an HTML comment at its end), that line;
 *   on a line of its own, which holds no report text, the line of report text just above it (blank lines and
 *   directive lines skipped) — the line it annotates.
 * - No rule list = every rule. A finding is placed at its start (line and column).
 * - Fatal findings (a file that cannot be read, a rule that crashed) are never suppressed. Findings without a rule
 *   (ruleId null) are suppressed only by directives without a rule list.
 *
 * Findings about the directives have ruleId null, as ESLint's: an unknown directive word or rule id (always, as
 * errors, with a did-you-mean), directives that suppressed nothing (when asked for: reportUnused) and disable
 * directives without a reason (when asked for: requireReason).
 */
import { closest } from 'fastest-levenshtein';
import { DIRECTIVE_KINDS, scanDirectives, type DirectiveComment, type DirectiveRuleRef } from '../readers/directive-comments.js';
import { SourceText, isBlank } from '../text/lines.js';
import type { LintMessage, SuppressedMessage } from '../types.js';

export interface DirectiveOptions {
  /** severity of the findings about directives that suppressed nothing; 0 = do not report them */
  reportUnused?: 0 | 1 | 2;
  /** report disable directives without a `-- reason` */
  requireReason?: boolean;
  /** every rule id that exists (also rules turned off): other ids in a directive are reported as unknown */
  knownRuleIds: ReadonlySet<string>;
  /** the rules that ran: a directive naming a rule that did not run is not reported as unused */
  activeRuleIds: ReadonlySet<string>;
}

export interface DirectiveOutcome {
  messages: LintMessage[];
  suppressed: SuppressedMessage[];
}

interface Directive {
  comment: DirectiveComment;
  kind: (typeof DIRECTIVE_KINDS)[number];
  /** null = every rule */
  rules: string[] | null;
  refs: DirectiveRuleRef[];
  /** for line directives: the line they apply to (0 = none) */
  target: number;
  /** rule ids (or '*' for a directive without rules) for which it suppressed something */
  used: Set<string>;
}

const NAME = (kind: string) => `report-lint-${kind}`;

export function applyDirectives(text: string, messages: LintMessage[], opts: DirectiveOptions): DirectiveOutcome {
  if (!text.includes('report-lint-')) return { messages, suppressed: [] };
  const source = new SourceText(text);
  const comments = scanDirectives(source);
  if (!comments.length) return { messages, suppressed: [] };

  const problems: LintMessage[] = [];
  const at = (start: number, end: number, message: string, severity: 1 | 2): LintMessage => {
    const p = source.position(start, end);
    return { ruleId: null, severity, message, line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column };
  };

  // 1. read the directives; unknown words and rule ids are reported whatever the options
  const directiveLines = new Set(comments.filter((c) => c.ownLine).map((c) => c.line));
  const directives: Directive[] = [];
  for (const c of comments) {
    if (!(DIRECTIVE_KINDS as readonly string[]).includes(c.kind)) {
      const guess = closest(c.kind, [...DIRECTIVE_KINDS]);
      problems.push(
        at(
          c.start,
          c.end,
          `不认识的指令「${NAME(c.kind)}」，是否想写「${NAME(guess)}」？可用的指令有：${DIRECTIVE_KINDS.map(NAME).join('、')}`,
          2,
        ),
      );
      continue;
    }
    const kind = c.kind as Directive['kind'];
    const refs: DirectiveRuleRef[] = [];
    for (const r of c.rules) {
      if (opts.knownRuleIds.has(r.id)) refs.push(r);
      else {
        const guess = opts.knownRuleIds.size ? closest(r.id, [...opts.knownRuleIds]) : undefined;
        problems.push(at(r.start, r.end, `指令「${NAME(kind)}」中的规则「${r.id}」不存在${guess ? `，是否想写「${guess}」？` : ''}`, 2));
      }
    }
    if (opts.requireReason && kind !== 'enable' && !c.reason) {
      problems.push(
        at(c.start, c.end, `指令「${NAME(kind)}」没有写明原因：请在后面加上「-- 原因」，例如 ${NAME(kind)} cell-empty -- 表格按上级要求原样转载`, 2),
      );
    }
    // a list of unknown ids only: the directive applies to nothing (never to every rule)
    const rules = c.rules.length ? refs.map((r) => r.id) : null;
    directives.push({ comment: c, kind, rules, refs, target: targetLine(c, kind, source, directiveLines), used: new Set() });
  }

  // 2. which findings are silenced, and by which directives
  const ranges = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const lineDirectives = directives.filter((d) => d.kind === 'disable-line' || d.kind === 'disable-next-line');
  const kept: LintMessage[] = [];
  const suppressed: SuppressedMessage[] = [];
  for (const m of messages) {
    if (m.fatal) {
      kept.push(m);
      continue;
    }
    const by: Directive[] = [];
    for (const d of lineDirectives) if (d.target === m.line && covers(d, m.ruleId)) by.push(d);
    const range = rangeDirectiveFor(ranges, source.offset(m.line, m.column), m.ruleId);
    if (range) by.push(range);
    if (!by.length) {
      kept.push(m);
      continue;
    }
    for (const d of by) d.used.add(d.rules === null ? '*' : m.ruleId!);
    suppressed.push({ ...m, suppressions: by.map((d) => ({ kind: 'directive' as const, justification: d.comment.reason ?? '' })) });
  }

  // 3. directives that suppressed nothing
  if (opts.reportUnused) {
    const sev = opts.reportUnused;
    for (const d of directives) {
      const c = d.comment;
      if (d.kind === 'enable') continue;
      if (d.rules === null) {
        if (!d.used.size) problems.push(at(c.start, c.end, `指令「${NAME(d.kind)}」没有屏蔽任何问题，可以删除`, sev));
        continue;
      }
      const unused = d.refs.filter((r) => !d.used.has(r.id) && opts.activeRuleIds.has(r.id));
      if (!unused.length) continue;
      if (unused.length === d.refs.length && d.refs.length === c.rules.length) {
        problems.push(at(c.start, c.end, `指令「${NAME(d.kind)}」没有屏蔽任何问题（${unused.map((r) => `「${r.id}」`).join('')}在此处没有报告问题），可以删除`, sev));
      } else {
        for (const r of unused) problems.push(at(r.start, r.end, `指令「${NAME(d.kind)}」中的「${r.id}」没有屏蔽任何问题（此处没有这条规则的问题），可以删去`, sev));
      }
    }
    for (const { directive, rules } of unusedEnables(ranges)) {
      const c = directive.comment;
      problems.push(
        rules === null
          ? at(c.start, c.end, `指令「report-lint-enable」前面没有被关闭的规则，不起作用，可以删除`, sev)
          : at(c.start, c.end, `指令「report-lint-enable」中的${rules.map((r) => `「${r}」`).join('')}此前并未关闭，不起作用`, sev),
      );
    }
  }
  return { messages: [...kept, ...problems], suppressed };
}

function covers(d: Directive, ruleId: string | null): boolean {
  return d.rules === null || (ruleId !== null && d.rules.includes(ruleId));
}

/** The line a line directive applies to: see the top of this file. 0 when there is none. */
function targetLine(c: DirectiveComment, kind: Directive['kind'], source: SourceText, directiveLines: Set<number>): number {
  if (kind !== 'disable-line' && kind !== 'disable-next-line') return 0;
  if (kind === 'disable-line' && !c.ownLine) return c.line;
  const step = kind === 'disable-next-line' ? 1 : -1;
  for (let n = c.line + step; n >= 1 && n <= source.lines.length; n += step) {
    if (directiveLines.has(n) || isBlank(source.lines[n - 1].text)) continue;
    return n;
  }
  return 0;
}

/** The disable directive in force at an offset for a rule (the latest that covers it), if any. */
function rangeDirectiveFor(ranges: Directive[], offset: number, ruleId: string | null): Directive | undefined {
  let all: Directive | undefined;
  const byRule = new Map<string, Directive>();
  const reenabled = new Set<string>();
  for (const d of ranges) {
    // as ESLint: a directive applies from its own position on (a finding at the same place is covered)
    if (d.comment.start > offset) break;
    if (d.kind === 'disable') {
      if (d.rules === null) {
        all = d;
        reenabled.clear();
      } else {
        for (const r of d.rules) {
          byRule.set(r, d);
          reenabled.delete(r);
        }
      }
    } else if (d.rules === null) {
      all = undefined;
      byRule.clear();
      reenabled.clear();
    } else {
      for (const r of d.rules) {
        byRule.delete(r);
        if (all) reenabled.add(r);
      }
    }
  }
  if (ruleId === null) return all;
  const own = byRule.get(ruleId);
  const general = all && !reenabled.has(ruleId) ? all : undefined;
  if (own && general) return own.comment.start > general.comment.start ? own : general;
  return own ?? general;
}

/** enable directives with nothing to enable: null = the whole directive, else the rules it names in vain */
function unusedEnables(ranges: Directive[]): Array<{ directive: Directive; rules: string[] | null }> {
  const out: Array<{ directive: Directive; rules: string[] | null }> = [];
  let all = false;
  const byRule = new Set<string>();
  const reenabled = new Set<string>();
  for (const d of ranges) {
    if (d.kind === 'disable') {
      if (d.rules === null) {
        all = true;
        reenabled.clear();
      } else for (const r of d.rules) (byRule.add(r), reenabled.delete(r));
      continue;
    }
    if (d.rules === null) {
      if (!all && !byRule.size) out.push({ directive: d, rules: null });
      all = false;
      byRule.clear();
      reenabled.clear();
      continue;
    }
    const vain = d.rules.filter((r) => !byRule.has(r) && !(all && !reenabled.has(r)));
    if (vain.length) out.push({ directive: d, rules: vain });
    for (const r of d.rules) {
      byRule.delete(r);
      if (all) reenabled.add(r);
    }
  }
  return out;
}
