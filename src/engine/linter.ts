/**
 * The one path: text → skeleton → report AST (bound to a format) → rules → messages.
 * The CLI, the language server and the programmatic API all go through `lintWith`.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { didYouMean } from '../suggest.js';
import { walk } from '../ast.js';
import { bindReport } from '../format/bind.js';
import { builtinFormats, type Format } from '../format/formats.js';
import { selectFormat } from '../format/select.js';
import { DecodeError } from '../io/decode.js';
import { inputKind, readSkeleton, type InputInfo, type InputKind } from '../parse/read.js';
import { reportFile, reportProcessor, setReportReader, type ReportParseOptions } from '../parse/unified.js';
import type { VFile } from 'vfile';
import { DOCS_BASE } from '../paths.js';
import type { SourceText } from '../text/lines.js';
import type { LintMessage, LintResult, LogicalLocation, Report, ReportNode, SeveritySetting } from '../types.js';
import type { PeerReport, Plugin, ReportDescriptor, RuleContext, RuleModule } from './rule.js';
import { builtinDictionary, makeDictionary, type Dictionary } from '../config/dictionary.js';
import { applyDirectives } from './directives.js';
import { isSafeFix } from './fix.js';

import { ConfigError } from '../errors.js';

export { ConfigError };

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
  /** how to read the text: text, an HTML page, or a .docx converted to HTML (default: by the file name's extension) */
  kind?: InputKind;
  /** variants and typos (default: the built-in dictionary) */
  dictionary?: Dictionary;
  /** inline directives that suppressed nothing are reported at this severity (true = error; default off) */
  reportUnusedDisableDirectives?: boolean | SeveritySetting;
  /** inline disable directives without a `-- reason` are reported */
  requireReason?: boolean;
  /** every rule id that exists, also rules turned off (default: the rules that run); other ids in a directive are reported */
  knownRuleIds?: readonly string[];
  /** other reports of the same agency, for cross-file rules (context.peers) */
  peers?: readonly PeerReport[];
}

export interface ParsedReport {
  report: Report;
  source: SourceText;
  format: Format;
  /** what kind of input it was and how to speak of places in it */
  input: InputInfo;
}

/** bytes are decoded already: text → skeleton (by kind of input) → format → report AST bound to it */
function readReport(text: string, filePath: string | undefined, opts: ReportParseOptions): ParsedReport {
  const formats = opts.formats ?? builtinFormats();
  const markdown = opts.markdown ?? (filePath && /\.(md|markdown)$/i.test(filePath) ? true : undefined);
  const { skeleton: skel, input } = readSkeleton(text, opts.kind ?? inputKind(filePath), formats, { markdown });
  const choice = selectFormat(skel, formats, opts.format);
  const report = bindReport(skel, choice.format, { rewrites: (opts.dictionary ?? defaultDictionary()).label });
  report.formatReason = choice.reason;
  if (input.body) report.position = skel.source.position(input.body.start, input.body.end);
  if (!skel.sections.length) report.notAReport = true;
  return { report, source: skel.source, format: choice.format, input };
}
setReportReader(readReport);

/** Read a report into its AST (through the unified parser plugin, reportParse). */
export function parseReport(text: string, opts: ReportParseOptions & { filePath?: string } = {}): ParsedReport {
  return parseFile(reportFile(text, opts.filePath, opts)).parsed;
}

