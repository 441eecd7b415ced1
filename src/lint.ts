/**
 * THE PATH, top to bottom: bytes → (decode, by input kind) text → (read) skeleton → (choose format, bind) report
 * AST → (rules) messages → (places, directives, order) result. The CLI, the language server, the programmatic API
 * and the unified plugin all come through here and hold no wiring of their own.
 *
 * What a lint runs with (rules resolved, formats, dictionary) is a LintEnv, made by session.ts from the
 * configuration and the command line, or by lintEnv() from plugins and rule settings.
 */
import { VFile } from 'vfile';
import { bindReport } from './format/bind.js';
import { builtinDictionary, makeDictionary, type Dictionary } from './format/dictionary.js';
import { builtinFormats, type Format } from './format/formats.js';
import { recognizer } from './format/recognize.js';
import { selectFormat } from './format/select.js';
import { joinLooseRows } from './format/loose.js';
import { recoverSections } from './format/sections.js';
import { looksLikeReport, reportSigns } from './format/signs.js';
import { sectionPlace } from './engine/places.js';
import { unreadMessage } from './engine/unread.js';
import { DecodeError } from './io/decode.js';
import { readBytes, readErrorMessage } from './io/read.js';
import { writeFixedFile, WriteError } from './io/write.js';
import { inputFromBytes, kindById, kindOfName, type InputKind, type InputKindModule, type InputText } from './readers/index.js';
import { fatalMessage, finish, result, runRules, type DirectiveOptions, type LintEnv, type ParsedReport } from './engine/run.js';
import { fixText } from './engine/fix.js';
import type { PeerReport, RuleMeta } from './engine/rule.js';
import type { LintMessage, LintResult } from './types.js';

export interface ParseOptions {
  /** the formats to choose from (default: the built-in ones) */
  formats?: readonly Format[];
  /** force a format (2019 | 2021 | a custom format's short name) */
  format?: string;
  /** variants and typos for label matching (default: the built-in dictionary) */
  dictionary?: Dictionary;
  /** the input kind's id (text, markdown, html, docx …; default: by the file's name) */
  kind?: InputKind;
  /** read Markdown syntax in text: true, false, or undefined to decide by the kind and the text */
  markdown?: boolean;
  /** where an offset of the text was in the document it was made from (a PDF's page and position: InputText.place) */
  place?: InputText['place'];
}

export interface LintTextOptions extends ParseOptions, Omit<DirectiveOptions, 'knownRuleIds'> {
  filePath?: string;
  /** apply the findings' fixes (in passes, never changing a number); the fixed text is the result's `output` */
  fix?: boolean;
  /** with fix: only the fixes of rules of these types */
  fixTypes?: Array<RuleMeta['type']>;
  /** other reports of the same agency (other years), for the cross-file rules (context.peers) */
  peers?: readonly PeerReport[];
}

let builtinDict: Dictionary | undefined;
function defaultDictionary(): Dictionary {
  return (builtinDict ??= makeDictionary(builtinDictionary()));
}

/** Steps 2–4: text → skeleton (by the input kind) → format chosen → report AST bound to it. */
export function parseText(text: string, filePath: string | undefined, opts: ParseOptions = {}): ParsedReport {
  const formats = opts.formats ?? builtinFormats();
  const kind = inputKindOf(opts.kind, filePath);
  // 2. read: the kind's reader, which knows the formats only through the recognizer built from their data
  const { skeleton, input } = kind.read(text, recognizer(formats), { markdown: opts.markdown, place: opts.place });
  // 2b. headings as people write them, and table rows written without a table, by the formats' labels
  recoverSections(skeleton, formats);
  joinLooseRows(skeleton, formats);
  // 3. choose the format: by the report's year, else by its tables' labels, unless one is forced
  const choice = selectFormat(skeleton, formats, opts.format);
  // 4. bind: sections, tables, rows and cells get the format's ids
  const report = bindReport(skeleton, choice.format, { rewrites: (opts.dictionary ?? defaultDictionary()).label });
  report.formatReason = choice.reason;
  if (input.body) report.position = skeleton.source.position(input.body.start, input.body.end);
  if (!skeleton.sections.length) {
    report.notAReport = true;
    // the signs that it is a report all the same (its title, section names, table rows)
    return { report, source: skeleton.source, format: choice.format, input, signs: reportSigns(skeleton, formats) };
  }
  return { report, source: skeleton.source, format: choice.format, input };
}

