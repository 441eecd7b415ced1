/**
 * Running the built command line (dist/, built by `npm test` before jest) as a user or CI would, for the end-to-end
 * suites under test/e2e/. Every run has a time limit, only to stop a hang: it is far above what any run needs, even on
 * a loaded machine, and a run that reaches it fails with a message saying so (no test measures time).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ROOT } from './root.js';

export { ROOT };
export const BIN = join(ROOT, 'dist', 'src', 'cli', 'bin.js');

/** A hang guard, not a measure: a run of the CLI that takes longer than this is stuck. */
export const HANG_MS = 180_000;

/** The official SARIF 2.1.0 schema (OASIS, 2.1.0 errata01), kept in test/fixtures/reference. */
export const SARIF_SCHEMA_PATH = join(ROOT, 'test/fixtures/reference/sarif-schema-2.1.0.json');

export interface Run {
  /** the exit code (null when the process was killed) */
  status: number | null;
  /** the same, under the name some suites use */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** added to the environment (after GitHub's and colour variables are taken out of it) */
  env?: Record<string, string>;
  /** standard input (default: empty) */
  input?: string | Buffer;
}

/** The environment of a run: this one's, less whatever GitHub Actions or the terminal would add. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GITHUB_') && k !== 'FORCE_COLOR' && k !== 'NO_COLOR') env[k] = v;
  return { ...env, ...extra };
}

function needBuild(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run the end-to-end tests with \`npm test\` or \`npm run test:e2e\`, which build first`);
}

/** Run `node dist/src/cli/bin.js ...args` and wait for it. */
export function runCli(args: string[], opts: RunOptions = {}): Run {
  needBuild();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: cleanEnv(opts.env),
    input: opts.input ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: HANG_MS,
  });
  if (r.error) throw new Error(`report-lint ${args.join(' ')}: ${r.error.message}${r.signal ? ` (stopped by ${r.signal} after ${HANG_MS / 1000} s: a hang?)` : ''}`);
  return { status: r.status, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without waiting: for many runs at once. */
export function runCliAsync(args: string[], opts: Omit<RunOptions, 'input'> = {}): Promise<Run> {
  needBuild();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: cleanEnv(opts.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`report-lint ${args.join(' ')} did not finish in ${HANG_MS / 1000} s (a hang?)`));
    }, HANG_MS);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (e) => {
      clearTimeout(guard);
      fail(e);
    });
    child.on('close', (status) => {
      clearTimeout(guard);
      done({ status, code: status, stdout, stderr });
    });
  });
}

/** A file's result in the JSON output (ESLint's shape). */
export interface JsonResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  messages: Array<{
    ruleId: string | null;
    severity: number;
    fatal?: boolean;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    place?: { text: string; paragraph?: number; table?: number; row?: number; cell?: number };
    location?: Record<string, string>;
  }>;
}

/** `--format json ...args`: the exit code and the parsed results. */
export function runJson(args: string[], opts: RunOptions = {}): { code: number | null; results: JsonResult[]; stderr: string } {
  const r = runCli(['--format', 'json', ...args], opts);
  return { code: r.code, results: JSON.parse(r.stdout) as JsonResult[], stderr: r.stderr };
}

/** A new empty temporary folder (left for the system to clean). */
export function tempDir(prefix = 'report-lint-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A new empty temporary folder and the function that removes it. */
export function tempFolder(prefix = 'report-lint-test-'): { dir: string; done: () => void } {
  const dir = tempDir(prefix);
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A temporary folder tree: { 'a/b.txt': 'text', … } */
export function tree(files: Record<string, string>, prefix = 'report-lint-test-'): string {
  const dir = tempDir(prefix);
  for (const [p, text] of Object.entries(files)) writeText(join(dir, p), text);
  return dir;
}

/** Copy samples into a folder: rel path in the repo → path below `dir`. */
export function copySamples(dir: string, files: Record<string, string>): void {
  for (const [from, to] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    copyFileSync(join(ROOT, from), join(dir, to));
  }
}

export function writeText(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** Validate a SARIF log against the official schema; returns the errors (empty when valid). */
export function sarifErrors(log: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')));
  }
  return validator(log) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
