/**
 * The programmatic API: thin wrappers that resolve what a lint runs with (session.ts) and call the lint path
 * (lint.ts).
 *
 *   import { lint, lintFiles } from 'report-lint';
 *   const result = lint(text, { filePath: 'report.txt' });
 */
import { expandPaths } from './io/files.js';
import { searchedExtensions } from './readers/index.js';
import { result } from './engine/run.js';
import * as path from './lint.js';
import type { LintEnv } from './engine/run.js';
import type { PeerReport, Plugin, RuleMeta } from './engine/rule.js';
import type { InputKind, InputText } from './readers/index.js';
import { defaultEnv, Session, type RuleSettings } from './session.js';
import type { LintResult, SeveritySetting } from './types.js';

export interface ApiOptions {
  filePath?: string;
  /** extra plugins, used beside the built-in rules */
  plugins?: Plugin[];
  rules?: RuleSettings;
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
  /** how to read the text given to lint(): an input kind's id (text, markdown, html, docx, pdf); default by filePath */
  kind?: InputKind;
  /** other reports of the same agency (other years), for the cross-file rules; see src/batch/crossyear.ts */
  peers?: readonly PeerReport[];
  /** where an offset of the text was in the document it was made from (a PDF: readInput's `place`) */
  place?: InputText['place'];
}

export interface FilesOptions extends ApiOptions {
  /** where relative paths and config discovery start (default: process.cwd()) */
  cwd?: string;
  /** a configuration file for every file, or false for none; default: discovered from each file's folder upwards */
  config?: string | false;
}

const envOf = (opts: ApiOptions & { env?: LintEnv }): LintEnv => opts.env ?? defaultEnv(opts.plugins, opts.rules);

/**
 * Lint a report's text (no configuration file is read; `env`, when given, is what it is linted with); with `fix`,
 * the fixed text is in the result's `output`.
 */
export function lint(text: string, opts: ApiOptions & { env?: LintEnv } = {}): LintResult {
  return path.lintText(text, envOf(opts), opts).result;
}

/** Read a file (any supported encoding, a page, a .docx) and lint it; a file that cannot be read gives one fatal message. */
export function lintFile(file: string, opts: ApiOptions & { env?: LintEnv } = {}): Promise<LintResult> {
  return path.lintFile(file, envOf(opts), opts);
}

/**
 * Fix a file and write it back (unless `dryRun`): same encoding, BOM and line endings, written atomically, and
 * not touched at all when nothing changes (see lint.ts fixFile).
 */
export function fixFile(file: string, opts: ApiOptions & { env?: LintEnv; dryRun?: boolean } = {}): Promise<LintResult> {
  return path.fixFile(file, envOf(opts), opts);
}

/**
 * Lint files one after another (each read, linted and released in turn), each with the configuration that
 * applies to it (discovered from its folder upwards, unless `config` says otherwise). With `fix`, the fixed
 * texts are in the results' `output`; nothing is written (fixFile writes).
 */
export async function lintFiles(paths: string[], opts: FilesOptions = {}): Promise<LintResult[]> {
  const cwd = opts.cwd ?? process.cwd();
  const session = new Session({ cwd, configFile: typeof opts.config === 'string' ? opts.config : undefined, noConfig: opts.config === false, rules: opts.rules, plugins: opts.plugins });
  // folders searched and globs expanded as on the command line; what cannot be used is said in its result
  const targets = await expandPaths(paths, searchedExtensions(), cwd);
  const setups = [];
  for (const t of targets) setups.push(t.error || t.skipped ? undefined : await session.forFile(t.path)); // every configuration is validated before any file is linted
  const out: LintResult[] = [];
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    const setup = setups[i];
    if (!setup) {
      out.push(
        t.skipped
          ? result(t.path, [{ ruleId: null, severity: 1, message: `已跳过：${t.skipped}`, line: 1, column: 1, endLine: 1, endColumn: 1 }])
          : path.fatalResult(t.path, t.error ?? '无法读取'),
      );
      continue;
    }
    // a file found in a folder that the configuration's ignorePatterns name is passed over, as on the command line
    if (!t.explicit && setup.ignored) continue;
    out.push(await path.lintFile(t.path, setup.env, opts));
  }
  return out;
}
