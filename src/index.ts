/**
 * report-lint's programmatic API.
 *
 *   import { lint, lintFiles } from 'report-lint';
 *   const result = lint(text, { filePath: 'report.txt' });
 */
import { readFile, stat } from 'node:fs/promises';
import builtinRules from '../rules/index.js';
import { lintWith, parseReport, resolveRules, result, ruleMap, type LintOptions, type RuleSetting } from './engine/linter.js';
import { fixText } from './engine/fix.js';
import type { PeerReport, Plugin, RuleMeta } from './engine/rule.js';
import { binaryKind, decode, DecodeError, isZip, type Decoded } from './io/decode.js';
import { docxToHtml } from './io/docx.js';
import { inputKind, type InputKind } from './parse/read.js';
import { writeFixedFile, WriteError } from './io/write.js';
import type { LintMessage, LintResult, SeveritySetting } from './types.js';
import type { Format } from './format/formats.js';
import type { Dictionary } from './config/dictionary.js';
import { ConfigLoader } from './config/load.js';
import { resolve } from 'node:path';

export * from './types.js';
export { defineRule, definePlugin } from './engine/rule.js';
export type { Plugin, RuleModule, RuleMeta, RuleContext, ReportDescriptor, PeerReport } from './engine/rule.js';
export { ConfigError, parseReport, resolveRules, ruleMap } from './engine/linter.js';
export type { LintOptions, RuleSetting, ParsedReport } from './engine/linter.js';
export type { InputKind } from './parse/read.js';
export { builtinFormats, validateFormat, Format, FormatError } from './format/formats.js';
export { reportParse, reportProcessor } from './parse/unified.js';
export type { ReportParseOptions, ReportFileData } from './parse/unified.js';
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
  /** how to read the text given to lint(): text, html, or docx (HTML made by docxToHtml); default by filePath */
  kind?: InputKind;
  /** other reports of the same agency (other years), for the cross-file rules; see src/batch/crossyear.ts */
  peers?: readonly PeerReport[];
}

export interface FilesOptions extends ApiOptions {
  /** where relative paths and config discovery start (default: process.cwd()) */
  cwd?: string;
  /** a configuration file for every file, or false for none; default: discovered from each file's folder upwards */
  config?: string | false;
}

/** What a lint runs with, resolved once and shared by many texts: rules, formats, dictionary. */
export interface LintEnv {
  active: ReturnType<typeof resolveRules>;
  /** every rule id that exists (also those turned off), for inline directives */
  knownRuleIds: readonly string[];
  /** rule types by id, for --fix-type */
  ruleTypes: ReadonlyMap<string, RuleMeta['type']>;
  formats?: readonly Format[];
  dictionary?: Dictionary;
  /** the configured report format, unless opts.format says otherwise */
  format?: string;
}

/** Resolve rules and options once (throws ConfigError for bad settings). */
export function lintEnv(plugins: Plugin[], rules: ApiOptions['rules'], extra: Partial<LintEnv> = {}): LintEnv {
  const map = ruleMap(plugins);
  return {
    active: resolveRules(plugins, rules),
    knownRuleIds: [...map.keys()],
    ruleTypes: new Map([...map].map(([id, r]) => [id, r.meta.type])),
    ...extra,
  };
}

function allPlugins(opts: ApiOptions): Plugin[] {
  return [builtinRules, ...(opts.plugins ?? [])];
}

/** lint (and fix) a decoded text with rules already resolved */
function lintDecoded(text: string, env: LintEnv, opts: ApiOptions, filePath: string | undefined): LintResult {
  const engineOpts = {
    filePath,
    format: opts.format ?? env.format,
    formats: env.formats,
    dictionary: env.dictionary,
    knownRuleIds: env.knownRuleIds,
    reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives,
    requireReason: opts.requireReason,
    kind: opts.kind,
    peers: opts.peers,
  };
  if (!opts.fix) return lintWith(text, env.active, engineOpts);
  const types = opts.fixTypes ? new Set(opts.fixTypes) : undefined;
  const shouldFix = (m: LintMessage) => !types || (m.ruleId !== null && types.has(env.ruleTypes.get(m.ruleId) as RuleMeta['type']));
  return fixText(text, (t) => lintWith(t, env.active, engineOpts), shouldFix).result;
}

