/**
 * The page's engine side: the same lint() as the command line, with the settings of the page (preset, rule
 * switches, a loaded .reportlintrc.json, a forced format). One OpenFile per opened report.
 */
import { builtinRules, inputFromBytes, inputKinds, lint, lintEnv, lintText, readErrorMessage, ruleMap, validateConfig } from '../src/index.js';
import type { InputText, LintEnv, LintResult, ParsedReport, RuleSetting, SeveritySetting } from '../src/index.js';
import { presets, type ConfigData, type RuleEntry } from '../src/config/load.js';
import { extractValues, type Extracted } from '../src/cli/extract.js';
import { encodeText } from '../src/io/write.js';
import type { RuleModule } from '../src/engine/rule.js';

export const RULES: ReadonlyMap<string, RuleModule> = ruleMap([builtinRules]);
export const PRESETS = presets(new Map(RULES)) as Record<string, ConfigData>;

export type Switch = 'default' | 'off' | 'warn' | 'error';

export interface Settings {
  preset: keyof typeof PRESETS;
  /** a .reportlintrc.json loaded in the page */
  config?: { name: string; rules: Record<string, RuleSetting>; format?: string; ignored: string[] };
  /** the page's switches, over the preset and the configuration file */
  switches: Record<string, Switch>;
  /** '' = by the report's year */
  format: '' | '2019' | '2021';
}

export const settings: Settings = { preset: 'report-lint:recommended', switches: {}, format: '' };

function normalize(v: RuleEntry): RuleSetting {
  if (Array.isArray(v)) return v.length > 1 ? { severity: v[0], options: v[1] as Record<string, unknown> } : { severity: v[0] };
  return { severity: v };
}

/** The rule settings in force: preset, then the configuration file, then the switches. */
export function effectiveRules(s: Settings = settings): Record<string, SeveritySetting | RuleSetting> {
  const out: Record<string, SeveritySetting | RuleSetting> = {};
  for (const [id, v] of Object.entries(PRESETS[s.preset]?.rules ?? {})) out[id] = normalize(v);
  for (const [id, v] of Object.entries(s.config?.rules ?? {})) {
    const before = out[id];
    out[id] = v.options === undefined && typeof before === 'object' && before.options ? { ...v, options: before.options } : v;
  }
  for (const [id, v] of Object.entries(s.switches)) {
    if (v === 'default') continue;
    const before = out[id];
    out[id] = typeof before === 'object' && before.options ? { severity: v, options: before.options } : v;
  }
  return out;
}

let env: LintEnv | undefined;
export function currentEnv(): LintEnv {
  return (env ??= lintEnv([builtinRules], effectiveRules()));
}
export function settingsChanged(): void {
  env = undefined;
}

export function forcedFormat(): string | undefined {
  return settings.format || settings.config?.format || undefined;
}

/**
 * Read a .reportlintrc.json as the command line would (validated against the same schema); what cannot apply
 * in a browser (plugins, dictionaries, templates, overrides, ignorePatterns, extends of files) is listed in
 * `ignored`. Throws an Error whose message lists the problems.
 */
export function loadConfigText(name: string, text: string): NonNullable<Settings['config']> {
  let data: ConfigData;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`配置文件 ${name} 不是有效的 JSON：${e instanceof Error ? e.message : e}`);
  }
  const problems = validateConfig(data, new Map(RULES));
  if (problems.length) throw new Error(`配置文件 ${name} 有误：${problems.map((p) => p.message).join('；')}`);
  const ignored: string[] = [];
  let rules: Record<string, RuleSetting> = {};
  for (const ext of [data.extends ?? []].flat()) {
    const preset = PRESETS[ext];
    if (preset) for (const [id, v] of Object.entries(preset.rules ?? {})) rules[id] = normalize(v);
    else ignored.push(`extends「${ext}」（页面中只能用内置预设）`);
  }
  for (const [id, v] of Object.entries(data.rules ?? {})) rules = { ...rules, [id]: normalize(v) };
  for (const key of ['plugins', 'dictionaries', 'templates', 'overrides', 'ignorePatterns'] as const) {
    const v = data[key];
    if (Array.isArray(v) && v.length) ignored.push(`${key}（页面中不能读取其他文件）`);
  }
  return { name, rules, format: data.format, ignored };
}

