/**
 * Queries over the report AST, for rules and tools.
 */
import type { Cell, Report, ReportNode, Row, Section, Table } from './types.js';

export function sections(report: Report): Section[] {
  return report.children.filter((c): c is Section => c.type === 'section');
}

export function tables(report: Report): Table[] {
  const out: Table[] = [];
  for (const s of sections(report)) for (const c of s.children) if (c.type === 'table') out.push(c);
  return out;
}

/** The first table bound to a format table id. */
export function table(report: Report, tableId: string): Table | undefined {
  return tables(report).find((t) => t.tableId === tableId);
}

export function row(t: Table | undefined, rowId: string): Row | undefined {
  return t?.children.find((r) => r.rowId === rowId);
}

export function cell(r: Row | undefined, columnId: string): Cell | undefined {
  return r?.children.find((c) => c.columnId === columnId);
}

/** The cell at TABLE.ROW.COLUMN, when it was read and bound. */
export function cellAt(report: Report, tableId: string, rowId: string, columnId: string): Cell | undefined {
  return cell(row(table(report, tableId), rowId), columnId);
}

/** Visit every node, parents first. */
export function walk(node: ReportNode, visit: (node: ReportNode, parents: ReportNode[]) => void, parents: ReportNode[] = []): void {
  visit(node, parents);
  const kids: ReportNode[] = [];
  switch (node.type) {
    case 'report':
      if (node.title) kids.push(node.title);
      kids.push(...node.children);
      break;
    case 'section':
      kids.push(node.heading, ...node.children);
      break;
    case 'table':
      if (node.caption) kids.push(node.caption);
      for (const h of node.header) kids.push(...h.cells);
      kids.push(...node.children);
      break;
    case 'row':
      kids.push(...node.labels, ...node.groupMatches.map((g) => g.label), ...node.children);
      break;
    default:
      break;
  }
  const next = [...parents, node];
  for (const k of kids) walk(k, visit, next);
}
