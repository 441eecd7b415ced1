/** Helpers for the input tests: run the built CLI, make temporary folders, read seeds. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'dist', 'src', 'cli', 'bin.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (npm test builds it first). */
export function runCli(args: string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

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

export function runJson(args: string[], cwd = ROOT): { code: number; results: JsonResult[]; stderr: string } {
  const r = runCli(['--format', 'json', ...args], cwd);
  return { code: r.code, results: JSON.parse(r.stdout) as JsonResult[], stderr: r.stderr };
}

export function tempDir(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'report-lint-inputs-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sample(path: string): string {
  return readFileSync(join(ROOT, 'samples', path), 'utf8');
}

/** Seed 001 (2021 format, tab-separated tables, all zeros) with 一、本年新收's 总计 changed to 7: a row-total error there. */
export function seedWithWrongTotal(): string {
  const text = sample('seeds/001_3ae8912727f14c8a.txt');
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量\t'));
  if (i < 0) throw new Error('seed 001 changed: no 一、本年新收 row');
  const cells = lines[i].split('\t');
  // the row ends with a tab: the total is the last non-empty cell
  let k = cells.length - 1;
  while (cells[k] === '') k--;
  cells[k] = '7';
  lines[i] = cells.join('\t');
  return lines.join('\n');
}

/**
 * Change a table row of a tab-separated layout: the cell whose text starts with `label` (white space ignored) is
 * replaced by `newLabel` when given, and the row's number cells, in order, by `values` where given.
 */
export function editRow(text: string, label: string, change: { newLabel?: string; values?: Array<string | undefined> }): string {
  const squash = (s: string) => s.replace(/\s/g, '');
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.split('\t').some((c) => squash(c).startsWith(squash(label))));
  if (i < 0) throw new Error(`no row ${label}`);
  const cells = lines[i].split('\t');
  const at = cells.findIndex((c) => squash(c).startsWith(squash(label)));
  if (change.newLabel !== undefined) cells[at] = change.newLabel;
  let k = 0;
  for (let j = at + 1; j < cells.length; j++) {
    if (!/^\d+$/.test(cells[j].trim())) continue;
    const v = change.values?.[k++];
    if (v !== undefined) cells[j] = v;
  }
  lines[i] = cells.join('\t');
  return lines.join('\n');
}

/** Line endings: LF as written, CRLF, CR, or a mix of the three (cycling line by line). */
export function withEol(text: string, eol: 'LF' | 'CRLF' | 'CR' | 'mixed'): string {
  const lines = text.split('\n');
  if (eol === 'LF') return text;
  if (eol === 'CRLF') return lines.join('\r\n');
  if (eol === 'CR') return lines.join('\r');
  const ends = ['\r\n', '\n', '\r'];
  return lines.map((l, i) => (i < lines.length - 1 ? l + ends[i % 3] : l)).join('');
}

/** The 0-based offset of a 1-based line and column (UTF-16 units), splitting lines as a reader of the file would. */
export function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const m = /\r\n|\r|\n/g;
    m.lastIndex = at;
    const r = m.exec(text);
    if (!r) throw new Error(`no line ${line}`);
    at = r.index + r[0].length;
  }
  return at + column - 1;
}
