/**
 * What the language server shows, computed from one version of a document: diagnostics from lint(), quick fixes
 * from the messages' fixes, hovers and the outline from parseReport(). Pure functions of the analysis; the
 * server (server.ts) only wires them to the protocol. Nothing here reads or checks a report by itself.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type Range,
  type SymbolInformation,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { ParsedReport } from '../engine/run.js';
import { docsUrl, type RuleModule } from '../engine/rule.js';
import type { RelationResult } from '../format/relations.js';
import { evaluateRelations } from '../format/relations.js';
import type { CellRef, Relation } from '../format/formats.js';
import { columnName, rowName } from '../rule-kit.js';
import type { Cell, Fix, LintMessage, LintResult, Row, Section, Table } from '../types.js';
import type { LineIndex } from './text.js';

export const SOURCE = 'report-lint';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.report-lint`;

/** One version of a document, linted and read. */
export interface Analysis {
  uri: string;
  version: number;
  index: LineIndex;
  result: LintResult;
  /** the report AST (for hover and outline), read on first use; null when reading it failed */
  parsed?: ParsedReport | null;
  /** a Markdown document (directives are written as HTML comments there) */
  markdown?: boolean;
}

// ---------------------------------------------------------------- diagnostics

/** A linter message as an LSP diagnostic. Messages without a rule (could not read, not a report) have no code. */
export function toDiagnostic(m: LintMessage, a: Analysis, rules: ReadonlyMap<string, RuleModule>): Diagnostic {
  const d: Diagnostic = {
    range: a.index.rangeFromLinter(m),
    severity: severityOf(m),
    source: SOURCE,
    message: m.message,
  };
  if (m.ruleId) {
    d.code = m.ruleId;
    const rule = rules.get(m.ruleId);
    const href = rule && docsUrl(m.ruleId, rule.meta);
    if (href) d.codeDescription = { href };
  }
  if (m.related?.length) {
    d.relatedInformation = m.related.map((r) => ({ location: { uri: a.uri, range: a.index.rangeFromLinter(r) }, message: r.message }));
  }
  return d;
}

function severityOf(m: LintMessage): DiagnosticSeverity {
  if (m.fatal) return DiagnosticSeverity.Error;
  // the one message without a rule that is not fatal: "not recognised as an annual report, not checked"
  if (m.ruleId === null) return m.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Information;
  return m.severity === 2 ? DiagnosticSeverity.Error : m.severity === 0 ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning;
}

export function diagnostics(a: Analysis, rules: ReadonlyMap<string, RuleModule>): Diagnostic[] {
  return a.result.messages.map((m) => toDiagnostic(m, a, rules));
}

// ---------------------------------------------------------------- code actions

export interface CodeActionRequest {
  range: Range;
  /** the diagnostics the client sends with the request (those at the cursor or in the selection) */
  diagnostics: Diagnostic[];
  only?: string[];
}

export interface EditOptions {
  /** the client takes versioned document changes (workspace.workspaceEdit.documentChanges) */
  documentChanges: boolean;
}

