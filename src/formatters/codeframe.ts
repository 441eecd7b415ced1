/**
 * codeframe: each finding with the source lines around it and the offending span marked, as ESLint's
 * codeframe and textlint's pretty-error do. Wide (Chinese) characters and tabs are measured so that the marks
 * sit under the right characters.
 */
import { Chalk } from 'chalk';
import type { Formatter } from './types.js';
import { displayColumn, displayPath, padStart, printable, visibleLine } from './display.js';
import { LIMITS } from '../io/limits.js';

const CONTEXT = 1;
/** Longest part of a source line shown, in UTF-16 units; around the finding when the line is longer. */
const WINDOW = LIMITS.shownLineChars;

/**
 * The part [start, end) of a line to show for a finding at [from, to): the whole line when it is short; else a
 * window of about WINDOW units around the finding (the finding itself cut when it is longer still).
 */
export function sourceWindow(line: string, from: number, to: number): { start: number; end: number } {
  if (line.length <= WINDOW) return { start: 0, end: line.length };
  const span = Math.min(to - from, WINDOW - 40);
  let start = Math.max(0, from - Math.floor((WINDOW - span) / 2));
  const end = Math.min(line.length, start + WINDOW);
  start = Math.max(0, end - WINDOW);
  // never split a surrogate pair
  const low = (i: number) => i > 0 && i < line.length && (line.charCodeAt(i) & 0xfc00) === 0xdc00;
  return { start: low(start) ? start - 1 : start, end: low(end) ? end + 1 : end };
}

export const codeframe: Formatter = (results, ctx) => {
  const c = new Chalk({ level: ctx.colorLevel });
  let out = '';
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    const lines = r.source === undefined ? [] : r.source.split(/\r\n|\r|\n/);
    for (const m of r.messages) {
      const sev = m.fatal || m.severity === 2 ? c.red('错误') : m.severity === 0 ? c.blue('提示') : c.yellow('警告');
      out += `${sev}：${printable(m.message)}${m.ruleId ? c.dim(` (${m.ruleId})`) : ''}\n`;
      out += c.dim(`  位置 ${displayPath(r.filePath, ctx.cwd)}:${m.line}:${m.column}`) + '\n';
      if (lines.length && m.line >= 1 && m.line <= lines.length) {
        const from = Math.max(1, m.line - CONTEXT);
        const to = Math.min(lines.length, m.line + CONTEXT);
        const gw = String(to).length;
        // long lines (a page's whole body on one line) are cut to a window around the finding
        const line = lines[m.line - 1];
        const endUnits = m.endLine === m.line ? m.endColumn - 1 : line.length;
        const win = sourceWindow(line, m.column - 1, Math.max(endUnits, m.column - 1));
        for (let n = from; n <= to; n++) {
          const full = lines[n - 1];
          const cut = n === m.line ? win : sourceWindow(full, win.start, win.start);
          const text = full.slice(cut.start, cut.end);
          const mark = n === m.line ? c.red('>') : ' ';
          const before = cut.start > 0 ? '…' : '';
          const after = cut.end < full.length ? '…' : '';
          out += `${mark} ${c.dim(padStart(String(n), gw))} | ${before}${visibleLine(text)}${after}\n`;
          if (n === m.line) {
            const lead = before ? 1 : 0;
            const startCol = displayColumn(text, m.column - 1 - cut.start) + lead;
            const endCol = Math.max(displayColumn(text, Math.min(endUnits, cut.end) - cut.start) + lead, startCol + 1);
            out += `  ${' '.repeat(gw)} | ${' '.repeat(startCol)}${c.red('^'.repeat(endCol - startCol))}\n`;
          }
        }
      }
      for (const rel of m.related ?? []) out += c.dim(`    相关：${rel.line}:${rel.column} ${rel.message}`) + '\n';
      out += '\n';
    }
  }
  const total = errors + warnings;
  if (total) out += `${errors ? c.red.bold('✖') : c.yellow.bold('✖')} 共 ${total} 个问题（${errors} 个错误，${warnings} 个警告）\n`;
  return out;
};
codeframe.showsSource = true;