/**
 * Lint a report's text (no configuration file is read; `env`, when given, is what it is linted with); with `fix`,
 * the fixed text is in the result's `output`.
 */
export function lint(text: string, opts: ApiOptions & { env?: LintEnv } = {}): LintResult {
  return lintDecoded(text, opts.env ?? lintEnv(allPlugins(opts), opts.rules), opts, opts.filePath);
}

/** Files larger than this are not read: an annual report is well under 1 MB, a web page with its site a few MB. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export interface InputText {
  /** the text to lint: the decoded text, the page, or a .docx converted to HTML */
  text: string;
  kind: InputKind;
  /** the decoded text file (its bytes, encoding and BOM), for writing fixes back; none for a .docx */
  decoded?: { bytes: Uint8Array; decoded: Decoded };
}

/**
 * Read a file for linting: a .docx through mammoth, anything else decoded as text (an HTML page as a page, also
 * when its name does not say so). Throws DecodeError with a message for people when the file cannot be used.
 */
export async function readInput(path: string, encoding?: string): Promise<InputText> {
  const st = await stat(path);
  if (st.isFile()) checkSize(st.size);
  return inputFromBytes(await readFile(path), path, encoding);
}

function checkSize(size: number): void {
  if (size <= MAX_FILE_BYTES) return;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  throw new DecodeError(`文件太大（${mb(size)} MB），超过了可以检查的 ${mb(MAX_FILE_BYTES)} MB：年度报告一般不到 1 MB，请确认这是不是报告文件`);
}

/**
 * Bytes read from a file or from standard input → the text to lint, as readInput reads a file: `name` (its
 * extension) and the content decide whether it is text, a page or a .docx.
 */
export async function inputFromBytes(bytes: Uint8Array, name: string, encoding?: string): Promise<InputText> {
  checkSize(bytes.length);
  let kind = inputKind(name);
  if (kind === 'docx' || isZip(bytes)) {
    if (!isZip(bytes)) throw new DecodeError(binaryKind(bytes) ?? '不是 Word（.docx）文件：内容不是 .docx 格式');
    try {
      return { text: await docxToHtml(bytes), kind: 'docx' };
    } catch (e) {
      // a zip that is not a Word document, under another name
      if (kind !== 'docx') throw new DecodeError(binaryKind(bytes)!);
      throw e;
    }
  }
  const decoded = decode(bytes, encoding, { html: kind === 'html' || looksLikeHtml(bytes) });
  if (kind === 'text' && looksLikeHtml(decoded.text)) kind = 'html';
  return { text: decoded.text, kind, decoded: { bytes, decoded } };
}

/** A page by its first characters (<!DOCTYPE html>, <html>), whatever the file is called. */
function looksLikeHtml(start: Uint8Array | string): boolean {
  const head = typeof start === 'string' ? start.slice(0, 1024) : Buffer.from(start.subarray(0, 1024)).toString('latin1');
  return /^(?:\uFEFF|\xEF\xBB\xBF)?\s*(?:<!--[^>]{0,200}-->\s*)?<(?:!doctype\s+html|html[\s>]|head[\s>])/i.test(head);
}

/** Lint a text, and whatever goes wrong with one file, the others are still linted. */
function lintGuarded(path: string, text: string, env: LintEnv, opts: ApiOptions): LintResult {
  try {
    return lintDecoded(text, env, opts, path);
  } catch (e) {
    return fatalResult(path, `检查这个文件时出错：${e instanceof Error ? e.message : String(e)}（请把这个文件报告给开发者）`);
  }
}

/** The file read for linting, or the fatal result that says why it could not be. */
async function readOrFatal(path: string, encoding: string | undefined): Promise<InputText | LintResult> {
  try {
    return await readInput(path, encoding);
  } catch (e) {
    return fatalResult(path, readErrorMessage(e));
  }
}

