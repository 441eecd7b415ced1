/**
 * Reports of real shape built from parts, for the tests of the identity and numbering rules (issue 10): a title,
 * a preamble with its 统计期限, six sections with one or two paragraphs, and a 落款. Every part can be replaced.
 */
import { builtinRules, lint, type LintMessage } from '../../src/index.js';

export const IDENTITY_RULES = [
  'format-year',
  'title-year',
  'title-form',
  'stat-period',
  'relative-date',
  'heading-sequence',
  'preamble-parts',
  'publish-deadline',
] as const;

export interface ReportParts {
  year?: number;
  agency?: string;
  /** the title as written (lines joined by \n); default: <agency><year>年度政府信息公开工作年度报告 */
  title?: string;
  preamble?: string;
  s1?: string;
  s2?: string;
  s5?: string;
  s6?: string;
  /** the 落款 date line; null: none */
  signature?: string | null;
}

export const PREAMBLE = (y: number) =>
  `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级有关要求，编制本报告。本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。本报告所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`;

export function reportText(p: ReportParts = {}): string {
  const y = p.year ?? 2021;
  const agency = p.agency ?? '某某县统计局';
  const lines = [
    p.title ?? `${agency}${y}年度政府信息公开工作年度报告`,
    '',
    p.preamble ?? PREAMBLE(y),
    '',
    '一、总体情况',
    p.s1 ?? `${y}年，我局认真贯彻落实《条例》，全年主动公开政府信息236条。`,
    '',
    '二、主动公开政府信息情况',
    p.s2 ?? '（表格从略）',
    '',
    '三、收到和处理政府信息公开申请情况',
    '全年新收政府信息公开申请27件，均已按期答复。',
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '全年未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。',
    '',
    '五、存在的主要问题及改进情况',
    p.s5 ?? '信息发布的及时性还需提高，下一步将完善审核流程。',
    '',
    '六、其他需要报告的事项',
    p.s6 ?? '本年度未收取信息处理费。',
  ];
  if (p.signature !== null) lines.push('', agency, p.signature ?? `${y + 1}年1月20日`);
  return lines.join('\n') + '\n';
}

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
