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
      const sev = m.fatal || m.severity === 2 ? c.red('错误') : c.yellow('警告');
      out += `${sev}：${printable(m.message)}${m.ruleId ? c.dim(` (${m.ruleId})`) : ''}\n`;
      out += c.dim(`  位置 ${displayPath(r.filePath, ctx.cwd)}:${m.line}:${m.column}`) + '\n';
      if (lines.length && m.line >= 1 && m.line <= lines.length) {
        const from = Math.max(1, m.line - CONTEXT);
        const to = Math.min(lines.length, m.line + CONTEXT);
        const gw = String(to).length;
        // a long line (a minified page is one line) is shown only around the finding
        const cut = shownPart(lines[m.line - 1], m.column - 1);
        for (let n = from; n <= to; n++) {
          const text = cut.show(lines[n - 1]);
          const mark = n === m.line ? c.red('>') : ' ';
          out += `${mark} ${c.dim(padStart(String(n), gw))} | ${visibleLine(text)}\n`;
          if (n === m.line) {
            const startCol = displayColumn(text, cut.at(m.column - 1));
            const endUnits = Math.min(text.length, cut.at(m.endLine === m.line ? m.endColumn - 1 : lines[n - 1].length));
            const endCol = Math.max(displayColumn(text, endUnits), startCol + 1);
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

/**
 * The part of a line shown for a finding at `column` (UTF-16 units): the whole line when it is short; otherwise at
 * most LIMITS.shownLineChars characters from a little before the finding, with「…」where the line is cut. `show`
 * cuts any line of the frame the same way; `at` maps a column of the line to one of what is shown.
 */
function shownPart(line: string, column: number): { show: (text: string) => string; at: (units: number) => number } {
  const max = LIMITS.shownLineChars;
  if (line.length <= max) return { show: (t) => (t.length <= max ? t : t.slice(0, max) + '…'), at: (u) => u };
  let from = Math.max(0, Math.min(column - Math.floor(max / 3), line.length - max));
  // never between the two halves of a surrogate pair
  if (from > 0 && /[\udc00-\udfff]/.test(line[from])) from--;
  const lead = from > 0 ? '…' : '';
  const show = (t: string) => {
    if (t.length <= max && from === 0) return t;
    let end = Math.min(t.length, from + max);
    if (end < t.length && /[\ud800-\udbff]/.test(t[end - 1])) end--;
    return (from > 0 && t.length > from ? lead : '') + t.slice(from, end) + (end < t.length ? '…' : '');
  };
  return { show, at: (u) => Math.max(0, Math.min(u, from + max) - from) + lead.length };
}