function sameRange(x: Range, y: Range): boolean {
  return x.start.line === y.start.line && x.start.character === y.start.character && x.end.line === y.end.line && x.end.character === y.end.character;
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function intersects(x: Range, y: Range): boolean {
  return !before(x.end, y.start) && !before(y.end, x.start);
}

/**
 * A diagnostic the client sends back is one of ours: same rule and range, or same rule, message and line (some
 * clients, Neovim 0.7 among them, send the columns back in another unit than they received them).
 */
function sameDiagnostic(theirs: Diagnostic, ours: Diagnostic): boolean {
  if (theirs.code !== ours.code) return false;
  if (theirs.range && sameRange(theirs.range, ours.range)) return true;
  return theirs.message === ours.message && theirs.range?.start?.line === ours.range.start.line;
}

function workspaceEdit(a: Analysis, edits: TextEdit[], opts: EditOptions): WorkspaceEdit {
  if (opts.documentChanges) return { documentChanges: [{ textDocument: { uri: a.uri, version: a.version }, edits }] };
  return { changes: { [a.uri]: edits } };
}

function textEdit(a: Analysis, fix: Fix): TextEdit {
  return { range: { start: a.index.positionAt(fix.range[0]), end: a.index.positionAt(fix.range[1]) }, newText: fix.text };
}

function fixTitle(a: Analysis, fix: Fix): string {
  const old = a.index.text.slice(fix.range[0], fix.range[1]);
  if (!fix.text) return `删除「${old}」`;
  if (!old) return `插入「${fix.text}」`;
  return `改为「${fix.text}」`;
}

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** The fixes of the messages that no other fix overlaps, in order (the ones safe to apply together). */
function compatibleFixes(messages: LintMessage[]): Fix[] {
  const fixes = messages.flatMap((m) => (m.fix ? [m.fix] : [])).sort((x, y) => x.range[0] - y.range[0] || x.range[1] - y.range[1]);
  const out: Fix[] = [];
  let end = -1;
  for (const f of fixes) {
    if (f.range[0] < end) continue;
    out.push(f);
    end = Math.max(f.range[1], f.range[0] + 1);
  }
  return out;
}

/**
 * Quick fixes for the diagnostics the client names (matched by range and rule id), or for the messages in the
 * requested range when it names none; a "fix all" when the file has more than one fix; and the source action
 * source.fixAll.report-lint for editors that fix on save.
 */
export function codeActions(a: Analysis, req: CodeActionRequest, rules: ReadonlyMap<string, RuleModule>, opts: EditOptions): CodeAction[] {
  const out: CodeAction[] = [];
  const all = a.result.messages;
  /** the client's diagnostic for a message, when the request is about it */
  const askedFor = (m: LintMessage): Diagnostic | undefined => {
    const diag = toDiagnostic(m, a, rules);
    if (req.diagnostics.length) return req.diagnostics.find((d) => sameDiagnostic(d, diag));
    return intersects(diag.range, req.range) ? diag : undefined;
  };
  if (wants(req.only, CodeActionKind.QuickFix)) {
    for (const m of all) {
      if (!m.fix && !m.suggestions?.length) continue;
      const asked = askedFor(m);
      if (!asked) continue;
      if (m.fix) {
        out.push({
          title: fixTitle(a, m.fix),
          kind: CodeActionKind.QuickFix,
          diagnostics: [asked],
          isPreferred: true,
          edit: workspaceEdit(a, [textEdit(a, m.fix)], opts),
        });
      }
      for (const s of m.suggestions ?? []) {
        out.push({ title: s.desc, kind: CodeActionKind.QuickFix, diagnostics: [asked], edit: workspaceEdit(a, [textEdit(a, s.fix)], opts) });
      }
    }
    const fixes = compatibleFixes(all);
    if (out.some((x) => x.isPreferred) && fixes.length > 1) {
      out.push({
        title: `修复本文件中所有可自动修复的问题（${fixes.length} 处）`,
        kind: CodeActionKind.QuickFix,
        edit: workspaceEdit(a, fixes.map((f) => textEdit(a, f)), opts),
      });
    }
    // inline directives, for any finding of a rule (fatal findings are never silenced); once per rule and line
    const offered = new Set<string>();
    for (const m of all) {
      if (!m.ruleId || m.fatal) continue;
      const asked = askedFor(m);
      if (!asked) continue;
      const line = `本行不检查「${m.ruleId}」`;
      if (!offered.has(`${line}@${m.line}`)) {
        offered.add(`${line}@${m.line}`);
        out.push({ title: line, kind: CodeActionKind.QuickFix, diagnostics: [asked], edit: workspaceEdit(a, [disableLine(a, m.ruleId, m.line - 1)], opts) });
      }
      const file = `本文件不检查「${m.ruleId}」`;
      if (!offered.has(file)) {
        offered.add(file);
        out.push({ title: file, kind: CodeActionKind.QuickFix, diagnostics: [asked], edit: workspaceEdit(a, [disableFile(a, m.ruleId)], opts) });
      }
    }
  }
  // source actions only when asked for ("Source Action…", fix on save)
  if (req.only && wants(req.only, FIX_ALL_KIND)) {
    const fixes = compatibleFixes(all);
    if (fixes.length) {
      out.push({ title: `report-lint：修复所有可自动修复的问题（${fixes.length} 处）`, kind: FIX_ALL_KIND, edit: workspaceEdit(a, fixes.map((f) => textEdit(a, f)), opts) });
    }
  }
  return out;
}

function eol(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

/**
 * An inline directive that silences a rule on one line: in plain text a line of its own before it
 * (report-lint-disable-next-line), in Markdown an HTML comment at its end (report-lint-disable-line), so that a
 * pipe table is not broken.
 */
function disableLine(a: Analysis, ruleId: string, line: number): TextEdit {
  if (a.markdown) {
    const end = a.index.lineEnd(line);
    return { range: { start: end, end }, newText: ` <!-- report-lint-disable-line ${ruleId} -->` };
  }
  const start = { line, character: 0 };
  return { range: { start, end: start }, newText: `report-lint-disable-next-line ${ruleId}${eol(a.index.text)}` };
}

/** A directive at the top of the file that silences a rule in all of it. */
function disableFile(a: Analysis, ruleId: string): TextEdit {
  const start = { line: 0, character: 0 };
  const directive = a.markdown ? `<!-- report-lint-disable ${ruleId} -->` : `report-lint-disable ${ruleId}`;
  return { range: { start, end: start }, newText: directive + eol(a.index.text) };
}

// ---------------------------------------------------------------- hover

interface CellAt {
  section: Section;
  table: Table;
  row: Row;
  cell: Cell;
}

const BLANK = /[^\S\r\n]/u;

/**
 * Where a cell can be pointed at: its span; for a blank cell, also the white space around it
 * (the tabs and the U+3000 / U+00A0 padding of its line), so that it can be found with the mouse.
 */
function hoverSpan(text: string, cell: Cell): [number, number] {
  let s = cell.position.start.offset!;
  let e = cell.position.end.offset!;
  if (cell.status === 'blank') {
    while (s > 0 && BLANK.test(text[s - 1])) s--;
    while (e < text.length && BLANK.test(text[e])) e++;
  }
  return [s, e];
}

/** The table cell at an offset: the one whose span holds it (its end included, so the caret just after a number counts). */
export function cellAt(parsed: ParsedReport, offset: number): CellAt | undefined {
  let found: CellAt | undefined;
  for (const section of parsed.report.children) {
    if (section.type !== 'section') continue;
    if (offset < section.position.start.offset! || offset > section.position.end.offset!) continue;
    for (const table of section.children) {
      if (table.type !== 'table') continue;
      if (offset < table.position.start.offset! || offset > table.position.end.offset!) continue;
      for (const row of table.children) {
        for (const cell of row.children) {
          const [s, e] = hoverSpan(parsed.source.text, cell);
          if (offset >= s && offset < e) return { section, table, row, cell };
          if (offset === e && !found) found = { section, table, row, cell };
        }
      }
    }
  }
  return found;
}

function valueText(cell: Cell): string {
  switch (cell.status) {
    case 'number':
      return `${cell.value}${cell.unit ? `（${cell.unit}）` : ''}`;
    case 'unit':
      return `${cell.value}，写有单位「${cell.unit}」（格式未规定单位）`;
    case 'blank':
      return cell.raw.trim() ? `空白（写的是「${cell.raw.trim()}」；应填数字，没有就填 0）` : '空白（应填数字，没有就填 0）';
    case 'invalid':
      return `无法读取：「${cell.raw.trim()}」不是数字`;
  }
}

const same = (x: CellRef, y: CellRef) => x.table === y.table && x.row === y.row && x.column === y.column;

/** Short names for the cells of a relation: by column when they share a row, by row when they share a column. */
function termNames(parsed: ParsedReport, rel: Relation): (ref: CellRef) => string {
  const refs = [...rel.lhs, ...rel.rhs];
  const oneRow = refs.every((r) => r.table === refs[0].table && r.row === refs[0].row);
  const oneColumn = refs.every((r) => r.table === refs[0].table && r.column === refs[0].column);
  return (r) =>
    oneRow
      ? columnName(parsed.format, r.table, r.column)
      : oneColumn
        ? rowName(parsed.format, r.table, r.row)
        : `${rowName(parsed.format, r.table, r.row)}·${columnName(parsed.format, r.table, r.column)}`;
}

/** One side of a relation: its terms joined with ＋; long sides keep their first terms and the hovered cell. */
function side(refs: CellRef[], name: (r: CellRef) => string, here: CellRef): string {
  const keep = new Set<number>();
  if (refs.length <= 6) refs.forEach((_, i) => keep.add(i));
  else {
    keep.add(0).add(1).add(refs.length - 1);
    const at = refs.findIndex((r) => same(r, here));
    if (at >= 0) keep.add(at);
  }
  const parts: string[] = [];
  let gap = false;
  refs.forEach((r, i) => {
    if (!keep.has(i)) {
      if (!gap) parts.push('…');
      gap = true;
      return;
    }
    gap = false;
    parts.push(same(r, here) ? `**${name(r)}**` : name(r));
  });
  return parts.join(' + ') + (refs.length > 6 ? `（共 ${refs.length} 项）` : '');
}

/** Markdown hover of a table cell: where it is in the format, its value, and the relations it takes part in. */
export function hover(a: Analysis, offset: number, rules: ReadonlyMap<string, RuleModule>): Hover | null {
  const parsed = a.parsed;
  if (!parsed) return null;
  const at = cellAt(parsed, offset);
  if (!at) return null;
  const { section, table, row, cell } = at;
  const f = parsed.format;
  const lines: string[] = [];
  const fs = section.sectionId ? f.section(section.sectionId) : undefined;
  lines.push(`**report-lint：表格格子**（${f.data.name}）`, '');
  lines.push(`- 部分：${fs ? `${fs.number}、${fs.title}` : `${section.heading.value}（格式中没有这一部分）`}`);
  const ft = table.tableId ? f.table(table.tableId) : undefined;
  lines.push(`- 表格：${ft ? ft.caption ?? `第${fs?.number ?? section.number}部分的表格` : '格式中没有这张表'}`);
  const rowText = table.tableId && row.rowId ? rowName(f, table.tableId, row.rowId) : `未识别的行（写作「${row.label}」）`;
  lines.push(`- 行：${rowText}`);
  const colText =
    table.tableId && cell.columnId
      ? columnName(f, table.tableId, cell.columnId)
      : `无法确定（这一行有 ${row.foundCells} 个数字格，格式要求 ${row.expectedCells} 个；本行第 ${cell.index + 1} 个）`;
  lines.push(`- 列：${colText}`);
  lines.push(`- 数值：${valueText(cell)}`);

  if (table.tableId && row.rowId && cell.columnId) {
    const here: CellRef = { table: table.tableId, row: row.rowId, column: cell.columnId };
    lines.push(`- 编号：\`${here.table}.${here.row}.${here.column}\``);
    const rels = f.relations.filter((r) => [...r.lhs, ...r.rhs].some((x) => same(x, here)));
    if (rels.length) {
      const evaluated = new Map<Relation, RelationResult>();
      for (const kind of new Set(rels.map((r) => r.kind))) for (const r of evaluateRelations(parsed.report, f, kind)) evaluated.set(r.relation, r);
      lines.push('', '**参与的勾稽关系**', '');
      for (const rel of rels) {
        const name = termNames(parsed, rel);
        // the rule that checks this kind of relation
        const [id, rule] = [...rules].find(([, r]) => r.meta.relations?.includes(rel.kind)) ?? [rel.kind, undefined];
        const href = rule && docsUrl(id, rule.meta);
        const label = href ? `[\`${id}\`](${href})` : `\`${id}\``;
        const formula = `${side(rel.lhs, name, here)} = ${side(rel.rhs, name, here)}`;
        const r = evaluated.get(rel);
        const state = r
          ? `左边 ${r.lhsSum}，右边 ${r.rhsSum}，${r.holds ? '成立' : '**不成立**'}`
          : '无法计算（有格子空白、不是数字或未识别）';
        lines.push(`- ${label} ${formula}：${state}`);
      }
    }
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n') },
    range: a.index.rangeFromLinter({
      line: cell.position.start.line,
      column: cell.position.start.column,
      endLine: cell.position.end.line,
      endColumn: cell.position.end.column,
    }),
  };
}

// ---------------------------------------------------------------- outline

function rangeOf(a: Analysis, p: { start: { offset?: number }; end: { offset?: number } }): Range {
  return { start: a.index.positionAt(p.start.offset ?? 0), end: a.index.positionAt(p.end.offset ?? 0) };
}

/** The outline: the title, the sections 一…六 and, inside them, their tables. */
export function documentSymbols(a: Analysis): DocumentSymbol[] {
  const parsed = a.parsed;
  if (!parsed) return [];
  const f = parsed.format;
  const out: DocumentSymbol[] = [];
  const title = parsed.report.title;
  if (title) {
    const r = rangeOf(a, title.position);
    out.push({ name: title.value, detail: f.data.name, kind: SymbolKind.File, range: r, selectionRange: r });
  }
  for (const s of parsed.report.children) {
    if (s.type !== 'section') continue;
    const fs = s.sectionId ? f.section(s.sectionId) : undefined;
    const children: DocumentSymbol[] = [];
    for (const t of s.children) {
      if (t.type !== 'table') continue;
      const ft = t.tableId ? f.table(t.tableId) : undefined;
      const range = rangeOf(a, t.position);
      const first = a.index.positionAt(t.position.start.offset!);
      const selectionRange = t.caption ? rangeOf(a, t.caption.position) : { start: first, end: a.index.lineEnd(first.line) };
      children.push({
        name: t.caption?.value.trim() || ft?.caption || '表格',
        detail: ft ? `${t.children.length} 行` : '格式中没有这张表',
        kind: SymbolKind.Array,
        range,
        selectionRange: clampInto(selectionRange, range),
        children: [],
      });
    }
    const range = rangeOf(a, s.position);
    out.push({
      name: s.heading.value.trim(),
      detail: fs ? (fs.title === s.titleText.trim() ? '' : `格式：${fs.number}、${fs.title}`) : '格式中没有这一部分',
      kind: SymbolKind.Namespace,
      range,
      selectionRange: clampInto(rangeOf(a, s.heading.position), range),
      children,
    });
  }
  return out;
}

function clampInto(r: Range, outer: Range): Range {
  const start = before(r.start, outer.start) || before(outer.end, r.start) ? outer.start : r.start;
  const end = before(outer.end, r.end) || before(r.end, start) ? outer.end : r.end;
  return { start, end };
}

/** The flat outline, for clients without hierarchical document symbols. */
export function flatSymbols(a: Analysis, symbols: DocumentSymbol[], container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [
    { name: s.name, kind: s.kind, location: { uri: a.uri, range: s.range }, ...(container ? { containerName: container } : {}) },
    ...flatSymbols(a, s.children ?? [], s.name),
  ]);
}