export interface OpenFile {
  id: number;
  name: string;
  bytes: Uint8Array;
  input?: InputText;
  /** the text linted now (an edited text report: the editor's text, with \n line breaks) */
  text: string;
  /** the file's line breaks as read, to write it back with them */
  eols: string[];
  edited: boolean;
  result: LintResult;
  parsed: ParsedReport | null;
}

let nextId = 1;

function fatal(name: string, message: string): LintResult {
  return { filePath: name, messages: [{ ruleId: null, severity: 2, fatal: true, message, line: 1, column: 1, endLine: 1, endColumn: 1 }], errorCount: 1, warningCount: 0, fatalErrorCount: 1, fixableErrorCount: 0, fixableWarningCount: 0 };
}

/** Bytes of a file → read (any encoding the CLI reads, a page, a .docx) and linted. */
export async function openFile(name: string, bytes: Uint8Array): Promise<OpenFile> {
  const f: OpenFile = { id: nextId++, name, bytes, text: '', eols: [], edited: false, result: fatal(name, ''), parsed: null };
  try {
    f.input = await inputFromBytes(bytes, name);
  } catch (e) {
    f.result = fatal(name, readErrorMessage(e));
    return f;
  }
  f.text = f.input.text;
  f.eols = f.text.match(/\r\n|\r|\n/g) ?? [];
  analyse(f);
  return f;
}

/** Lint the file's current text; the report the rules ran on is kept for the report view. */
export function analyse(f: OpenFile): void {
  if (!f.input) return;
  try {
    const r = lintText(f.text, currentEnv(), { filePath: f.name, kind: f.input.kind, format: forcedFormat() });
    f.result = r.result;
    f.parsed = r.parsed ?? null;
  } catch (e) {
    f.result = fatal(f.name, `检查这个文件时出错：${e instanceof Error ? e.message : String(e)}`);
    f.parsed = null;
  }
}

/** Whether the file can be edited in the page and written back: a plain-text kind (text, Markdown) read from its bytes. */
export function editable(f: OpenFile): boolean {
  return !!f.input?.decoded && !!kindOf(f)?.plain;
}

function kindOf(f: OpenFile) {
  return inputKinds.find((k) => k.id === f.input?.kind);
}

/** Whether the file's lines are logical (a binary kind made into text, as a .docx: the line is the paragraph or table). */
export function logicalLines(f: OpenFile): boolean {
  return !!kindOf(f)?.binary;
}

/** What the file picker offers: every input kind's file name endings. */
export function acceptedNames(): string {
  return inputKinds.flatMap((k) => [...k.extensions, ...(k.otherNames ?? [])]).join(',');
}

/** The text with the fixes of lint() applied (the engine's fix passes; never a number changed). */
export function fixedText(f: OpenFile): string {
  const r = lint(f.text, { filePath: f.name, env: currentEnv(), kind: f.input?.kind, format: forcedFormat(), fix: true });
  return r.output ?? f.text;
}

/** The current text as bytes of the file as it was: its encoding, BOM and line breaks. */
export function fileBytes(f: OpenFile): Uint8Array<ArrayBuffer> {
  const d = f.input!.decoded!.decoded;
  let text = f.text;
  if (f.edited) {
    // the editor has \n everywhere: put back each line's own line break (new lines get the most common one)
    const common = mostCommon(f.eols) ?? '\n';
    const lines = text.split('\n');
    text = lines.map((l, i) => (i < lines.length - 1 ? l + (f.eols[i] ?? common) : l)).join('');
  }
  return new Uint8Array(encodeText(text, d.encoding, d.bom));
}

function mostCommon(xs: string[]): string | undefined {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function encodingLabel(f: OpenFile): string {
  const d = f.input?.decoded?.decoded;
  if (!d) return kindOf(f)?.noun ?? '';
  const e = d.encoding.toLowerCase();
  const name = e === 'utf-8' ? 'UTF-8' : e === 'utf-16le' ? 'UTF-16 LE' : e === 'utf-16be' ? 'UTF-16 BE' : e.toUpperCase();
  const eol = mostCommon(f.eols);
  return `${name}${d.bom ? '（带 BOM）' : ''}${eol ? `，${eol === '\r\n' ? 'CRLF' : eol === '\r' ? 'CR' : 'LF'} 换行` : ''}`;
}

export function extract(f: OpenFile): Extracted | undefined {
  return f.parsed ? extractValues(f.parsed, f.name) : undefined;
}
