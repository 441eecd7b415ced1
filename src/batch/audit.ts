/**
 * The scorecard of a set of reports (`report-lint audit`): per agency and year, the reports found, the years
 * missing, the findings by rule, whether the report was published on time (where it says when), and the table
 * totals side by side. Built from the lint results and the run's compact summaries (PeerIndex); plain data that
 * the HTML, CSV and JSON outputs share.
 */
import type { LintResult } from '../types.js';
import type { PeerIndex } from './crossyear.js';
import type { PeerReport } from './peer.js';

export interface AuditFinding {
  filePath: string;
  line: number;
  column: number;
  ruleId: string | null;
  /** 2 error, 1 warning, 0 information */
  severity: 0 | 1 | 2;
  message: string;
  place?: string;
}

export interface AuditYear {
  year: number;
  files: string[];
  errors: number;
  warnings: number;
  infos: number;
  /** findings by rule id (findings without a rule under "(无规则)") */
  byRule: Record<string, number>;
  /** the date the report says it was signed or published (YYYY-MM-DD) */
  published?: string;
  /** published by 31 January of the next year (条例第五十条); null when the report does not say when */
  onTime: boolean | null;
  /** the table totals, where the report's tables could be read */
  totals: {
    /** 一、本年新收政府信息公开申请数量, 总计 */
    applications: number | null;
    /** 二、上年结转, 总计 */
    carriedOver: number | null;
    /** 四、结转下年度继续办理, 总计 */
    carriedForward: number | null;
    /** 行政复议 总计 */
    reviews: number | null;
    /** 行政诉讼 总计 (未经复议直接起诉 + 复议后起诉) */
    lawsuits: number | null;
  };
  findings: AuditFinding[];
}

export interface AuditAgency {
  agency: string;
  key: string;
  years: AuditYear[];
  /** years between the agency's first report and the last year of the whole set with no report */
  yearsMissing: number[];
  errors: number;
  warnings: number;
  infos: number;
  byRule: Record<string, number>;
}

export interface AuditData {
  tool: { name: 'report-lint'; version: string };
  generated: string;
  /** the years the set covers */
  years: number[];
  rules: Array<{ id: string; severity: string; description: string }>;
  agencies: AuditAgency[];
  /** files whose agency or year could not be told (linted, but not in the scorecard's rows) */
  unidentified: Array<{ filePath: string; errors: number; warnings: number; infos: number; reason: string }>;
  totals: { files: number; agencies: number; errors: number; warnings: number; infos: number; byRule: Record<string, number>; byRuleAndYear: Record<string, Record<string, number>> };
}

export const NO_RULE = '(无规则)';

const sum = (...xs: Array<number | null | undefined>): number | null => (xs.some((x) => x === null || x === undefined) ? null : xs.reduce<number>((a, b) => a + b!, 0));

function cellValue(p: PeerReport | undefined, table: string, row: string, column: string): number | null {
  return p?.tables[table]?.rows[row]?.[column]?.value ?? null;
}

function add(into: Record<string, number>, key: string, n = 1): void {
  into[key] = (into[key] ?? 0) + n;
}

