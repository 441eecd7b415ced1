/**
 * The language server: `report-lint lsp --stdio`. A thin shell around the linter: it keeps the open documents,
 * lints each new version with the configuration the CLI would use for that file (debounced; only the latest
 * version's findings are published) and answers code actions, hovers and outlines from the analysis of the
 * document's current version (features.ts).
 *
 * The protocol runs over stdin/stdout, so nothing else may write to stdout: logs go to the client
 * (connection.console), console.* is redirected there too.
 */
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SEARCH_PLACES } from '../config/load.js';
import { ConfigError, result, ruleMap, type LintEnv, type RuleSetting } from '../engine/run.js';
import type { RuleModule } from '../engine/rule.js';
import { builtinFormats } from '../format/formats.js';
import { fatalResult, lintText } from '../lint.js';
import { kindOfName, type InputKind } from '../readers/index.js';
import { BUILTIN_PLUGIN, Session } from '../session.js';
import { packageVersion } from '../paths.js';
import type { SeveritySetting } from '../types.js';
import { codeActions, diagnostics, documentSymbols, FIX_ALL_KIND, flatSymbols, hover, type Analysis } from './features.js';
import { LineIndex, negotiateEncoding, type PositionEncoding } from './text.js';

export const DEFAULT_DEBOUNCE_MS = 200;

type RuleSettings = Record<string, SeveritySetting | RuleSetting>;

/**
 * Settings from the command line, as for the CLI:
 * `report-lint lsp --stdio [--config FILE | --no-config] [--rule cell-empty:off] [--report-format 2021] [--quiet]`.
 */
export interface ServerOptions {
  /** --rule: over the configuration files' rules */
  rules?: RuleSettings;
  /** --report-format: force a format (2019 | 2021) */
  format?: string;
  /** --quiet: errors only */
  quiet?: boolean;
  /** where --config is resolved and where documents that are not files find their configuration */
  cwd?: string;
  configFile?: string;
  noConfig?: boolean;
  reportUnusedDisableDirectives?: boolean | SeveritySetting;
  requireReason?: boolean;
}

/**
 * What a client may pass as initializationOptions:
 *   { "debounceMs": 200, "rules": { "cell-empty": "off" }, "reportFormat": "2021" }
 * They are taken over the command line's settings.
 */
export interface InitializationOptions {
  debounceMs?: number;
  rules?: RuleSettings;
  reportFormat?: string;
}

interface State {
  encoding: PositionEncoding;
  debounceMs: number;
  rules: RuleSettings;
  format?: string;
  hierarchicalSymbols: boolean;
  documentChanges: boolean;
  /** folder of the workspace: documents that are not files (untitled:) take the configuration found from there */
  root: string;
}

/** What lints a file: the rules, formats and dictionary of its configuration, with the command line's settings. */
interface Setup {
  env: LintEnv;
  rules: ReadonlyMap<string, RuleModule>;
}

/** One version of a document, checked, with what it was checked with. */
interface Checked extends Analysis {
  rules: ReadonlyMap<string, RuleModule>;
  env?: LintEnv;
  kind: InputKind;
}

/** How to read a document: as the CLI reads a file of its name; a page the editor calls HTML as a page. */
function inputKindOf(filePath: string, languageId: string): InputKind {
  // the editor's language as if it were a file name's ending: a kind that is not plain text (a page) wins
  const byLanguage = kindOfName(`.${languageId}`);
  return byLanguage.plain ? kindOfName(filePath).id : byLanguage.id;
}

/** The file path the linter sees for a document: the real path of a file: URI, else the URI's path. */
export function filePathOf(uri: string): string {
  try {
    const u = new URL(uri);
    if (u.protocol === 'file:') return fileURLToPath(u);
    return decodeURIComponent(u.pathname) || uri;
  } catch {
    return uri;
  }
}

function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}