function inputKindOf(id: InputKind | undefined, filePath: string | undefined): InputKindModule {
  return id ? kindById(id) : kindOfName(filePath);
}

/**
 * Steps 2–7 on a decoded text, with rules already resolved: read, bind, run the rules, put the findings in the
 * document's own terms, apply the inline directives. Never throws for bad input: a text the readers refuse gives
 * one fatal message. `parsed` is the report the rules ran on (none when it could not be read).
 */
export function lintText(text: string, env: LintEnv, opts: LintTextOptions = {}): { result: LintResult; parsed?: ParsedReport } {
  const filePath = opts.filePath ?? '<text>';
  const dictionary = opts.dictionary ?? env.dictionary ?? defaultDictionary();
  const popts = { formats: opts.formats ?? env.formats, format: opts.format ?? env.format, dictionary, kind: opts.kind, markdown: opts.markdown, place: opts.place };
  const directives: DirectiveOptions = {
    reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives,
    requireReason: opts.requireReason,
    knownRuleIds: env.knownRuleIds,
  };
  const once = (t: string): { result: LintResult; parsed?: ParsedReport } => {
    let parsed: ParsedReport;
    try {
      parsed = parseText(t, opts.filePath, popts);
    } catch (e) {
      // input the readers refuse (a page nested thousands of levels deep): a fatal message for this file
      if (!(e instanceof DecodeError)) throw e;
      return { result: result(filePath, [fatalMessage(`无法读取：${e.message}`)]) };
    }
    const kind = inputKindOf(parsed.input.kind, opts.filePath);
    const display = parsed.input.display ?? t;
    if (parsed.report.notAReport && parsed.signs && looksLikeReport(parsed.signs)) {
      // a report whose structure could not be read: an error, so that no gate passes a report nobody checked
      const m = unreadMessage(parsed.signs, kind.noun);
      kind.localize?.(m, parsed.input.place(parsed.source.offset(m.line, m.column)));
      return { result: finish(filePath, t, [m], env.active, directives, display), parsed };
    }
    if (parsed.report.notAReport) {
      const m: LintMessage = { ruleId: null, severity: 1, message: notAReportMessage(parsed, kind), line: 1, column: 1, endLine: 1, endColumn: 1 };
      return { result: finish(filePath, t, [m], env.active, directives, display), parsed };
    }
    // 5. run the rules
    const messages = runRules(parsed, new VFile({ value: t, ...(opts.filePath ? { path: opts.filePath } : {}) }), env.active, dictionary, opts.peers);
    // 6. places in the document's own terms
    localize(messages, parsed, kind);
    // 7. unsafe fixes dropped, inline directives applied, findings in order
    return { result: finish(filePath, t, messages, env.active, directives, display), parsed };
  };
  if (!opts.fix) return once(text);
  const types = opts.fixTypes ? new Set(opts.fixTypes) : undefined;
  const shouldFix = (m: LintMessage) => !types || (m.ruleId !== null && types.has(env.ruleTypes.get(m.ruleId) as RuleMeta['type']));
  let last: ParsedReport | undefined;
  const fixed = fixText(text, (t) => {
    const r = once(t);
    last = r.parsed;
    return r.result;
  }, shouldFix);
  return { result: fixed.result, parsed: last };
}

/** Why a file was not checked: it is empty, or nothing in it looks like an annual report. */
function notAReportMessage(parsed: ParsedReport, kind: InputKindModule): string {
  const { report } = parsed;
  if (!report.children.length && !report.title) return `${kind.noun}是空的（没有文字），没有可检查的内容`;
  return `未识别为政府信息公开工作年度报告：${kind.noun}中找不到“一、总体情况”等部分标题，未作检查`;
}

/**
 * Messages in the document's own terms, where the input kind has them: each gets its place (第 2 个表格第 5 行第 3 格),
 * fixes are kept only where they replace plain text of the source, and the kind may say more (a Word file's
 * logical lines).
 */
