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

/** `blank: false` gives remark the text as it is (the same hints, more slowly: for tests). */
export function markdownHints(text: string, opts: { blank?: boolean } = {}): MarkdownHints {
  const tree = processor.parse(opts.blank === false ? text : blankPlainParagraphs(text)) as Root;
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

const PLAIN_START = /^[\u3001-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff5e\u2018\u201c]/;
const MARKDOWN_CHARS = /[<>|#`~*_[\]\\!&\t]/;
const LINE = /[^\r\n]*(\r\n|\r|\n|$)/g;

/**
 * The text with its plain paragraphs turned into spaces: same length, same lines, so every offset and line
 * number stays as it was. remark spends most of its time on the inline content of paragraphs, and most of a
 * report is paragraphs of Chinese prose, which can hold no heading and no table.
 *
 * A paragraph is blanked only when nothing in or around it can matter to the headings and tables:
 *  - each of its lines starts, without indentation, with a CJK character or full-width punctuation (so it is
 *    no heading, list item, quote, fence, HTML, table or code line, nor a setext underline) and has none of
 *    < > | # ` ~ * _ [ ] \ ! & or a tab (so it ends no HTML block and holds no table cell);
 *  - blank lines come before and after it (so it continues nothing and nothing continues it: no table row,
 *    no lazy continuation, no setext heading);
 *  - the first line after the blank lines that follow it is not indented, or there is none: a list item or a
 *    footnote that the paragraph closed stays closed without it, as the indentation of what follows cannot
 *    continue either.
 * Inside a fenced code block or an HTML block that runs on to a marker of its own, blanking the paragraph
 * changes nothing either: such a block ends at the same line.
 */
export function blankPlainParagraphs(text: string): string {
  const lines: Array<{ start: number; end: number; text: string }> = [];
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m; m = LINE.exec(text)) {
    const content = m[0].slice(0, m[0].length - m[1].length);
    lines.push({ start: m.index, end: m.index + content.length, text: content });
    if (m[1] === '') break;
    LINE.lastIndex = m.index + m[0].length;
  }
  const blank = (l: { text: string }) => /^[ \t]*$/.test(l.text);
  const plain = (l: { text: string }) => PLAIN_START.test(l.text) && !MARKDOWN_CHARS.test(l.text);
  const parts: string[] = [];
  let at = 0;
  let i = 0;
  while (i < lines.length) {
    if (blank(lines[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !blank(lines[j])) j++;
    // lines i .. j-1 form a block; j is blank or past the end
    let next = j;
    while (next < lines.length && blank(lines[next])) next++;
    const before = i === 0 || blank(lines[i - 1]);
    const after = next >= lines.length || !/^[ \t]/.test(lines[next].text);
    if (before && after && lines.slice(i, j).every(plain)) {
      for (let k = i; k < j; k++) {
        parts.push(text.slice(at, lines[k].start), ' '.repeat(lines[k].end - lines[k].start));
        at = lines[k].end;
      }
    }
    i = j;
  }
  if (at === 0) return text;
  parts.push(text.slice(at));
  return parts.join('');
}
