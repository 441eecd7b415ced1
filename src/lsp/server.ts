/**
 * The language server: `report-lint lsp --stdio`. A thin shell around lint() and parseReport(): it keeps the open
 * documents, lints each new version (debounced; only the latest version's findings are published) and answers
 * code actions, hovers and outlines from the analysis of the document's current version (features.ts).
 *
 * The protocol runs over stdin/stdout, so nothing else may write to stdout: logs go to the client
 * (connection.console), console.* is redirected there too.
 */
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import builtinRules from '../../rules/index.js';
import { ConfigError, parseReport, resolveRules, ruleMap, type RuleSetting } from '../engine/linter.js';
import { fatalResult, lint } from '../index.js';
import { packageVersion } from '../paths.js';
import type { SeveritySetting } from '../types.js';
import { codeActions, diagnostics, documentSymbols, FIX_ALL_KIND, flatSymbols, hover, type Analysis } from './features.js';
import { LineIndex, negotiateEncoding, type PositionEncoding } from './text.js';

export const DEFAULT_DEBOUNCE_MS = 200;

type RuleSettings = Record<string, SeveritySetting | RuleSetting>;

/** Settings from the command line (`report-lint lsp --stdio --rule cell-empty:off --report-format 2021`). */
export interface ServerOptions {
  rules?: RuleSettings;
  /** force a format (2019 | 2021) */
  format?: string;
}

/**
 * What a client may pass as initializationOptions:
 *   { "debounceMs": 200, "rules": { "cell-empty": "off" }, "reportFormat": "2021" }
 * They are merged over the command line's settings.
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

export function startLanguageServer(options: ServerOptions = {}): Connection {
  // stdio whether or not the client passed --stdio: the protocol owns stdout from here on
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const log = connection.console;
  redirectConsole(connection);
  process.on('uncaughtException', (e) => log.error(`report-lint 语言服务器内部错误：${describe(e)}`));
  process.on('unhandledRejection', (e) => log.error(`report-lint 语言服务器内部错误：${describe(e)}`));

  const rules = ruleMap([builtinRules]);
  const documents = new Map<string, TextDocument>();
  const analyses = new Map<string, Analysis>();
  const timers = new Map<string, NodeJS.Timeout>();
  const state: State = {
    encoding: 'utf-16',
    debounceMs: DEFAULT_DEBOUNCE_MS,
    rules: options.rules ?? {},
    format: options.format,
    hierarchicalSymbols: false,
    documentChanges: false,
  };
  const startupWarnings: string[] = [];

  /** Run a handler; a failure is logged and answered with the fallback, never allowed to stop the server. */
  function guard<T>(what: string, fallback: T, fn: () => T): T {
    try {
      return fn();
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
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    if (init.debounceMs !== undefined) {
      if (typeof init.debounceMs === 'number' && init.debounceMs >= 0 && Number.isFinite(init.debounceMs)) state.debounceMs = init.debounceMs;
      else startupWarnings.push(`initializationOptions.debounceMs 应为不小于 0 的毫秒数，收到「${String(init.debounceMs)}」，已使用 ${DEFAULT_DEBOUNCE_MS}`);
    }
    if (init.reportFormat !== undefined) {
      if (init.reportFormat === '2019' || init.reportFormat === '2021') state.format = init.reportFormat;
      else startupWarnings.push(`initializationOptions.reportFormat 应为 2019 或 2021，收到「${String(init.reportFormat)}」，已按年份判断`);
    }
    if (init.rules !== undefined) {
      const merged = { ...state.rules, ...(typeof init.rules === 'object' && init.rules ? init.rules : {}) };
      try {
        resolveRules([builtinRules], merged);
        state.rules = merged;
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        startupWarnings.push(`initializationOptions.rules 无效：${e.message}；已使用默认设置`);
      }
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
  });

  /** The analysis of a document's current version (linted now if it has not been yet). */
  function analyze(doc: TextDocument): Analysis {
    const cached = analyses.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    const filePath = filePathOf(doc.uri);
    let result;
    try {
      result = lint(text, { filePath, rules: state.rules, format: state.format });
    } catch (e) {
      log.error(`检查 ${doc.uri}（版本 ${doc.version}）时出错：${describe(e)}`);
      result = fatalResult(filePath, `report-lint 内部错误，未能检查这个文件：${e instanceof Error ? e.message : String(e)}`);
    }
    const a: Analysis = { uri: doc.uri, version: doc.version, index: new LineIndex(text, state.encoding), result };
    analyses.set(doc.uri, a);
    return a;
  }

  /** The report AST of an analysis, read on first use (hover and outline need it; diagnostics do not). */
  function withReport(a: Analysis): Analysis {
    if (a.parsed === undefined) {
      try {
        a.parsed = parseReport(a.index.text, { filePath: filePathOf(a.uri), format: state.format });
      } catch (e) {
        a.parsed = null;
        log.error(`读取 ${a.uri}（版本 ${a.version}）时出错：${describe(e)}`);
      }
    }
    return a;
  }

  function publish(uri: string): void {
    const doc = documents.get(uri);
    if (!doc) return;
    const a = analyze(doc);
    // the latest version wins: findings of a version that has been edited since are never shown
    if (documents.get(uri)?.version !== a.version) return;
    void connection.sendDiagnostics({ uri, version: a.version, diagnostics: diagnostics(a, rules) });
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        guard(`检查 ${uri} `, undefined, () => publish(uri));
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
    guard('关闭文档', undefined, () => {
      clearTimeout(timers.get(d.uri));
      timers.delete(d.uri);
      documents.delete(d.uri);
      analyses.delete(d.uri);
      void connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
    }),
  );

  connection.onCodeAction((params) =>
    guard('代码操作', [], () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      return codeActions(
        analyze(doc),
        { range: params.range, diagnostics: params.context.diagnostics, only: params.context.only },
        rules,
        { documentChanges: state.documentChanges },
      );
    }),
  );

  connection.onHover((params) =>
    guard('悬停提示', null, () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return null;
      const a = withReport(analyze(doc));
      return hover(a, a.index.offsetAt(params.position), rules);
    }),
  );

  connection.onDocumentSymbol((params) =>
    guard('文档大纲', [], () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const a = withReport(analyze(doc));
      const symbols = documentSymbols(a);
      return state.hierarchicalSymbols ? symbols : flatSymbols(a, symbols);
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