export function buildAudit(
  results: readonly LintResult[],
  index: PeerIndex | undefined,
  meta: { version: string; rules: AuditData['rules']; now?: Date },
): AuditData {
  const agencies = new Map<string, AuditAgency>();
  const unidentified: AuditData['unidentified'] = [];
  const years = new Set<number>();
  const totals: AuditData['totals'] = { files: results.length, agencies: 0, errors: 0, warnings: 0, infos: 0, byRule: {}, byRuleAndYear: {} };

  for (const r of results) {
    const peer = index?.get(r.filePath);
    const id = peer?.identity;
    totals.errors += r.errorCount;
    totals.warnings += r.warningCount;
    totals.infos += r.infoCount ?? 0;
    for (const m of r.messages) add(totals.byRule, m.ruleId ?? NO_RULE);
    if (!id?.agencyKey || id.year === undefined) {
      const reason = !peer ? '无法读取或不是年度报告' : !id?.agencyKey ? '标题、落款和文件名中都找不到机关名称' : '找不到报告年度';
      unidentified.push({ filePath: r.filePath, errors: r.errorCount, warnings: r.warningCount, infos: r.infoCount ?? 0, reason });
      continue;
    }
    years.add(id.year);
    let a = agencies.get(id.agencyKey);
    if (!a) agencies.set(id.agencyKey, (a = { agency: id.agency ?? id.agencyKey, key: id.agencyKey, years: [], yearsMissing: [], errors: 0, warnings: 0, infos: 0, byRule: {} }));
    let y = a.years.find((x) => x.year === id.year);
    if (!y) {
      const due = `${id.year + 1}-01-31`;
      y = {
        year: id.year,
        files: [],
        errors: 0,
        warnings: 0,
        infos: 0,
        byRule: {},
        ...(id.published ? { published: id.published } : {}),
        onTime: id.published ? id.published <= due : null,
        totals: {
          applications: cellValue(peer, 'T3', 'r1', 'total'),
          carriedOver: cellValue(peer, 'T3', 'r2', 'total'),
          carriedForward: cellValue(peer, 'T3', 'r4', 'total'),
          reviews: cellValue(peer, 'T4', 'n', 'rv_total'),
          lawsuits: sum(cellValue(peer, 'T4', 'n', 'ld_total'), cellValue(peer, 'T4', 'n', 'la_total')),
        },
        findings: [],
      };
      a.years.push(y);
    }
    y.files.push(r.filePath);
    y.errors += r.errorCount;
    y.warnings += r.warningCount;
    y.infos += r.infoCount ?? 0;
    a.errors += r.errorCount;
    a.warnings += r.warningCount;
    a.infos += r.infoCount ?? 0;
    for (const m of r.messages) {
      const rule = m.ruleId ?? NO_RULE;
      add(y.byRule, rule);
      add(a.byRule, rule);
      add((totals.byRuleAndYear[rule] ??= {}), String(id.year));
      y.findings.push({
        filePath: r.filePath,
        line: m.line,
        column: m.column,
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        ...(m.place ? { place: m.place.text } : {}),
      });
    }
  }
  const allYears = [...years].sort((x, y) => x - y);
  const last = allYears[allYears.length - 1];
  const list = [...agencies.values()].sort((x, y) => x.agency.localeCompare(y.agency, 'zh'));
  for (const a of list) {
    a.years.sort((x, y) => x.year - y.year);
    const have = new Set(a.years.map((y) => y.year));
    for (let y = a.years[0].year; y <= last; y++) if (!have.has(y)) a.yearsMissing.push(y);
  }
  totals.agencies = list.length;
  return {
    tool: { name: 'report-lint', version: meta.version },
    generated: (meta.now ?? new Date()).toISOString(),
    years: allYears,
    rules: meta.rules,
    agencies: list,
    unidentified,
    totals,
  };
}

/** CSV (RFC 4180, UTF-8 with a BOM so that spreadsheet programs read the Chinese right): one row per agency and year. */
export function auditCsv(data: AuditData): string {
  const ruleIds = [...new Set([...data.rules.map((r) => r.id), ...Object.keys(data.totals.byRule)])];
  const head = ['机关', '年度', '文件', '错误', '警告', '提示', ...ruleIds, '发布日期', '按时发布', '本年新收申请', '上年结转', '结转下年度', '行政复议', '行政诉讼', '缺少的年度'];
  const q = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = [head];
  for (const a of data.agencies) {
    for (const y of a.years) {
      rows.push([
        a.agency,
        String(y.year),
        y.files.join(' '),
        String(y.errors),
        String(y.warnings),
        String(y.infos),
        ...ruleIds.map((id) => String(y.byRule[id] ?? 0)),
        y.published ?? '',
        y.onTime === null ? '' : y.onTime ? '是' : '否',
        ...[y.totals.applications, y.totals.carriedOver, y.totals.carriedForward, y.totals.reviews, y.totals.lawsuits].map((v) => (v === null ? '' : String(v))),
        a.yearsMissing.join(' '),
      ]);
    }
  }
  for (const u of data.unidentified) rows.push([`（未识别：${u.reason}）`, '', u.filePath, String(u.errors), String(u.warnings), String(u.infos), ...ruleIds.map(() => ''), '', '', '', '', '', '', '', '']);
  return '\uFEFF' + rows.map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}
