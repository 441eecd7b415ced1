/**
 * report-lint's programmatic API.
 *
 *   import { lint, lintFiles } from 'report-lint';
 *   const result = lint(text, { filePath: 'report.txt' });
 */
import { readFile } from 'node:fs/promises';
import builtinRules from '../rules/index.js';
import { lintWith, parseReport, resolveRules, result, ruleMap, type LintOptions, type RuleSetting } from './engine/linter.js';
import { fixText } from './engine/fix.js';
import type { Plugin, RuleMeta } from './engine/rule.js';
import { decode, DecodeError, type Decoded } from './io/decode.js';
import { writeFixedFile, WriteError } from './io/write.js';
import type { LintMessage, LintResult, SeveritySetting } from './types.js';

export * from './types.js';
export { defineRule, definePlugin } from './engine/rule.js';
export type { Plugin, RuleModule, RuleMeta, RuleContext, ReportDescriptor } from './engine/rule.js';
export { ConfigError, parseReport, resolveRules, ruleMap } from './engine/linter.js';
export type { LintOptions, RuleSetting } from './engine/linter.js';
export { builtinFormats, validateFormat, Format, FormatError } from './format/formats.js';
export { evaluateRelations, valueToHold } from './engine/relations.js';
export { applyFixes, fixText, isSafeFix, unsafeFixReason, MAX_PASSES } from './engine/fix.js';
export * as ast from './ast.js';
export * from './rule-kit.js';
export { builtinRules };

export interface ApiOptions {
  filePath?: string;
  /** extra plugins, used beside the built-in rules */
  plugins?: Plugin[];
  rules?: Record<string, SeveritySetting | RuleSetting>;
  /** force a format: 2019 or 2021 */
  format?: string;
  /** force a text encoding for files (utf-8, gb18030, utf-16le …) */
  encoding?: string;
  /** apply the findings' fixes (in passes, never changing a number); the fixed text is the result's `output` */
  fix?: boolean;
  /** with fix: only the fixes of rules of these types */
  fixTypes?: Array<RuleMeta['type']>;
  /** inline directives that suppressed nothing are reported at this severity (true = error) */
  reportUnusedDisableDirectives?: boolean | SeveritySetting;
  /** inline disable directives without a `-- reason` are reported (as errors) */
  requireReason?: boolean;
}

function allPlugins(opts: ApiOptions): Plugin[] {
  return [builtinRules, ...(opts.plugins ?? [])];
}

type Active = ReturnType<typeof resolveRules>;

/** lint (and fix) a decoded text with rules already resolved */
function lintDecoded(text: string, active: Active, opts: ApiOptions, filePath: string | undefined): LintResult {
  const rules = ruleMap(allPlugins(opts));
  const engineOpts = {
    filePath,
    format: opts.format,
    knownRuleIds: [...rules.keys()],
    reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives,
    requireReason: opts.requireReason,
  };
  if (!opts.fix) return lintWith(text, active, engineOpts);
  const types = opts.fixTypes ? new Set(opts.fixTypes) : undefined;
  const shouldFix = (m: LintMessage) => !types || (m.ruleId !== null && types.has(rules.get(m.ruleId)?.meta.type as RuleMeta['type']));
  return fixText(text, (t) => lintWith(t, active, engineOpts), shouldFix).result;
}

/** Lint a report's text; with `fix`, the fixed text is in the result's `output` (only when it changed). */
export function lint(text: string, opts: ApiOptions = {}): LintResult {
  const active = resolveRules(allPlugins(opts), opts.rules);
  return lintDecoded(text, active, opts, opts.filePath);
}

/** Read a file (any supported encoding) and lint it; a file that cannot be read gives one fatal message. */
export async function lintFile(path: string, opts: ApiOptions & { active?: ReturnType<typeof resolveRules> } = {}): Promise<LintResult> {
  const active = opts.active ?? resolveRules(allPlugins(opts), opts.rules);
  let text: string;
  try {
    const bytes = await readFile(path);
    text = decode(bytes, opts.encoding).text;
  } catch (e) {
    return fatalResult(path, readErrorMessage(e));
  }
  const r = lintDecoded(text, active, opts, path);
  return r;
}

/**
 * Fix a file and write it back (unless `dryRun`): same encoding, BOM and line endings, written atomically, and
 * not touched at all when nothing changes. The result's findings are those of the fixed text; its `output` is the
 * fixed text. When the file cannot be written, the result holds a fatal finding that says why, the findings of
 * the file as it is, and no output: the file is left whole.
 */
export async function fixFile(path: string, opts: ApiOptions & { active?: Active; dryRun?: boolean } = {}): Promise<LintResult> {
  const active = opts.active ?? resolveRules(allPlugins(opts), opts.rules);
  let bytes: Uint8Array;
  let decoded: Decoded;
  try {
    bytes = await readFile(path);
    decoded = decode(bytes, opts.encoding);
  } catch (e) {
    return fatalResult(path, readErrorMessage(e));
  }
  const r = lintDecoded(decoded.text, active, { ...opts, fix: true }, path);
  if (opts.dryRun || r.output === undefined) return r;
  try {
    await writeFixedFile(path, bytes, decoded, r.output);
    return r;
  } catch (e) {
    const why = e instanceof WriteError ? e.message : e instanceof Error ? e.message : String(e);
    const before = lintDecoded(decoded.text, active, { ...opts, fix: false }, path);
    const fatal: LintMessage = { ruleId: null, severity: 2, fatal: true, message: `无法写入修正，文件保持原样：${why}`, line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { ...result(path, [fatal, ...before.messages], decoded.text), ...(before.suppressedMessages ? { suppressedMessages: before.suppressedMessages } : {}) };
  }
}

/** Lint files one after another (each read, linted and released in turn). */
export async function lintFiles(paths: string[], opts: ApiOptions = {}): Promise<LintResult[]> {
  // with fix: the fixed texts are in the results' output, nothing is written (use fixFile to write)
  const active = resolveRules(allPlugins(opts), opts.rules);
  const out: LintResult[] = [];
  for (const p of paths) out.push(await lintFile(p, { ...opts, active }));
  return out;
}

export function fatalResult(filePath: string, message: string): LintResult {
  return result(filePath, [{ ruleId: null, severity: 2, fatal: true, message, line: 1, column: 1, endLine: 1, endColumn: 1 }]);
}

export function readErrorMessage(e: unknown): string {
  if (e instanceof DecodeError) return `无法读取：${e.message}`;
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return '无法读取：文件不存在';
    case 'EACCES':
    case 'EPERM':
      return '无法读取：没有读取权限';
    case 'EISDIR':
      return '无法读取：这是文件夹，不是文件';
    default:
      return `无法读取：${e instanceof Error ? e.message : String(e)}`;
  }
}

export { parseReport as parse };
export type { LintOptions as EngineOptions };
