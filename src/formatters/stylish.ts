/**
 * stylish: grouped by file, `line:col  severity  message  rule-id`, a summary line; as ESLint's stylish.
 */
import { Chalk } from 'chalk';
import type { Formatter } from './types.js';
import { displayPath, padEnd, padStart, printable, width } from './display.js';
import { maxOf } from '../text/arrays.js';

export const stylish: Formatter = (results, ctx) => {
  const c = new Chalk({ level: ctx.colorLevel });
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  let infos = 0;
  for (const r of results) {
    if (!r.messages.length) continue;
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount ?? 0;
    fixable += r.fixableErrorCount + r.fixableWarningCount;
    out += `\n${c.underline(displayPath(r.filePath, ctx.cwd))}\n`;
    const rows = r.messages.map((m) => [
      // a page's logical place beside line:column (a Word file's message says it already)
      m.place && !m.message.includes(m.place.text) ? `${m.line}:${m.column} ${m.place.text}` : `${m.line}:${m.column}`,
      m.fatal || m.severity === 2 ? '错误' : m.severity === 0 ? '提示' : '警告',
      printable(m.message),
      m.ruleId ?? '',
    ]);
    const w0 = maxOf(rows.map((x) => width(x[0])));
    const w2 = maxOf(rows.map((x) => width(x[2])));
    for (const [pos, sev, msg, rule] of rows) {
      const colored = sev === '错误' ? c.red(sev) : sev === '提示' ? c.blue(sev) : c.yellow(sev);
      out += `  ${c.dim(padStart(pos, w0))}  ${colored}  ${padEnd(msg, Math.min(w2, 80))}  ${c.dim(rule)}\n`;
    }
  }
  const total = errors + warnings;
  if (total > 0) {
    const summary = `✖ 共 ${total} 个问题（${errors} 个错误，${warnings} 个警告）`;
    out += `\n${errors ? c.red.bold(summary) : c.yellow.bold(summary)}\n`;
    const fixLine = `  其中 ${fixable} 个可以用 --fix 自动修正`;
    if (fixable) out += `${errors ? c.red.bold(fixLine) : c.yellow.bold(fixLine)}\n`;
  }
  // information (questions for a person) is counted apart: it is neither an error nor a warning
  if (infos > 0) out += `${total > 0 ? '' : '\n'}${c.blue(`ℹ 另有 ${infos} 条提示，请人工核对`)}\n`;
  return out;
};
