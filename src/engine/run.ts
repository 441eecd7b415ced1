/**
 * The engine: rules resolved from settings (one severity parser, options validated against each rule's schema),
 * run on a report, their findings made messages (vfile messages on the linted file, then LintMessages), and the
 * last steps (unsafe fixes dropped, inline directives, order). It knows no rule, format or input kind by name.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import type { VFile } from 'vfile';
import { didYouMean } from '../suggest.js';
import { walk } from '../ast.js';
import type { Format } from '../format/formats.js';
import type { Dictionary } from '../format/dictionary.js';
import type { SourceText } from '../text/lines.js';
import type { LintMessage, LintResult, LogicalLocation, Report, ReportNode, SeveritySetting } from '../types.js';
import { docsUrl, type PeerReport, type Plugin, type ReportDescriptor, type RuleContext, type RuleMeta, type RuleModule } from './rule.js';
import { applyDirectives } from './directives.js';
import { isSafeFix } from './fix.js';
import { reportIdentity } from '../prose/identity.js';
import { readProse } from '../prose/index.js';
import { ConfigError } from '../errors.js';
import { normalizeRuleSetting } from './rule-settings.js';

export { ConfigError };

/** A report read and bound to its format: what rules run on. */
export interface ParsedReport {
  report: Report;
  source: SourceText;
  format: Format;
  /** what kind of input it was and how to speak of places in it */
  input: import('../skeleton.js').InputInfo;
  /** for a text in which no section heading was recognised: the signs that it is a report all the same */
  signs?: import('../format/signs.js').ReportSigns;
}

/** What a lint runs with, resolved once and shared by many texts: rules, formats, dictionary. */
export interface LintEnv {
  active: ActiveRule[];
  /** every rule id that exists (also those turned off), for inline directives */
  knownRuleIds: readonly string[];
  /** rule types by id, for --fix-type */
  ruleTypes: ReadonlyMap<string, RuleMeta['type']>;
  formats?: readonly Format[];
  dictionary?: Dictionary;
  /** the configured report format, unless the lint's own options say otherwise */
  format?: string;
}

/** Resolve rules and options once (throws ConfigError for bad settings). */
export function lintEnv(plugins: readonly Plugin[], rules: Record<string, SeveritySetting | RuleSetting> | undefined, extra: Partial<LintEnv> = {}): LintEnv {
  const map = ruleMap(plugins);
  return {
    active: resolveRules(plugins, rules),
    knownRuleIds: [...map.keys()],
    ruleTypes: new Map([...map].map(([id, r]) => [id, r.meta.type])),
    ...extra,
  };
}

/** What the last steps need to know about inline directives. */
export interface DirectiveOptions {
  /** inline directives that suppressed nothing are reported at this severity (true = error; default off) */
  reportUnusedDisableDirectives?: boolean | SeveritySetting;
  /** inline disable directives without a `-- reason` are reported */
  requireReason?: boolean;
  /** every rule id that exists, also rules turned off (default: the rules that run); other ids in a directive are reported */
  knownRuleIds?: readonly string[];
}

export interface RuleSetting {
  severity: SeveritySetting;
  options?: Record<string, unknown>;
}

export interface ActiveRule {
  rule: RuleModule;
  id: string;
  /** 2 error, 1 warning, 0 information (the rule runs; its findings are information) */
  severity: 0 | 1 | 2;
  options: Record<string, unknown>;
}

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
/** compiled option schemas, by schema text: rules without options share one */
const validators = new Map<string, ValidateFunction>();

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

