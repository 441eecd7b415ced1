/**
 * The finding for a report whose structure could not be read: its title, section names or table rows are there,
 * but no section heading the format knows (一、总体情况 …). An error, never fatal: the file was read, its report
 * was not checked, and a CI gate must not pass it.
 */
import type { ReportSigns } from '../format/signs.js';
import type { LintMessage } from '../types.js';

/** `what`: the input kind's noun (文件, 网页, Word 文件). */
export function unreadMessage(signs: ReportSigns, what: string): LintMessage {
  const seen: string[] = [];
  if (signs.title) seen.push(`报告标题「${signs.title.value}」`);
  if (signs.headings.length) seen.push(`部分名称${signs.headings.slice(0, 3).map((h) => `「${h.value}」`).join('')}${signs.headings.length > 3 ? '等' : ''}`);
  if (signs.labels.length >= 2) seen.push(`表格的行名（如「${signs.labels[0]}」）`);
  const at = signs.title?.position ?? signs.headings[0]?.position;
  const start = at?.start ?? { line: 1, column: 1 };
  const end = at?.end ?? start;
  return {
    ruleId: null,
    severity: 2,
    message:
      `读不出报告的结构，未作检查：${what}中有${seen.join('、')}，但找不到“一、总体情况”至“六、其他需要报告的事项”这样的部分标题，` +
      `各部分、表格和数字都没有核对。请按格式写部分标题（编号“一、”加标题），或把文件另存为文本、网页再检查`,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
}
