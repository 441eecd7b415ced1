/**
 * Queries over the report AST, for rules and tools.
 */
import type { Cell, Report, ReportNode, Row, Section, Table } from './types.js';
import { pushAll } from './text/arrays.js';

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

/** Visit every node, parents first (in document order; without recursion, whatever the number of nodes). */
export function walk(node: ReportNode, visit: (node: ReportNode, parents: ReportNode[]) => void, parents: ReportNode[] = []): void {
  const stack: Array<{ node: ReportNode; parents: ReportNode[] }> = [{ node, parents }];
  while (stack.length) {
    const top = stack.pop()!;
    visit(top.node, top.parents);
    const kids = childrenOf(top.node);
    if (!kids.length) continue;
    const next = [...top.parents, top.node];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], parents: next });
  }
}

function childrenOf(node: ReportNode): ReportNode[] {
  const kids: ReportNode[] = [];
  switch (node.type) {
    case 'report':
      if (node.title) kids.push(node.title);
      pushAll(kids, node.children);
      break;
    case 'section':
      kids.push(node.heading);
      pushAll(kids, node.children);
      break;
    case 'table':
      if (node.caption) kids.push(node.caption);
      for (const h of node.header) pushAll(kids, h.cells);
      pushAll(kids, node.children);
      break;
    case 'row':
      pushAll(kids, node.labels);
      for (const g of node.groupMatches) kids.push(g.label);
      pushAll(kids, node.children);
      break;
    default:
      break;
  }
  return kids;
}
