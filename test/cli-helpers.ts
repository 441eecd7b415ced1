/**
 * Running the built command line (dist/, built by `npm test` before jest) as CI would, and the inputs the CI-format
 * tests share.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ROOT, SEEDS, readSample, replaceLine } from './helpers.js';

export const BIN = join(ROOT, 'dist/src/cli/bin.js');
/** The official SARIF 2.1.0 schema (a copy of the reference's: a fresh clone has no ../shared beside it). */
export const SARIF_SCHEMA_PATH = join(ROOT, 'test/fixtures/reference/sarif-schema-2.1.0.json');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a run: this one's, less whatever GitHub Actions or the terminal would add. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GITHUB_') && k !== 'FORCE_COLOR' && k !== 'NO_COLOR') env[k] = v;
  return { ...env, ...extra };
}

export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string | Buffer } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: cleanEnv(opts.env),
    input: opts.input ?? '',
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without waiting: for many runs at once. */
export function runCliAsync(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env: cleanEnv(opts.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

export function tempDir(prefix = 'report-lint-ci-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Copy samples into a folder: rel path in the repo → path below `dir`. */
export function copySamples(dir: string, files: Record<string, string>): void {
  for (const [from, to] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    copyFileSync(join(ROOT, from), join(dir, to));
  }
}

/** Put numbers into the cells of a tab-separated row whose number cells are all 0. */
function setZeros(line: string, values: number[]): string {
  const cells = line.split('\t');
  if (cells.filter((c) => c.trim() === '0').length !== values.length) throw new Error(`expected ${values.length} zero cells in: ${line}`);
  let i = 0;
  return cells.map((c) => (c.trim() === '0' ? String(values[i++]) : c)).join('\t');
}

/**
 * Seed 001 (2021 format, tab-separated rows) with data in section 三: 6 new applications (5 from people, 1 from a
 * company), of which 4 granted (3 + 1) and 2 partly granted. One cell is wrong: row （一）予以公开 gives 5 in its
 * 总计 column (line 41, column 32) where its applicant columns add up to 4. That one cell breaks row-total on line
 * 41 and outcome-total on the 总计 cell of （七）总计 (line 63, column 20: 5 + 2 = 7, written 6).
 */
export function arithmeticReport(wrongTotal = 5): string {
  let t = readSample(SEEDS.s001);
  const rows: Array<[number, string, number[]]> = [
    [39, '一、本年新收政府信息公开申请数量', [5, 1, 0, 0, 0, 0, 6]],
    [41, '(一) 予以公开', [3, 1, 0, 0, 0, 0, wrongTotal]],
    [42, '(二) 部分公开', [2, 0, 0, 0, 0, 0, 2]],
    [63, '(七) 总计', [5, 1, 0, 0, 0, 0, 6]],
  ];
  for (const [line, label, values] of rows) {
    t = replaceLine(t, line, (s) => {
      if (!s.includes(label)) throw new Error(`line ${line} of seed 001 is not ${label}: ${s}`);
      return setZeros(s, values);
    });
  }
  return t;
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
