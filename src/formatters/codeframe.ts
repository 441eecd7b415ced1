/**
 * codeframe: each finding with the source lines around it and the offending span marked, as ESLint's
 * codeframe and textlint's pretty-error do. Wide (Chinese) characters and tabs are measured so that the marks
 * sit under the right characters.
 */
import { Chalk } from 'chalk';
import type { Formatter } from './types.js';
import { displayColumn, displayPath, padStart, visibleLine } from './display.js';

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
      const sev = m.fatal || m.severity === 2 ? c.red('错误') : m.severity === 0 ? c.blue('提示') : c.yellow('警告');
      out += `${sev}：${m.message}${m.ruleId ? c.dim(` (${m.ruleId})`) : ''}\n`;
      out += c.dim(`  位置 ${displayPath(r.filePath, ctx.cwd)}:${m.line}:${m.column}`) + '\n';
      if (lines.length && m.line >= 1 && m.line <= lines.length) {
        const from = Math.max(1, m.line - CONTEXT);
        const to = Math.min(lines.length, m.line + CONTEXT);
        const gw = String(to).length;
        for (let n = from; n <= to; n++) {
          const text = lines[n - 1];
          const mark = n === m.line ? c.red('>') : ' ';
          out += `${mark} ${c.dim(padStart(String(n), gw))} | ${visibleLine(text)}\n`;
          if (n === m.line) {
            const startCol = displayColumn(text, m.column - 1);
            const endUnits = m.endLine === m.line ? m.endColumn - 1 : text.length;
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
