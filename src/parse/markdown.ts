/**
 * What Markdown syntax says about a report, through unified + remark-parse + remark-gfm: which lines are ATX
 * headings (and where their text is) and which lines form GFM pipe tables (and where their cells are).
 *
 * Only these two hints are taken from the Markdown tree; everything else is read from the source lines
 * themselves, so that Markdown cannot eat the report's text (tab-indented lines are not code blocks, `1. ` is
 * not a list, a line of dashes is not a heading underline).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent, Table as MdTable } from 'mdast';

export interface HeadingHint {
  depth: number;
  /** offsets of the heading's text, without the # markers */
  start: number;
  end: number;
}

export interface TableHint {
  startLine: number;
  endLine: number;
  /** one entry per row (the delimiter row excluded), keyed by its line number */
  rows: Map<number, Array<{ start: number; end: number }>>;
}

export interface MarkdownHints {
  headings: Map<number, HeadingHint>;
  tables: TableHint[];
}

const processor = unified().use(remarkParse).use(remarkGfm);

/** Whether the text has Markdown syntax worth asking remark about (ATX headings or pipe tables). */
export function hasMarkdownSyntax(text: string): boolean {
  return /^ {0,3}#{1,6}[ \t]/m.test(text) || /^ {0,3}\|.*\|[ \t]*$/m.test(text);
}

export function markdownHints(text: string): MarkdownHints {
  const tree = processor.parse(text) as Root;
  const headings = new Map<number, HeadingHint>();
  const tables: TableHint[] = [];
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'heading' && node.position) {
        // ATX headings only: a setext heading spans two lines and its underline is report text (a rule of dashes)
        const { start, end } = node.position;
        if (start.line !== end.line) continue;
        const first = node.children[0]?.position;
        const last = node.children[node.children.length - 1]?.position;
        if (!first || !last) continue;
        headings.set(start.line, { depth: node.depth, start: first.start.offset!, end: last.end.offset! });
      } else if (node.type === 'table' && node.position) {
        tables.push(tableHint(node));
      } else if ('children' in node && (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem')) {
        visit(node.children as RootContent[]);
      }
    }
  };
  visit(tree.children);
  return { headings, tables };
}

function tableHint(node: MdTable): TableHint {
  const rows = new Map<number, Array<{ start: number; end: number }>>();
  for (const row of node.children) {
    if (!row.position) continue;
    rows.set(
      row.position.start.line,
      row.children.map((cell) => {
        const kids = cell.children;
        if (kids.length && kids[0].position && kids[kids.length - 1].position) {
          return { start: kids[0].position!.start.offset!, end: kids[kids.length - 1].position!.end.offset! };
        }
        // an empty cell: a zero-width point just inside it
        const at = cell.position ? cell.position.start.offset! + 1 : row.position!.start.offset!;
        return { start: at, end: at };
      }),
    );
  }
  return { startLine: node.position!.start.line, endLine: node.position!.end.line, rows };
}