/** A severity written as text (on the command line): off, warn, warning, error, 0, 1, 2; undefined for anything else. */
export function parseSeverity(text: string): SeveritySetting | undefined {
  if (!['off', 'info', 'warn', 'error', 'warning', '0', '1', '2'].includes(text)) return undefined;
  return (/^\d$/.test(text) ? Number(text) : text) as SeveritySetting;
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
export function resolveRules(plugins: readonly Plugin[], settings: Record<string, SeveritySetting | RuleSetting> = {}): ActiveRule[] {
  const map = ruleMap(plugins);
  for (const id of Object.keys(settings)) {
    if (!map.has(id)) {
      const guess = didYouMean(id, [...map.keys()]);
      throw new ConfigError(`没有名为「${id}」的规则${guess ? `，是否想写「${guess}」？` : ''}`);
    }
  }
  const active: ActiveRule[] = [];
  for (const [id, rule] of map) {
    const s = settings[id];
    const setting: RuleSetting = s === undefined ? { severity: rule.meta.severity } : normalizeRuleSetting(s);
    const info = setting.severity === 'info';
    const severity = info ? 0 : severityOf(setting.severity);
    if (severity === 0 && !info) continue;
    const options = { ...(rule.meta.defaultOptions ?? {}), ...(setting.options ?? {}) };
    const key = JSON.stringify(rule.meta.schema);
    let validate = validators.get(key);
    if (!validate) validators.set(key, (validate = ajv.compile(rule.meta.schema)));
    if (!validate(options)) {
      const errs = (validate.errors ?? []).map((e) => `${e.instancePath || '（选项）'} ${e.message}`).join('；');
      throw new ConfigError(`规则「${id}」的选项无效：${errs}`);
    }
    active.push({ rule, id, severity, options });
  }
  return active;
}

const NO_PEERS: readonly PeerReport[] = Object.freeze([]);

/**
 * Run the rules on a report: each rule's findings become messages (a rule that throws gives one fatal message and
 * the others still run).
 */
export function runRules(
  parsed: ParsedReport,
  file: VFile,
  active: readonly ActiveRule[],
  dictionary: Dictionary,
  peers: readonly PeerReport[] = NO_PEERS,
): LintMessage[] {
  const { report, source, format } = parsed;
  const filePath = file.path || '<text>';
  const messages: LintMessage[] = [];
  // built on the first finding: most reports have none
  let locations: Map<object, LogicalLocation> | undefined;
  const where = () => (locations ??= logicalLocations(report));
  for (const a of active) {
    const ctx: RuleContext = {
      ruleId: a.id,
      filePath,
      format,
      source,
      dictionary,
      options: a.options,
      identity: () => reportIdentity(report, source, { webPage: parsed.input.webPage === true }),
      peers,
      prose: () => readProse(report, source),
      report: (d: ReportDescriptor) => messages.push(toMessage(file, a, d, where())),
    };
    try {
      a.rule.check(report, ctx);
    } catch (e) {
      messages.push(fatalMessage(`规则「${a.id}」运行出错：${e instanceof Error ? e.message : String(e)}`, a.id));
    }
  }
  return messages;
}

/** A message that stops a file from being checked (or a rule from running), at the file's start. */
export function fatalMessage(message: string, ruleId: string | null = null): LintMessage {
  return { ruleId, severity: 2, fatal: true, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** The last steps: fixes that would change a number are dropped, inline directives applied, findings sorted. */
export function finish(
  filePath: string,
  text: string,
  messages: LintMessage[],
  active: readonly ActiveRule[],
  opts: DirectiveOptions,
  display: string,
): LintResult {
  for (const m of messages) if (m.fix && !isSafeFix(text, m.fix)) delete m.fix;
  const ran = new Set(active.map((a) => a.id));
  const unused = opts.reportUnusedDisableDirectives;
  const d = applyDirectives(text, messages, {
    reportUnused: unused === undefined || unused === false ? 0 : unused === true ? 2 : severityOf(unused),
    requireReason: opts.requireReason,
    knownRuleIds: opts.knownRuleIds ? new Set(opts.knownRuleIds) : ran,
    activeRuleIds: ran,
  });
  const order = (x: LintMessage, y: LintMessage) => x.line - y.line || x.column - y.column || String(x.ruleId).localeCompare(String(y.ruleId));
  d.messages.sort(order);
  d.suppressed.sort(order);
  const r = result(filePath, d.messages, display);
  if (d.suppressed.length) r.suppressedMessages = d.suppressed;
  return r;
}

export function result(filePath: string, messages: LintMessage[], source?: string): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  let infoCount = 0;
  for (const m of messages) {
    if (m.severity === 0) infoCount++;
    else if (m.severity === 2) {
      errorCount++;
      if (m.fatal) fatalErrorCount++;
      if (m.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (m.fix) fixableWarningCount++;
    }
  }
  const r: LintResult = { filePath, messages, errorCount, warningCount, fatalErrorCount, fixableErrorCount, fixableWarningCount, source };
  if (infoCount) r.infoCount = infoCount;
  return r;
}

/**
 * A finding, as a vfile message on the linted file (place, ruleId, source, url, expected, actual, fatal for
 * errors), and as the LintMessage the formatters print.
 */
function toMessage(file: VFile, a: ActiveRule, d: ReportDescriptor, locations: Map<object, LogicalLocation>): LintMessage {
  const p = d.node.position;
  // a finding may lower its rule's severity, never raise it
  const lowered = d.severity === 'info' ? 0 : d.severity === 'warn' ? 1 : 2;
  const severity = Math.min(lowered, a.severity) as 0 | 1 | 2;
  const vm = file.message(d.message, { place: p, ruleId: a.id, source: 'report-lint' });
  vm.fatal = severity === 2;
  vm.url = docsUrl(a.id, a.rule.meta);
  if (d.expected !== undefined) vm.expected = [String(d.expected)];
  if (d.actual !== undefined) vm.actual = String(d.actual);
  const m: LintMessage = {
    ruleId: a.id,
    severity,
    message: d.message,
    line: vm.line ?? p.start.line,
    column: vm.column ?? p.start.column,
    endLine: vm.place && 'end' in vm.place ? vm.place.end.line : p.end.line,
    endColumn: vm.place && 'end' in vm.place ? vm.place.end.column : p.end.column,
  };
  if (d.expected !== undefined) m.expected = String(d.expected);
  if (d.actual !== undefined) m.actual = String(d.actual);
  const loc = d.location ?? locations.get(d.node);
  if (loc) m.location = loc;
  if (d.related?.length) {
    m.related = d.related.map((r) => {
      // a place in another file may have no position (a peer read from extract JSON): its first line, and its logical location
      const pos = r.node?.position ?? r.position;
      const loc = r.location ?? (r.node ? locations.get(r.node) : undefined);
      return {
        message: r.message,
        ...(r.filePath !== undefined ? { filePath: r.filePath } : {}),
        line: pos?.start.line ?? 1,
        column: pos?.start.column ?? 1,
        endLine: pos?.end.line ?? 1,
        endColumn: pos?.end.column ?? 1,
        ...(loc ? { location: loc } : {}),
      };
    });
  }
  if (d.fix) m.fix = d.fix;
  if (d.suggestions?.length) m.suggestions = d.suggestions;
  return m;
}

/** section / table / row / column of every node, for messages that must be followed in any kind of file. */
function logicalLocations(report: Report): Map<object, LogicalLocation> {
  const map = new Map<object, LogicalLocation>();
  walk(report, (node: ReportNode, parents: ReportNode[]) => {
    // the parent's location, refined by this node
    const parent = parents.length ? map.get(parents[parents.length - 1]) : undefined;
    let loc = parent;
    if (node.type === 'section' && node.sectionId) loc = { section: node.sectionId };
    else if (node.type === 'table' && node.tableId) loc = { ...parent, table: node.tableId };
    else if (node.type === 'row' && node.rowId) loc = { ...parent, row: node.rowId };
    else if (node.type === 'cell' && node.columnId) loc = { ...parent, column: node.columnId };
    if (loc) map.set(node, loc);
  });
  return map;
}

