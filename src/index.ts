/**
 * report-lint's programmatic API.
 *
 *   import { lint, lintFiles } from 'report-lint';
 *   const result = lint(text, { filePath: 'report.txt' });
 */
import { readFile, stat } from 'node:fs/promises';
import builtinRules from '../rules/index.js';
import { lintWith, parseReport, resolveRules, result, type LintOptions, type RuleSetting } from './engine/linter.js';
import type { Plugin } from './engine/rule.js';
import { binaryKind, decode, DecodeError, isZip } from './io/decode.js';
import { docxToHtml } from './io/docx.js';
import { inputKind, type InputKind } from './parse/read.js';
import type { LintResult, SeveritySetting } from './types.js';
import type { Format } from './format/formats.js';
import type { Dictionary } from './config/dictionary.js';
import { ConfigLoader } from './config/load.js';
import { resolve } from 'node:path';

export * from './types.js';
export { defineRule, definePlugin } from './engine/rule.js';
export type { Plugin, RuleModule, RuleMeta, RuleContext, ReportDescriptor } from './engine/rule.js';
export { ConfigError, parseReport, resolveRules, ruleMap } from './engine/linter.js';
export type { LintOptions, RuleSetting, ParsedReport } from './engine/linter.js';
export type { InputKind } from './parse/read.js';
export { builtinFormats, validateFormat, Format, FormatError } from './format/formats.js';
export { evaluateRelations } from './engine/relations.js';
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
  /** how to read the text given to lint(): text, html, or docx (HTML made by docxToHtml); default by filePath */
  kind?: InputKind;
}

export interface FilesOptions extends ApiOptions {
  /** where relative paths and config discovery start (default: process.cwd()) */
  cwd?: string;
  /** a configuration file for every file, or false for none; default: discovered from each file's folder upwards */
  config?: string | false;
}

function allPlugins(opts: ApiOptions): Plugin[] {
  return [builtinRules, ...(opts.plugins ?? [])];
}

/** Lint a report's text. */
export function lint(text: string, opts: ApiOptions = {}): LintResult {
  const active = resolveRules(allPlugins(opts), opts.rules);
  return lintWith(text, active, { filePath: opts.filePath, format: opts.format, kind: opts.kind });
}

/** Files larger than this are not read: an annual report is well under 1 MB, a web page with its site a few MB. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export interface InputText {
  /** the text to lint: the decoded text, the page, or a .docx converted to HTML */
  text: string;
  kind: InputKind;
}

/**
 * Read a file for linting: a .docx through mammoth, anything else decoded as text (an HTML page as a page, also
 * when its name does not say so). Throws DecodeError with a message for people when the file cannot be used.
 */
export async function readInput(path: string, encoding?: string): Promise<InputText> {
  const st = await stat(path);
  if (st.isFile() && st.size > MAX_FILE_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new DecodeError(`文件太大（${mb(st.size)} MB），超过了可以检查的 ${mb(MAX_FILE_BYTES)} MB：年度报告一般不到 1 MB，请确认这是不是报告文件`);
  }
  const bytes = await readFile(path);
  let kind = inputKind(path);
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
  const text = decode(bytes, encoding, { html: kind === 'html' || looksLikeHtml(bytes) }).text;
  if (kind === 'text' && looksLikeHtml(text)) kind = 'html';
  return { text, kind };
}

/** A page by its first characters (<!DOCTYPE html>, <html>), whatever the file is called. */
function looksLikeHtml(start: Uint8Array | string): boolean {
  const head = typeof start === 'string' ? start.slice(0, 1024) : Buffer.from(start.subarray(0, 1024)).toString('latin1');
  return /^(?:\uFEFF|\xEF\xBB\xBF)?\s*(?:<!--[^>]{0,200}-->\s*)?<(?:!doctype\s+html|html[\s>]|head[\s>])/i.test(head);
}

/** Read a file (any supported encoding) and lint it; a file that cannot be read gives one fatal message. */
export async function lintFile(
  path: string,
  opts: ApiOptions & { active?: ReturnType<typeof resolveRules>; formats?: readonly Format[]; dictionary?: Dictionary } = {},
): Promise<LintResult> {
  const active = opts.active ?? resolveRules(allPlugins(opts), opts.rules);
  let input: InputText;
  try {
    input = await readInput(path, opts.encoding);
  } catch (e) {
    return fatalResult(path, readErrorMessage(e));
  }
  try {
    return lintWith(input.text, active, { filePath: path, format: opts.format, formats: opts.formats, dictionary: opts.dictionary, kind: input.kind });
  } catch (e) {
    // whatever goes wrong with one file, the others are still linted
    return fatalResult(path, `检查这个文件时出错：${e instanceof Error ? e.message : String(e)}（请把这个文件报告给开发者）`);
  }
}

/**
 * Lint files one after another (each read, linted and released in turn), each with the configuration that
 * applies to it (discovered from its folder upwards, unless `config` says otherwise).
 */
export async function lintFiles(paths: string[], opts: FilesOptions = {}): Promise<LintResult[]> {
  const cwd = opts.cwd ?? process.cwd();
  const loader = new ConfigLoader({ cwd, configFile: typeof opts.config === 'string' ? opts.config : undefined, noConfig: opts.config === false });
  const abs = paths.map((p) => resolve(cwd, p));
  const configs = [];
  for (const p of abs) configs.push(await loader.forFile(p)); // every configuration is validated before any file is linted
  const cache = new Map<string, ReturnType<typeof resolveRules>>();
  const out: LintResult[] = [];
  for (let i = 0; i < abs.length; i++) {
    const fc = configs[i];
    let active = cache.get(fc.key);
    if (!active) cache.set(fc.key, (active = resolveRules([...fc.config.plugins, ...(opts.plugins ?? [])], { ...fc.rules, ...(opts.rules ?? {}) })));
    out.push(await lintFile(abs[i], { ...opts, active, format: opts.format ?? fc.format, formats: fc.config.formats, dictionary: fc.config.dictionary }));
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
