/**
 * `report-lint audit`: the output side. The files are linted as by the default command (with the cross-year rules
 * and every file's summary kept); then the scorecard is written as HTML, CSV or JSON.
 */
import { extname } from 'node:path';
import { auditCsv, buildAudit } from '../batch/audit.js';
import type { PeerIndex } from '../batch/crossyear.js';
import type { RuleModule } from '../engine/rule.js';
import { packageVersion } from '../paths.js';
import type { LintResult } from '../types.js';
import { auditHtml } from './audit-html.js';
import { CrossYearUsageError } from './crossyear.js';

export type AuditFormat = 'html' | 'csv' | 'json';
const FORMATS: readonly AuditFormat[] = ['html', 'csv', 'json'];

/** --format for audit: html, csv or json; without it, by the output file's extension, else json. */
export function auditFormat(args: Record<string, unknown>, argv: readonly string[]): AuditFormat {
  const given = argv.some((a) => a === '--format' || a === '-f' || a.startsWith('--format='));
  if (given) {
    const f = String(args.format);
    if (!FORMATS.includes(f as AuditFormat)) throw new CrossYearUsageError(`audit 的输出格式「${f}」无效，可用：${FORMATS.join('、')}`);
    return f as AuditFormat;
  }
  const out = args['output-file'];
  const ext = typeof out === 'string' ? extname(out).slice(1).toLowerCase() : '';
  if (ext === 'htm') return 'html';
  return FORMATS.includes(ext as AuditFormat) ? (ext as AuditFormat) : 'json';
}

export function renderAudit(format: AuditFormat, results: readonly LintResult[], index: PeerIndex | undefined, rules: ReadonlyMap<string, RuleModule>): string {
  const data = buildAudit(results, index, {
    version: packageVersion(),
    rules: [...rules].map(([id, r]) => ({ id, severity: r.meta.severity, description: r.meta.description.zh })),
  });
  if (format === 'csv') return auditCsv(data);
  if (format === 'html') return auditHtml(data);
  return JSON.stringify(data, null, 2) + '\n';
}
