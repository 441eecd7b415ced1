/** Where a finding is, in words: section, table, row and column of the format, or the line and column. */
import type { ParsedReport } from '../src/engine/run.js';
import { columnName, rowName } from '../src/rule-kit.js';
import type { LintMessage, Section } from '../src/types.js';

export interface Place {
  section: string;
  table: string;
  row: string;
  column: string;
  /** 第 3 行第 5 列, or the place in a page or Word file (第 2 个表格第 5 行第 3 格) */
  where: string;
  /** order of the section, for grouping */
  order: number;
}

export function placeOf(m: LintMessage, parsed: ParsedReport | null, docx: boolean): Place {
  const where = m.place?.text ?? (docx ? `第 ${m.line} 段或表格` : `第 ${m.line} 行第 ${m.column} 列`);
  const p: Place = { section: '', table: '', row: '', column: '', where, order: 99 };
  if (!parsed) return p;
  const f = parsed.format;
  const loc = m.location;
  let sec: Section | undefined;
  for (const c of parsed.report.children) {
    if (c.type !== 'section') continue;
    if (loc?.section ? c.sectionId === loc.section : c.position.start.line <= m.line && m.line <= c.position.end.line) {
      sec = c;
      break;
    }
  }
  if (loc?.section) {
    const fs = f.section(loc.section);
    if (fs) p.section = `${fs.number}、${fs.title}`;
    p.order = f.data.sections.findIndex((s) => s.id === loc.section);
  } else if (sec?.sectionId && f.section(sec.sectionId)) {
    const fs = f.section(sec.sectionId)!;
    p.section = `${fs.number}、${fs.title}`;
    p.order = f.data.sections.findIndex((s) => s.id === sec!.sectionId);
  } else if (sec) {
    p.section = sec.heading.value.trim();
    p.order = sec.sectionId ? f.data.sections.findIndex((s) => s.id === sec!.sectionId) : 50 + sec.index;
  }
  if (loc?.table) {
    const ft = f.table(loc.table);
    p.table = ft?.caption ?? (ft ? `第${f.section(ft.section)?.number ?? ''}部分的表格` : loc.table);
    if (loc.row) p.row = rowName(f, loc.table, loc.row);
    if (loc.column) p.column = columnName(f, loc.table, loc.column);
  }
  return p;
}

export function severityText(m: LintMessage): string {
  if (m.fatal) return '无法检查';
  if (m.ruleId === null && m.severity === 1) return '提示';
  return m.severity === 2 ? '错误' : '警告';
}
