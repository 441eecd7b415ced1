/**
 * Inline directives as text. A directive is
 *   - a line of its own that starts with `report-lint-` (`report-lint-disable cell-empty -- 原样转载`), or
 *   - an HTML comment `<!-- report-lint-… -->`, on a line of its own or inside (usually at the end of) a line.
 * Both forms are read in every kind of file (.txt and .md).
 *
 * This module only finds them and blanks them out of the report text, so that the structure parser never reads
 * a directive as report text; what they mean (which findings they suppress) is engine/directives.ts's business.
 */
import type { MarkdownHints } from './markdown-hints.js';
import { SourceText } from '../text/lines.js';

export const DIRECTIVE_KINDS = ['disable', 'enable', 'disable-line', 'disable-next-line'] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];

export interface DirectiveRuleRef {
  id: string;
  /** offsets of the id as written */
  start: number;
  end: number;
}

export interface DirectiveComment {
  /** the word after `report-lint-` as written: one of DIRECTIVE_KINDS, or an unknown word */
  kind: string;
  /** the rule ids listed; empty = all rules */
  rules: DirectiveRuleRef[];
  /** the text after `--` (trimmed), when there is any */
  reason?: string;
  /** 1-based line of the directive */
  line: number;
  /** offsets of the directive: the whole comment (`<!--` … `-->`), or the trimmed line */
  start: number;
  end: number;
  /** the directive is all there is on its line (nothing but white space around it) */
  ownLine: boolean;
  form: 'comment' | 'line';
}

const PREFIX = 'report-lint-';
const KIND = '([A-Za-z]*(?:-[A-Za-z]+)*)';
const LINE_FORM = new RegExp(`^(\\s*)report-lint-${KIND}(.*?)\\s*$`);
const COMMENT_FORM = new RegExp(`<!--\\s*report-lint-${KIND}([\\s\\S]*?)-->`, 'g');
/** the reason separator: two or more hyphens (as ESLint), or the Chinese dash —— (also one —, or full-width －－) */
const REASON = /-{2,}|—+|－{2,}/;
const RULE_SEPARATORS = /[\s,，、;；]+/;

/** All directives of a text, in order. Cheap when there is none. */
export function scanDirectives(source: SourceText): DirectiveComment[] {
  if (!source.text.includes(PREFIX)) return [];
  const out: DirectiveComment[] = [];
  for (const l of source.lines) {
    if (!l.text.includes(PREFIX)) continue;
    const plain = LINE_FORM.exec(l.text);
    if (plain) {
      const start = l.start + plain[1].length;
      const body = plain[3];
      out.push({
        kind: plain[2],
        ...body_(body, start + PREFIX.length + plain[2].length),
        line: l.line,
        start,
        end: start + PREFIX.length + plain[2].length + body.length,
        ownLine: true,
        form: 'line',
      });
      continue;
    }
    // comments: the line is a directive line when nothing but directives (and white space) is on it
    const found: DirectiveComment[] = [];
    let rest = l.text;
    COMMENT_FORM.lastIndex = 0;
    for (let m = COMMENT_FORM.exec(l.text); m; m = COMMENT_FORM.exec(l.text)) {
      const start = l.start + m.index;
      const end = start + m[0].length;
      const bodyStart = start + m[0].indexOf(PREFIX) + PREFIX.length + m[1].length;
      found.push({ kind: m[1], ...body_(m[2], bodyStart), line: l.line, start, end, ownLine: false, form: 'comment' });
      rest = rest.replace(m[0], '');
    }
    const ownLine = rest.trim() === '';
    for (const d of found) out.push({ ...d, ownLine });
  }
  return out;
}

/** rules and reason of a directive's text after its kind word */
function body_(text: string, at: number): { rules: DirectiveRuleRef[]; reason?: string } {
  const sep = REASON.exec(text);
  const list = sep ? text.slice(0, sep.index) : text;
  const reason = sep ? text.slice(sep.index + sep[0].length).trim() : '';
  const rules: DirectiveRuleRef[] = [];
  let pos = 0;
  for (const part of list.split(RULE_SEPARATORS)) {
    const i = list.indexOf(part, pos);
    pos = i + part.length;
    if (part) rules.push({ id: part, start: at + i, end: at + i + part.length });
  }
  return reason ? { rules, reason } : { rules };
}

export interface MaskedText {
  /** the text with every directive replaced by spaces (same length, same lines, same offsets) */
  text: string;
  /** lines that are directives and nothing else: the parser skips them as if they were not there */
  lines: Set<number>;
}

/**
 * Blank the directives out of a text. A comment at the end of a line takes the white space (tabs too) before it
 * along, so that `0\t<!-- … -->` stays one cell `0`.
 */
export function maskDirectives(text: string): MaskedText {
  const lines = new Set<number>();
  if (!text.includes(PREFIX)) return { text, lines };
  const source = new SourceText(text);
  const found = scanDirectives(source);
  if (!found.length) return { text, lines };
  const chars = source.text.split('');
  for (const d of found) {
    const l = source.lines[d.line - 1];
    let from = d.start;
    let to = d.end;
    if (d.ownLine) {
      lines.add(d.line);
      from = l.start;
      to = l.end;
    } else if (source.text.slice(d.end, l.end).trim() === '') {
      while (from > l.start && /\s/.test(source.text[from - 1])) from--;
      to = l.end;
    }
    for (let i = from; i < to; i++) chars[i] = ' ';
  }
  return { text: chars.join(''), lines };
}

/**
 * Markdown hints of a text read without some of its lines (the directive lines), with lines and offsets given
 * back in the whole text. An HTML comment, and a blank line, would end a pipe table: without the line, the
 * table goes on as the report's author meant.
 */
export function hintsWithoutLines(source: SourceText, skip: Set<number>, hintsOf: (text: string) => MarkdownHints): MarkdownHints {
  if (!skip.size) return hintsOf(source.text);
  let text = '';
  const origLine: number[] = [0];
  const delta: number[] = [0];
  for (const l of source.lines) {
    if (skip.has(l.line)) continue;
    const next = l.line < source.lines.length ? source.lines[l.line].start : source.text.length;
    origLine.push(l.line);
    delta.push(l.start - text.length);
    text += source.text.slice(l.start, next);
  }
  const h = hintsOf(text);
  const headings = new Map<number, { depth: number; start: number; end: number }>();
  for (const [line, x] of h.headings) headings.set(origLine[line], { depth: x.depth, start: x.start + delta[line], end: x.end + delta[line] });
  const tables = h.tables.map((t) => {
    const rows = new Map<number, Array<{ start: number; end: number }>>();
    for (const [line, cells] of t.rows) rows.set(origLine[line], cells.map((c) => ({ start: c.start + delta[line], end: c.end + delta[line] })));
    return { startLine: origLine[t.startLine], endLine: origLine[t.endLine], rows };
  });
  return { headings, tables };
}