function localize(messages: LintMessage[], parsed: ParsedReport, kind: InputKindModule): void {
  const { source, input } = parsed;
  // where the input kind has places, those outside its tables in the report's terms (第三部分第 2 段)
  const placeOf = (offset: number) => input.place(offset) ?? (input.sectionPlaces ? sectionPlace(parsed.report, offset) : undefined);
  for (const m of messages) {
    if (m.ruleId === null || m.fatal) continue;
    const place = placeOf(source.offset(m.line, m.column));
    if (place) m.place = place;
    if (m.fix && !input.canEdit(m.fix.range)) delete m.fix;
    if (m.suggestions) {
      m.suggestions = m.suggestions.filter((s) => input.canEdit(s.fix.range));
      if (!m.suggestions.length) delete m.suggestions;
    }
    kind.localize?.(m, place);
    for (const r of m.related ?? []) {
      if (r.filePath !== undefined) continue; // a place in another report, already in its own terms
      const p = placeOf(source.offset(r.line, r.column));
      if (p) r.place = p;
      kind.localizeRelated?.(r, p);
    }
  }
}

/** Step 1 for a file: its bytes read (within the size limit) and made the text to lint. Throws with a reason. */
export async function readInput(path: string, encoding?: string): Promise<InputText> {
  return inputFromBytes(await readBytes(path), path, encoding);
}

export function fatalResult(filePath: string, message: string): LintResult {
  return result(filePath, [fatalMessage(message)]);
}

/** Lint a text, and whatever goes wrong with one file, the others are still linted. */
function lintGuarded(path: string, text: string, env: LintEnv, opts: LintTextOptions): LintResult {
  try {
    return lintText(text, env, { ...opts, filePath: path }).result;
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

export interface LintFileOptions extends LintTextOptions {
  /** force a text encoding (utf-8, gb18030, utf-16le …) */
  encoding?: string;
}

/** Steps 1–7 for a file (any supported encoding, a page, a .docx …); a file that cannot be read gives one fatal message. */
export async function lintFile(path: string, env: LintEnv, opts: LintFileOptions = {}): Promise<LintResult> {
  const input = await readOrFatal(path, opts.encoding);
  if ('messages' in input) return input;
  return withNotes(lintGuarded(path, input.text, env, { ...opts, kind: input.kind, place: input.place }), input);
}

/** What the reader could not read (a PDF's scanned pages), as warnings before the findings. */
function withNotes(r: LintResult, input: InputText): LintResult {
  if (!input.notes?.length) return r;
  const notes: LintMessage[] = input.notes.map((message) => ({ ruleId: null, severity: 1, message, line: 1, column: 1, endLine: 1, endColumn: 1 }));
  return { ...r, messages: [...notes, ...r.messages], warningCount: r.warningCount + notes.length };
}

/** Steps 1–7 for bytes that come from elsewhere (standard input), read as a file called `name` would be. */
export async function lintBytes(bytes: Uint8Array, name: string, env: LintEnv, opts: LintFileOptions & { filePath: string }): Promise<LintResult> {
  let input: InputText;
  try {
    input = await inputFromBytes(bytes, name, opts.encoding);
  } catch (e) {
    return fatalResult(opts.filePath, `标准输入${readErrorMessage(e)}`);
  }
  return withNotes(lintText(input.text, env, { ...opts, kind: input.kind, place: input.place }).result, input);
}

/**
 * Fix a file and write it back (unless `dryRun`): same encoding, BOM and line endings, written atomically, and
 * not touched at all when nothing changes. The result's findings are those of the fixed text; its `output` is the
 * fixed text. When the file cannot be written, the result holds a fatal finding that says why, the findings of
 * the file as it is, and no output: the file is left whole. A file whose text is made from it (a .docx) is never
 * rewritten: its findings, without fixes.
 */
export async function fixFile(path: string, env: LintEnv, opts: LintFileOptions & { dryRun?: boolean } = {}): Promise<LintResult> {
  const input = await readOrFatal(path, opts.encoding);
  if ('messages' in input) return input;
  if (!input.decoded) return withNotes(lintGuarded(path, input.text, env, { ...opts, kind: input.kind, place: input.place }), input);
  const { bytes, decoded } = input.decoded;
  const r = lintText(decoded.text, env, { ...opts, filePath: path, fix: true, kind: input.kind }).result;
  if (opts.dryRun || r.output === undefined) return r;
  try {
    await writeFixedFile(path, bytes, decoded, r.output);
    return r;
  } catch (e) {
    const why = e instanceof WriteError ? e.message : e instanceof Error ? e.message : String(e);
    const before = lintText(decoded.text, env, { ...opts, filePath: path, fix: false, kind: input.kind }).result;
    const fatal = fatalMessage(`无法写入修正，文件保持原样：${why}`);
    return { ...result(path, [fatal, ...before.messages], decoded.text), ...(before.suppressedMessages ? { suppressedMessages: before.suppressedMessages } : {}) };
  }
}