/** Read a file (any supported encoding, a page, a .docx) and lint it; a file that cannot be read gives one fatal message. */
export async function lintFile(path: string, opts: ApiOptions & { env?: LintEnv } = {}): Promise<LintResult> {
  const env = opts.env ?? lintEnv(allPlugins(opts), opts.rules);
  const input = await readOrFatal(path, opts.encoding);
  if ('messages' in input) return input;
  return lintGuarded(path, input.text, env, { ...opts, kind: input.kind });
}

/**
 * Fix a file and write it back (unless `dryRun`): same encoding, BOM and line endings, written atomically, and
 * not touched at all when nothing changes. The result's findings are those of the fixed text; its `output` is the
 * fixed text. When the file cannot be written, the result holds a fatal finding that says why, the findings of
 * the file as it is, and no output: the file is left whole.
 */
export async function fixFile(path: string, opts: ApiOptions & { env?: LintEnv; dryRun?: boolean } = {}): Promise<LintResult> {
  const env = opts.env ?? lintEnv(allPlugins(opts), opts.rules);
  const input = await readOrFatal(path, opts.encoding);
  if ('messages' in input) return input;
  // a .docx is never rewritten: its findings, without fixes
  if (!input.decoded) return lintGuarded(path, input.text, env, { ...opts, kind: input.kind });
  const { bytes, decoded } = input.decoded;
  const r = lintDecoded(decoded.text, env, { ...opts, fix: true, kind: input.kind }, path);
  if (opts.dryRun || r.output === undefined) return r;
  try {
    await writeFixedFile(path, bytes, decoded, r.output);
    return r;
  } catch (e) {
    const why = e instanceof WriteError ? e.message : e instanceof Error ? e.message : String(e);
    const before = lintDecoded(decoded.text, env, { ...opts, fix: false, kind: input.kind }, path);
    const fatal: LintMessage = { ruleId: null, severity: 2, fatal: true, message: `无法写入修正，文件保持原样：${why}`, line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { ...result(path, [fatal, ...before.messages], decoded.text), ...(before.suppressedMessages ? { suppressedMessages: before.suppressedMessages } : {}) };
  }
}

/**
 * Lint files one after another (each read, linted and released in turn), each with the configuration that
 * applies to it (discovered from its folder upwards, unless `config` says otherwise). With `fix`, the fixed
 * texts are in the results' `output`; nothing is written (fixFile writes).
 */
export async function lintFiles(paths: string[], opts: FilesOptions = {}): Promise<LintResult[]> {
  const cwd = opts.cwd ?? process.cwd();
  const loader = new ConfigLoader({ cwd, configFile: typeof opts.config === 'string' ? opts.config : undefined, noConfig: opts.config === false });
  const abs = paths.map((p) => resolve(cwd, p));
  const configs = [];
  for (const p of abs) configs.push(await loader.forFile(p)); // every configuration is validated before any file is linted
  const envs = new Map<string, LintEnv>();
  const out: LintResult[] = [];
  for (let i = 0; i < abs.length; i++) {
    const fc = configs[i];
    let env = envs.get(fc.key);
    if (!env) {
      env = lintEnv([...fc.config.plugins, ...(opts.plugins ?? [])], { ...fc.rules, ...(opts.rules ?? {}) }, {
        formats: fc.config.formats,
        dictionary: fc.config.dictionary,
        format: fc.format,
      });
      envs.set(fc.key, env);
    }
    out.push(await lintFile(abs[i], { ...opts, env }));
  }
  return out;
}

export { ConfigLoader, describeConfig } from './config/load.js';
export type { ConfigData, FileConfig, LoadedConfig } from './config/load.js';
export { buildConfigSchema, validateConfig } from './config/schema.js';
export { buildDictionary, builtinDictionary, makeDictionary } from './config/dictionary.js';
export type { Dictionary, DictionaryEntry } from './config/dictionary.js';
export { formatFromData, loadFormatFile } from './format/custom.js';

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