function parseFile(file: VFile): { parsed: ParsedReport; file: VFile } {
  const report = reportProcessor.parse(file) as unknown as Report;
  return { parsed: { report, ...file.data.reportLint! }, file };
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

let builtinDict: Dictionary | undefined;
function defaultDictionary(): Dictionary {
  return (builtinDict ??= makeDictionary(builtinDictionary()));
}

/** Resolve severities and validate options; throws ConfigError naming the rule and what is wrong. */
export function resolveRules(plugins: readonly Plugin[], settings: LintOptions['rules'] = {}): ActiveRule[] {
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
    const setting: RuleSetting = s === undefined ? { severity: rule.meta.severity } : typeof s === 'object' ? s : { severity: s };
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

/** Lint one text with rules already resolved. Never throws for bad input: a rule that fails is a fatal message. */
export function lintWith(text: string, active: readonly ActiveRule[], opts: Omit<LintOptions, 'plugins' | 'rules'>): LintResult {
  const filePath = opts.filePath ?? '<text>';
  const dictionary = opts.dictionary ?? defaultDictionary();
  let parsed: ParsedReport;
  let file: VFile;
  try {
    ({ parsed, file } = parseFile(reportFile(text, opts.filePath, { ...opts, dictionary })));
  } catch (e) {
    // input the readers refuse (a page nested thousands of levels deep): a fatal message for this file
    if (!(e instanceof DecodeError)) throw e;
    return result(filePath, [{ ruleId: null, severity: 2, fatal: true, message: `无法读取：${e.message}`, line: 1, column: 1, endLine: 1, endColumn: 1 }]);
  }
  const { report, source, format, input } = parsed;
  const messages: LintMessage[] = [];
  if (report.notAReport) {
    messages.push({
      ruleId: null,
      severity: 1,
      message: notAReportMessage(report, input),
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
    return finish(filePath, text, messages, active, opts, input.display ?? text);
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
      dictionary,
      options: a.options,
      peers: opts.peers ?? NO_PEERS,
      report: (d: ReportDescriptor) => messages.push(toMessage(file, a, d, where())),
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
  localize(messages, source, input);
  return finish(filePath, text, messages, active, opts, input.display ?? text);
}

/** The last steps of lintWith: fixes that would change a number are dropped, inline directives applied, findings sorted. */
function finish(
  filePath: string,
  text: string,
  messages: LintMessage[],
  active: readonly ActiveRule[],
  opts: Omit<LintOptions, 'plugins' | 'rules'>,
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
  vm.url = a.rule.meta.docs ? `${DOCS_BASE}${a.rule.meta.docs}` : undefined;
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

/** Why a file was not checked: it is empty, or nothing in it looks like an annual report. */
function notAReportMessage(report: Report, input: InputInfo): string {
  const what = input.kind === 'html' ? '网页' : input.kind === 'docx' ? 'Word 文件' : '文件';
  if (!report.children.length && !report.title) return `${what}是空的（没有文字），没有可检查的内容`;
  return `未识别为政府信息公开工作年度报告：${what}中找不到“一、总体情况”等部分标题，未作检查`;
}

/**
 * Messages of pages and Word files, in the document's own terms: each gets its place (第 2 个表格第 5 行第 3 格);
 * in a .docx, whose lines and columns mean nothing to a reader, the line is the paragraph's or table's number,
 * the column 1, and the message says where. A fix is kept only where it replaces plain text of the source.
 */
function localize(messages: LintMessage[], source: SourceText, input: InputInfo): void {
  if (input.kind === 'text') return;
  const docx = input.kind === 'docx';
  for (const m of messages) {
    if (m.ruleId === null || m.fatal) continue;
    const place = input.place(source.offset(m.line, m.column));
    if (place) m.place = place;
    if (m.fix && !input.canEdit(m.fix.range)) delete m.fix;
    if (m.suggestions) {
      m.suggestions = m.suggestions.filter((s) => input.canEdit(s.fix.range));
      if (!m.suggestions.length) delete m.suggestions;
    }
    if (docx) {
      m.column = 1;
      m.endColumn = 1;
      m.message += `（Word 文件${place ? place.text : `第 ${m.line} 段或表格`}）`;
    }
    for (const r of m.related ?? []) {
      if (r.filePath !== undefined) continue; // a place in another report, already in its own terms
      const p = input.place(source.offset(r.line, r.column));
      if (p) r.place = p;
      if (docx) {
        r.column = 1;
        r.endColumn = 1;
        if (p) r.message += `（${p.text}）`;
      }
    }
  }
}