export function startLanguageServer(options: ServerOptions = {}): Connection {
  // stdio whether or not the client passed --stdio: the protocol owns stdout from here on
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const log = connection.console;
  redirectConsole(connection);
  process.on('uncaughtException', (e) => log.error(`report-lint 语言服务器内部错误：${describe(e)}`));
  process.on('unhandledRejection', (e) => log.error(`report-lint 语言服务器内部错误：${describe(e)}`));

  const builtinRuleMap = ruleMap([BUILTIN_PLUGIN]);
  const documents = new Map<string, TextDocument>();
  const analyses = new Map<string, { version: number; checked: Promise<Checked> }>();
  const timers = new Map<string, NodeJS.Timeout>();
  // made on first use, after initialize (whose options may add rule settings), and anew when a configuration file changes
  let session: Session | undefined;
  const sessionNow = () =>
    (session ??= new Session({ cwd: options.cwd ?? process.cwd(), configFile: options.configFile, noConfig: options.noConfig, rules: state.rules, quiet: options.quiet }));
  const state: State = {
    encoding: 'utf-16',
    debounceMs: DEFAULT_DEBOUNCE_MS,
    rules: options.rules ?? {},
    format: options.format,
    hierarchicalSymbols: false,
    documentChanges: false,
    root: options.cwd ?? process.cwd(),
  };
  let watchConfig = false;
  const startupWarnings: string[] = [];

  /** Run a handler; a failure is logged and answered with the fallback, never allowed to stop the server. */
  async function guard<T>(what: string, fallback: T, fn: () => T | Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      log.error(`${what}失败：${describe(e)}`);
      return fallback;
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    state.encoding = negotiateEncoding(caps.general?.positionEncodings);
    state.hierarchicalSymbols = caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    state.documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
    watchConfig = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (rootUri && isFileUri(rootUri)) state.root = filePathOf(rootUri);
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    if (init.debounceMs !== undefined) {
      if (typeof init.debounceMs === 'number' && init.debounceMs >= 0 && Number.isFinite(init.debounceMs)) state.debounceMs = init.debounceMs;
      else startupWarnings.push(`initializationOptions.debounceMs 应为不小于 0 的毫秒数，收到「${String(init.debounceMs)}」，已使用 ${DEFAULT_DEBOUNCE_MS}`);
    }
    if (init.reportFormat !== undefined && init.reportFormat !== '') {
      const shorts = builtinFormats().map((f) => f.short);
      if (shorts.includes(init.reportFormat)) state.format = init.reportFormat;
      else startupWarnings.push(`initializationOptions.reportFormat 应为 ${shorts.join(' 或 ')}，收到「${String(init.reportFormat)}」，已按年份判断`);
    }
    if (init.rules !== undefined) {
      if (typeof init.rules === 'object' && init.rules !== null && !Array.isArray(init.rules)) state.rules = { ...state.rules, ...init.rules };
      else startupWarnings.push('initializationOptions.rules 应为「规则: 严重程度」的对象，如 { "cell-empty": "off" }，已忽略');
    }
    return {
      capabilities: {
        positionEncoding: state.encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        documentSymbolProvider: { label: 'report-lint' },
      },
      serverInfo: { name: 'report-lint', version: packageVersion() },
    };
  });

  connection.onInitialized(() => {
    log.info(`report-lint ${packageVersion()} 语言服务器已启动（位置编码 ${state.encoding}，修改后 ${state.debounceMs} 毫秒检查）`);
    for (const w of startupWarnings) {
      log.warn(w);
      void connection.window.showWarningMessage(`report-lint：${w}`);
    }
    // configuration files that change on disk are read again (clients without dynamic registration may still send the notification)
    if (watchConfig) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/{${SEARCH_PLACES.join(',')}}` }] })
        .catch((e: unknown) => log.warn(`无法监视配置文件：${describe(e)}`));
    }
  });

  connection.onDidChangeWatchedFiles((params) =>
    guard('重新读取配置', undefined, () => {
      const names = new Set(SEARCH_PLACES);
      if (!params.changes.some((c) => names.has(basename(filePathOf(c.uri))))) return;
      log.info('配置文件有变动，重新读取配置并检查打开的文档');
      session = undefined;
      analyses.clear();
      for (const uri of documents.keys()) schedule(uri, 0);
    }),
  );

  /** The configuration of a document and what it lints with (made once per configuration that applies). */
  function setupFor(uri: string) {
    return sessionNow().forFile(isFileUri(uri) ? filePathOf(uri) : join(state.root, basename(filePathOf(uri)) || 'untitled.txt'));
  }

  async function check(uri: string, version: number, text: string, languageId: string): Promise<Checked> {
    const filePath = filePathOf(uri);
    const markdown = languageId === 'markdown' || /\.(md|markdown)$/i.test(filePath);
    const base = { uri, version, index: new LineIndex(text, state.encoding), markdown, kind: inputKindOf(filePath, languageId) };
    try {
      const s = await setupFor(uri);
      // a file the configuration ignores (ignorePatterns) is not checked, as on the command line
      if (s.ignored) return { ...base, result: result(filePath, [], text), rules: s.rules, env: s.env, parsed: null };
      // one read of each version: the report the rules ran on serves hover and outline too
      const { result: r, parsed } = lintText(text, s.env, {
        filePath,
        format: state.format,
        markdown: markdown || undefined,
        kind: base.kind,
        reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
        requireReason: options.requireReason,
      });
      return { ...base, result: r, rules: s.rules, env: s.env, parsed: parsed ?? null };
    } catch (e) {
      log.error(`检查 ${uri}（版本 ${version}）时出错：${describe(e)}`);
      const why = e instanceof ConfigError ? `未能检查这个文件：${e.message}` : `report-lint 内部错误，未能检查这个文件：${e instanceof Error ? e.message : String(e)}`;
      return { ...base, result: fatalResult(filePath, why), rules: builtinRuleMap, parsed: null };
    }
  }

  /** The analysis of a document's current version (checked now if it has not been yet). */
  function analyze(doc: TextDocument): Promise<Checked> {
    const cached = analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.checked;
    const checked = check(doc.uri, doc.version, doc.getText(), doc.languageId);
    analyses.set(doc.uri, { version: doc.version, checked });
    return checked;
  }

  async function publish(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const c = await analyze(doc);
    // the latest version wins: findings of a version edited (or closed) while it was being checked are dropped
    if (documents.get(uri)?.version !== c.version) return;
    await connection.sendDiagnostics({ uri, version: c.version, diagnostics: diagnostics(c, c.rules) });
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void guard(`检查 ${uri} `, undefined, () => publish(uri));
      }, delay),
    );
  }

  connection.onDidOpenTextDocument(({ textDocument: d }) =>
    guard('打开文档', undefined, () => {
      documents.set(d.uri, TextDocument.create(d.uri, d.languageId, d.version, d.text));
      // a document opened again (with a version number it may have had before) is read afresh
      analyses.delete(d.uri);
      schedule(d.uri, 0);
    }),
  );

  connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) =>
    guard('更新文档', undefined, () => {
      const doc = documents.get(d.uri);
      if (!doc) {
        log.warn(`收到未打开的文档的修改：${d.uri}`);
        return;
      }
      documents.set(d.uri, applyChanges(doc, contentChanges, d.version, state.encoding));
      schedule(d.uri, state.debounceMs);
    }),
  );

  connection.onDidCloseTextDocument(({ textDocument: d }) =>
    guard('关闭文档', undefined, async () => {
      clearTimeout(timers.get(d.uri));
      timers.delete(d.uri);
      documents.delete(d.uri);
      analyses.delete(d.uri);
      await connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
    }),
  );

  connection.onCodeAction((params) =>
    guard('代码操作', [], async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const c = await analyze(doc);
      return codeActions(c, { range: params.range, diagnostics: params.context.diagnostics, only: params.context.only }, c.rules, {
        documentChanges: state.documentChanges,
      });
    }),
  );

  connection.onHover((params) =>
    guard('悬停提示', null, async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const c = await analyze(doc);
      return hover(c, c.index.offsetAt(params.position), c.rules);
    }),
  );

  connection.onDocumentSymbol((params) =>
    guard('文档大纲', [], async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const c = await analyze(doc);
      const symbols = documentSymbols(c);
      return state.hierarchicalSymbols ? symbols : flatSymbols(c, symbols);
    }),
  );

  connection.onShutdown(() => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });

  connection.listen();
  return connection;
}

/**
 * Apply a didChange's edits in order. Ranges come in the negotiated encoding; vscode-languageserver-textdocument
 * works in UTF-16, so for UTF-8 and UTF-32 each range is converted against the text it applies to.
 */
export function applyChanges(doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number, encoding: PositionEncoding): TextDocument {
  if (encoding === 'utf-16') return TextDocument.update(doc, changes, version);
  let cur = doc;
  for (const c of changes) {
    if ('range' in c && c.range) {
      const index = new LineIndex(cur.getText(), encoding);
      const range = { start: index.toUtf16Position(c.range.start), end: index.toUtf16Position(c.range.end) };
      cur = TextDocument.update(cur, [{ range, text: c.text }], version);
    } else {
      cur = TextDocument.update(cur, [{ text: c.text }], version);
    }
  }
  return cur;
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** console.* would write to stdout, which is the protocol's: send it to the client's log instead. */
function redirectConsole(connection: Connection): void {
  const text = (args: unknown[]) => args.map((x) => (typeof x === 'string' ? x : inspect(x))).join(' ');
  console.log = (...a: unknown[]) => connection.console.log(text(a));
  console.info = (...a: unknown[]) => connection.console.info(text(a));
  console.debug = (...a: unknown[]) => connection.console.log(text(a));
  console.warn = (...a: unknown[]) => connection.console.warn(text(a));
  console.error = (...a: unknown[]) => connection.console.error(text(a));
}

/**
 * `report-lint lsp [--stdio]`: serve until the client sends exit (vscode-languageserver then ends the process,
 * with 0 after a shutdown request and 1 without one) or closes the connection.
 */
export function runLanguageServer(options: ServerOptions = {}): number {
  startLanguageServer(options);
  return 0;
}
