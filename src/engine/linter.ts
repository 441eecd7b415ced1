/**
 * The one path: text → skeleton → report AST (bound to a format) → rules → messages.
 * The CLI, the formatters and the programmatic API all go through `lintText`.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { closest } from 'fastest-levenshtein';
import { walk } from '../ast.js';
import { bindReport } from '../format/bind.js';
import { builtinFormats, type Format } from '../format/formats.js';
import { selectFormat } from '../format/select.js';
import { parseStructure } from '../parse/structure.js';
import type { SourceText } from '../text/lines.js';
import type { LintMessage, LintResult, LogicalLocation, Report, ReportNode, SeveritySetting } from '../types.js';
import type { Plugin, ReportDescriptor, RuleContext, RuleModule } from './rule.js';

export class ConfigError extends Error {}

export interface RuleSetting {
  severity: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface LintOptions {
  filePath?: string;
  /** plugins whose rules are available; the built-in rules are one of them */
  plugins: readonly Plugin[];
  /** severities and options by rule id; rules not named run at their default severity */
  rules?: Record<string, SeveritySetting | RuleSetting>;
  /** force a format (2019 | 2021) instead of choosing it by the report's year */
  format?: string;
  formats?: readonly Format[];
  /** treat the text as Markdown (default: when the file ends in .md or the text has Markdown headings/tables) */
  markdown?: boolean;
}

export interface ParsedReport {
  report: Report;
  source: SourceText;
  format: Format;
}

/** Read a report into its AST. */
export function parseReport(text: string, opts: { filePath?: string; format?: string; formats?: readonly Format[]; markdown?: boolean } = {}): ParsedReport {
  const formats = opts.formats ?? builtinFormats();
  const markdown = opts.markdown ?? (opts.filePath && /\.(md|markdown)$/i.test(opts.filePath) ? true : undefined);
  const skel = parseStructure(text, formats, { markdown });
  const choice = selectFormat(skel, formats, opts.format);
  const report = bindReport(skel, choice.format);
  report.formatReason = choice.reason;
  if (!skel.sections.length) report.notAReport = true;
  return { report, source: skel.source, format: choice.format };
}

export interface ActiveRule {
  rule: RuleModule;
  id: string;
  severity: 1 | 2;
  options: Record<string, unknown>;
}

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
const validators = new WeakMap<RuleModule, ValidateFunction>();

export function severityOf(s: SeveritySetting): 0 | 1 | 2 {
  switch (s) {
    case 0:
    case 'off':
      return 0;
    case 1:
    case 'warn':
    case 'warning':
      return 1;
    case 2:
    case 'error':
      return 2;
    default:
      throw new ConfigError(`严重程度「${String(s)}」无效：应为 off、warn 或 error`);
  }
}

/** All rules of the plugins, keyed by their public id (plugin-name/rule-id for plugins with a name). */
export function ruleMap(plugins: readonly Plugin[]): Map<string, RuleModule> {
  const map = new Map<string, RuleModule>();
  for (const p of plugins) {
    for (const r of p.rules) {
      const id = p.name ? `${p.name}/${r.meta.id}` : r.meta.id;
      if (map.has(id)) throw new ConfigError(`规则「${id}」重复定义`);
      map.set(id, r);
    }
  }
  return map;
}

/** Resolve severities and validate options; throws ConfigError naming the rule and what is wrong. */
export function resolveRules(plugins: readonly Plugin[], settings: LintOptions['rules'] = {}): ActiveRule[] {
  const map = ruleMap(plugins);
  for (const id of Object.keys(settings)) {
    if (!map.has(id)) {
      const guess = map.size ? closest(id, [...map.keys()]) : undefined;
      throw new ConfigError(`没有名为「${id}」的规则${guess ? `，是否想写「${guess}」？` : ''}`);
    }
  }
  const active: ActiveRule[] = [];
  for (const [id, rule] of map) {
    const s = settings[id];
    const setting: RuleSetting = s === undefined ? { severity: rule.meta.severity } : typeof s === 'object' ? s : { severity: s };
    const severity = severityOf(setting.severity);
    if (severity === 0) continue;
    const options = { ...(rule.meta.defaultOptions ?? {}), ...(setting.options ?? {}) };
    let validate = validators.get(rule);
    if (!validate) validators.set(rule, (validate = ajv.compile(rule.meta.schema)));
    if (!validate(options)) {
      const errs = (validate.errors ?? []).map((e) => `${e.instancePath || '（选项）'} ${e.message}`).join('；');
      throw new ConfigError(`规则「${id}」的选项无效：${errs}`);
    }
    active.push({ rule, id, severity, options });
  }
  return active;
}

