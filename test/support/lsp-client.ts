/**
 * An LSP client for the tests: spawns the built server (`node dist/src/cli/bin.js lsp --stdio`) as a child process
 * and talks to it over its stdin/stdout with vscode-languageserver-protocol's node connection, as an editor does.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as P from 'vscode-languageserver-protocol/node';
import { BIN, ROOT } from './cli.js';

export { BIN, ROOT };

/** A hang guard, not a measure: how long to wait for an answer or a notification before the test fails. */
export const WAIT_MS = 60000;

export class LspClient {
  readonly child: ChildProcessWithoutNullStreams;
  readonly conn: P.ProtocolConnection;
  /** every publishDiagnostics received, in order */
  readonly published: P.PublishDiagnosticsParams[] = [];
  /** window/logMessage and window/showMessage texts */
  readonly logs: string[] = [];
  /** what the server registered dynamically (client/registerCapability) */
  readonly registrations: P.Registration[] = [];
  /** errors of the protocol stream (anything on stdout that is not a well-formed message) */
  readonly streamErrors: unknown[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  private waiters: Array<() => void> = [];

  constructor(args: string[] = ['lsp', '--stdio']) {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run the tests with \`npm test\`, which builds first`);
    this.child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (s: string) => (this.stderr += s));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    const reader = new P.StreamMessageReader(this.child.stdout);
    const writer = new P.StreamMessageWriter(this.child.stdin);
    reader.onError((e) => this.streamErrors.push(e));
    this.conn = P.createProtocolConnection(reader, writer);
    this.conn.onNotification(P.PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.notify();
    });
    this.conn.onNotification(P.LogMessageNotification.type, (p) => this.logs.push(p.message));
    // dynamic registrations (the server asks to be told about configuration files that change)
    this.conn.onRequest(P.RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.conn.onNotification(P.ShowMessageNotification.type, (p) => this.logs.push(p.message));
    this.conn.onError(([e]) => this.streamErrors.push(e));
    this.conn.listen();
  }

  private notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  async initialize(capabilities: P.ClientCapabilities, initializationOptions?: unknown): Promise<P.InitializeResult> {
    const r = await this.conn.sendRequest(P.InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions,
    });
    await this.conn.sendNotification(P.InitializedNotification.type, {});
    return r;
  }

  open(uri: string, text: string, version = 1, languageId = 'plaintext'): Promise<void> {
    return this.conn.sendNotification(P.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: P.TextDocumentContentChangeEvent[]): Promise<void> {
    return this.conn.sendNotification(P.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.conn.sendNotification(P.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Wait for the first publishDiagnostics for `uri` received after `since` (an index into `published`) that satisfies `test`. */
  async diagnostics(uri: string, since: number, test: (p: P.PublishDiagnosticsParams) => boolean = () => true): Promise<P.PublishDiagnosticsParams> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const found = this.published.slice(since).find((p) => p.uri === uri && test(p));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        const got = this.published.slice(since).filter((p) => p.uri === uri).map((p) => `v${p.version}: ${p.diagnostics.length}`);
        throw new Error(`no matching publishDiagnostics for ${uri} (received: ${got.join(', ') || 'none'}); server stderr: ${this.stderr}`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** shutdown, then exit; resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    await this.conn.sendRequest(P.ShutdownRequest.type);
    await this.conn.sendNotification(P.ExitNotification.type);
    return this.exitCode();
  }

  /** The exit code, once the process has ended (rejects if it does not end in time). */
  async exitCode(): Promise<number | null> {
    let t: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      t = setTimeout(() => reject(new Error('the server did not exit')), WAIT_MS);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(t);
      this.conn.dispose();
    }
  }

  /** End the child if a test left it running (only this client's own process). */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
    this.conn.dispose();
  }
}

/** Apply LSP text edits to a text (positions in UTF-16). */
export function applyEdits(text: string, edits: P.TextEdit[], offsetAt: (text: string, p: P.Position) => number = utf16Offset): string {
  const spans = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** Offset of a position whose character counts UTF-16 code units (text with LF line ends). */
export function utf16Offset(text: string, p: P.Position): number {
  return lineStarts(text)[p.line] + p.character;
}

/** Offset of a position whose character counts UTF-8 bytes (computed independently of the server, with Buffer). */
export function utf8Offset(text: string, p: P.Position): number {
  const start = lineStarts(text)[p.line];
  const line = text.slice(start).split('\n')[0];
  const bytes = Buffer.from(line, 'utf8');
  return start + bytes.subarray(0, p.character).toString('utf8').length;
}
