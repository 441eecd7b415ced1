/**
 * report-lint's programmatic API: exports only. The path itself is lint.ts; the API's functions are in api.ts.
 *
 *   import { lint, lintFiles } from 'report-lint';
 *   const result = lint(text, { filePath: 'report.txt' });
 */
export * from './types.js';
export { lint, lintFile, fixFile, lintFiles } from './api.js';
export type { ApiOptions, FilesOptions } from './api.js';
export { lintText, parseText, readInput, fatalResult } from './lint.js';
export type { ParseOptions, LintTextOptions, LintFileOptions } from './lint.js';
export { defineRule, definePlugin, docsUrl } from './engine/rule.js';
export type { Plugin, RuleModule, RuleMeta, RuleContext, ReportDescriptor, PeerReport } from './engine/rule.js';
export { ConfigError, resolveRules, ruleMap, lintEnv, severityOf, result } from './engine/run.js';
export type { RuleSetting, ParsedReport, LintEnv } from './engine/run.js';
export { inputFromBytes, KINDS as inputKinds } from './readers/index.js';
export type { InputKind, InputKindModule, InputText } from './readers/index.js';
export { MAX_FILE_BYTES, readErrorMessage } from './io/read.js';
export { builtinFormats, validateFormat, Format, FormatError } from './format/formats.js';
export { reportParse, reportProcessor, parseReport } from './unified.js';
export type { ReportParseOptions, ReportFileData } from './unified.js';
export { evaluateRelations, valueToHold } from './format/relations.js';
export { applyFixes, fixText, isSafeFix, unsafeFixReason, MAX_PASSES } from './engine/fix.js';
export * as ast from './ast.js';
export * from './rule-kit.js';
export { BUILTIN_PLUGIN as builtinRules, Session, defaultEnv } from './session.js';
export type { SessionOptions, FileSetup, RuleSettings } from './session.js';
export { ConfigLoader, describeConfig } from './config/load.js';
export type { ConfigData, FileConfig, LoadedConfig } from './config/load.js';
export { buildConfigSchema, validateConfig } from './config/schema.js';
export { buildDictionary, builtinDictionary, makeDictionary } from './format/dictionary.js';
export type { Dictionary, DictionaryEntry } from './format/dictionary.js';
export { formatFromData, loadFormatFile } from './format/custom.js';
export { parseReport as parse } from './unified.js';
