import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, parse, type LintMessage, type LintResult } from '../src/index.js';
import { tables } from '../src/ast.js';
import type { Report, Row, Table } from '../src/types.js';

export const ROOT = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
export const SEEDS = {
  s000: 'samples/seeds/000_fdd122682e06667e.txt',
  s001: 'samples/seeds/001_3ae8912727f14c8a.txt',
  s002: 'samples/seeds/002_e5e51e0cfe3bc0cf.txt',
  s003: 'samples/seeds/003_ee5b6e7281e715ed.txt',
  s004: 'samples/seeds/004_4455f420e810b9a4.txt',
} as const;

export function readSample(rel: string): string {
  return readFileSync(join(ROOT, rel), 'utf8');
}

export function lintSample(rel: string): LintResult {
  return lint(readSample(rel), { filePath: join(ROOT, rel) });
}

export function parsed(text: string, filePath = 'report.txt'): Report {
  return parse(text, { filePath }).report;
}

export function tableOf(report: Report, id: string): Table {
  const t = tables(report).find((x) => x.tableId === id);
  if (!t) throw new Error(`table ${id} not found`);
  return t;
}

export function rowOf(report: Report, tableId: string, rowId: string): Row {
  const r = tableOf(report, tableId).children.find((x) => x.rowId === rowId);
  if (!r) throw new Error(`row ${tableId}.${rowId} not found`);
  return r;
}

/** Findings as "line:col rule" strings, sorted, for compact exact assertions. */
export function brief(messages: LintMessage[]): string[] {
  return messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
}

/** Replace the text of one (1-based) line. */
export function replaceLine(text: string, line: number, f: (s: string) => string): string {
  const lines = text.split('\n');
  lines[line - 1] = f(lines[line - 1]);
  return lines.join('\n');
}

/** The text a finding points at, by its line/column (UTF-16) positions. */
export function spanText(text: string, m: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (m.line === m.endLine) return lines[m.line - 1].slice(m.column - 1, m.endColumn - 1);
  return [lines[m.line - 1].slice(m.column - 1), ...lines.slice(m.line, m.endLine - 1), lines[m.endLine - 1].slice(0, m.endColumn - 1)].join('\n');
}