/** Lint one text. Never throws for bad input: a rule that fails is reported as a fatal message. */
export function lintText(text: string, opts: LintOptions): LintResult {
  const active = resolveRules(opts.plugins, opts.rules);
  return lintWith(text, active, opts);
}

export function lintWith(text: string, active: readonly ActiveRule[], opts: Omit<LintOptions, 'plugins' | 'rules'>): LintResult {
  const filePath = opts.filePath ?? '<text>';
  const { report, source, format } = parseReport(text, opts);
  const messages: LintMessage[] = [];
  if (report.notAReport) {
    messages.push({
      ruleId: null,
      severity: 1,
      message: '未识别为政府信息公开工作年度报告：找不到“一、总体情况”等部分标题，未作检查',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
    return result(filePath, messages, text);
  }
  // built on the first finding: most reports have none
  let locations: Map<object, LogicalLocation> | undefined;
  const where = () => (locations ??= logicalLocations(report));
  for (const a of active) {
    const ctx: RuleContext = {
      ruleId: a.id,
      filePath,
      format,
      source,
      options: a.options,
      report: (d: ReportDescriptor) => messages.push(toMessage(a, d, where())),
    };
    try {
      a.rule.check(report, ctx);
    } catch (e) {
      messages.push({
        ruleId: a.id,
        severity: 2,
        fatal: true,
        message: `规则「${a.id}」运行出错：${e instanceof Error ? e.message : String(e)}`,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
      });
    }
  }
  messages.sort((x, y) => x.line - y.line || x.column - y.column || String(x.ruleId).localeCompare(String(y.ruleId)));
  return result(filePath, messages, text);
}

export function result(filePath: string, messages: LintMessage[], source?: string): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const m of messages) {
    if (m.severity === 2) {
      errorCount++;
      if (m.fatal) fatalErrorCount++;
      if (m.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  return { filePath, messages, errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount, source };
}

function toMessage(a: ActiveRule, d: ReportDescriptor, locations: Map<object, LogicalLocation>): LintMessage {
  const p = d.node.position;
  const severity = d.severity === 'warn' ? 1 : a.severity;
  const m: LintMessage = {
    ruleId: a.id,
    severity,
    message: d.message,
    line: p.start.line,
    column: p.start.column,
    endLine: p.end.line,
    endColumn: p.end.column,
  };
  if (d.expected !== undefined) m.expected = String(d.expected);
  if (d.actual !== undefined) m.actual = String(d.actual);
  const loc = d.location ?? locations.get(d.node);
  if (loc) m.location = loc;
  if (d.related?.length) {
    m.related = d.related.map((r) => ({
      message: r.message,
      line: r.node.position.start.line,
      column: r.node.position.start.column,
      endLine: r.node.position.end.line,
      endColumn: r.node.position.end.column,
      ...(locations.get(r.node) ? { location: locations.get(r.node) } : {}),
    }));
  }
  if (d.fix) m.fix = d.fix;
  if (d.suggestions?.length) m.suggestions = d.suggestions;
  return m;
}

/** section / table / row / column of every node, for messages that must be followed in any kind of file. */
function logicalLocations(report: Report): Map<object, LogicalLocation> {
  const map = new Map<object, LogicalLocation>();
  walk(report, (node: ReportNode, parents: ReportNode[]) => {
    const loc: LogicalLocation = {};
    for (const p of [...parents, node]) {
      if (p.type === 'section' && p.sectionId) loc.section = p.sectionId;
      if (p.type === 'table' && p.tableId) loc.table = p.tableId;
      if (p.type === 'row' && p.rowId) loc.row = p.rowId;
      if (p.type === 'cell' && p.columnId) loc.column = p.columnId;
    }
    if (Object.keys(loc).length) map.set(node, loc);
  });
  return map;
}
