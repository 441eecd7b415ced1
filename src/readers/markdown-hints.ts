/**
 * What Markdown syntax says about a report, through unified + remark-parse with GFM tables (the table extension
 * remark-gfm is made of): which lines are ATX headings (and where their text is) and which lines form GFM pipe
 * tables (and where their cells are).
 *
 * Only these two hints are taken from the Markdown tree; everything else is read from the source lines
 * themselves, so that Markdown cannot eat the report's text (tab-indented lines are not code blocks, `1. ` is
 * not a list, a line of dashes is not a heading underline).
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
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

/**
 * GFM pipe tables only: of remark-gfm's extensions the reader needs the table, and the others cost time
 * (autolink literals walk the whole tree) for nothing.
 */
function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

/**
 * Inline syntax is of no use to the hints (a heading's text and a cell's extent are the same with or without it)
 * and some of it costs time that grows with the square of a paragraph's length (runs of `*a`, unclosed links
 * and code spans): micromark is told to read no inline syntax but entities and escapes.
 */
function noInlineSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({
    disable: { null: ['attention', 'autolink', 'codeText', 'hardBreakEscape', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink'] },
  });
}

const processor = unified().use(remarkParse).use(remarkGfmTable).use(noInlineSyntax);

/** Whether the text has Markdown syntax worth asking remark about (ATX headings or pipe tables). */
export function hasMarkdownSyntax(text: string): boolean {
  return /^ {0,3}#{1,6}[ \t]/m.test(text) || /^ {0,3}\|.*\|[ \t]*$/m.test(text);
}

/**
 * `blank: false` gives remark the text as it is and takes the cells from its tree (the same hints, more slowly:
 * for tests). Otherwise remark is given the text with its plain paragraphs and its table body rows blanked, tells
 * which lines are headings and tables, and the cells are split from the table's own lines.
 */
export function markdownHints(text: string, opts: { blank?: boolean } = {}): MarkdownHints {
  const fast = opts.blank !== false;
  const lines = fast ? splitLines(text) : undefined;
  const bodies = fast ? tableBodies(blankPlainParagraphs(text)) : undefined;
  const short = bodies ? compress(bodies.text, bodies.rows) : undefined;
  const tree = processor.parse(short ? short.doc : text) as Root;
  // positions in what remark read → offsets in the text
  const at = (p: { line: number; column: number; offset?: number }) => (short ? short.starts[p.line - 1] + p.column - 1 : p.offset!);
  const lineOf = (p: { line: number }) => (short ? short.lines[p.line - 1] : p.line);
  // the last line a line of the short text stands for (a run of table body rows is read as one row)
  const lastOf = (p: { line: number }) => (short ? short.last[p.line - 1] : p.line);
  const headings = new Map<number, HeadingHint>();
  const tables: TableHint[] = [];
  // without recursion: block quotes and lists may nest as deep as the text has markers
  const pending: RootContent[][] = [tree.children];
  while (pending.length) {
    const nodes = pending.pop()!;
    for (const node of nodes) {
      if (node.type === 'heading' && node.position) {
        // ATX headings only: a setext heading spans two lines and its underline is report text (a rule of dashes)
        const { start, end } = node.position;
        if (start.line !== end.line) continue;
        const first = node.children[0]?.position;
        const last = node.children[node.children.length - 1]?.position;
        if (!first || !last) continue;
        headings.set(lineOf(start), { depth: node.depth, start: at(first.start), end: at(last.end) });
      } else if (node.type === 'table' && node.position) {
        tables.push(lines ? splitTable(node, text, lines, at, lineOf, lastOf) : tableHint(node));
      } else if ('children' in node && (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem')) {
        pending.push(node.children as RootContent[]);
      }
    }
  }
  // in the order of the text, whatever the nesting they were found in
  tables.sort((a, b) => a.startLine - b.startLine);
  return { headings: new Map([...headings].sort((a, b) => a[0] - b[0])), tables };
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

/**
 * The table's rows and extent from remark; each row's cells split from its own line (from where the row starts,
 * after any quote markers, to the end of the line), as GFM splits them.
 */
function splitTable(
  node: MdTable,
  text: string,
  lines: Array<{ start: number; end: number; text: string }>,
  at: (p: { line: number; column: number }) => number,
  lineOf: (p: { line: number }) => number,
  lastOf: (p: { line: number }) => number,
): TableHint {
  const rows = new Map<number, Array<{ start: number; end: number }>>();
  for (const row of node.children) {
    if (!row.position) continue;
    const from = at(row.position.start);
    const n = lineOf(row.position.start);
    rows.set(n, splitPipeRow(text.slice(from, lines[n - 1].end), from));
    // the other body rows of a run read as one
    for (let m = n + 1; m <= lastOf(row.position.start); m++) rows.set(m, splitPipeRow(lines[m - 1].text, lines[m - 1].start));
  }
  return { startLine: lineOf(node.position!.start), endLine: lastOf(node.position!.end), rows };
}

/**
 * The masked text without what remark need not read: each run of blank lines becomes one empty line (a run of
 * blank lines and a single one end the same blocks), a run of table body rows one row (the rows of a run are
 * alike, and one is enough to continue the table), and white space at line ends goes. `lines` and `starts` give,
 * for each line of the short text, its line number and start offset in the text; `last`, the last line it
 * stands for.
 */
function compress(masked: string, bodyRows: ReadonlySet<number>): { doc: string; lines: number[]; starts: number[]; last: number[] } {
  const out: string[] = [];
  const lines: number[] = [];
  const starts: number[] = [];
  const last: number[] = [];
  let blank = false;
  for (const [i, l] of splitLines(masked).entries()) {
    const n = i + 1;
    if (bodyRows.has(n) && bodyRows.has(n - 1) && lines.length && last[last.length - 1] === n - 1) {
      last[last.length - 1] = n;
      continue;
    }
    const t = l.text.trimEnd();
    if (t === '' || /^[ \t]*$/.test(t)) {
      if (blank) {
        last[last.length - 1] = n;
        continue;
      }
      blank = true;
      out.push('');
    } else {
      blank = false;
      out.push(t);
    }
    lines.push(n);
    starts.push(l.start);
    last.push(n);
  }
  return { doc: out.join('\n'), lines, starts, last };
}

/**
 * The cells of a pipe-table row, as GFM reads them: an optional leading and trailing pipe, cells split at every
 * pipe that is not escaped with a backslash, each cell's content without the spaces and tabs around it (an
 * empty cell: a point just after its pipe).
 */
export function splitPipeRow(text: string, offset: number): Array<{ start: number; end: number }> {
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  let end = text.length;
  while (end > i && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (text[i] === '|') i++;
  const bounds: Array<[number, number]> = [];
  let from = i;
  for (let k = i; k < end; k++) {
    if (text[k] === '\\') k++;
    else if (text[k] === '|') {
      bounds.push([from, k]);
      from = k + 1;
    }
  }
  if (from < end || bounds.length === 0) bounds.push([from, end]);
  return bounds.map(([a, b]) => {
    let s = a;
    let e = b;
    while (s < e && (text[s] === ' ' || text[s] === '\t')) s++;
    while (e > s && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
    return s === e ? { start: offset + a, end: offset + a } : { start: offset + s, end: offset + e };
  });
}

const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const PIPE_ROW = /^ {0,3}\|/;

/**
 * Table body rows blanked to a lone pipe (same length, same lines): remark still sees a table row there, so the
 * table keeps its extent, but it no longer parses every cell's inline content, where its time goes. Header rows
 * (the line above a delimiter row) and delimiter rows stay as they are. Returns the text and the line numbers of
 * the rows it blanked.
 */
function tableBodies(text: string): { text: string; rows: Set<number> } {
  const lines = splitLines(text);
  const parts: string[] = [];
  const rows = new Set<number>();
  let at = 0;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    if (!PIPE_ROW.test(l.text) || DELIMITER_ROW.test(l.text)) continue;
    if (k + 1 < lines.length && DELIMITER_ROW.test(lines[k + 1].text)) continue;
    const bar = l.text.indexOf('|');
    parts.push(text.slice(at, l.start + bar + 1), ' '.repeat(l.end - l.start - bar - 1));
    at = l.end;
    rows.add(k + 1);
  }
  if (at === 0) return { text, rows };
  parts.push(text.slice(at));
  return { text: parts.join(''), rows };
}

function splitLines(text: string): Array<{ start: number; end: number; text: string }> {
  const lines: Array<{ start: number; end: number; text: string }> = [];
  LINE.lastIndex = 0;
  for (let m = LINE.exec(text); m; m = LINE.exec(text)) {
    const content = m[0].slice(0, m[0].length - m[1].length);
    lines.push({ start: m.index, end: m.index + content.length, text: content });
    if (m[1] === '') break;
    LINE.lastIndex = m.index + m[0].length;
  }
  return lines;
}

/** a line that starts, without indentation, with a CJK character, full-width or CJK punctuation, or a digit */
const PLAIN_START = /^[\u3001-\u303f\u3400-\u9fff\uf900-\ufaff\uff01-\uff5e\u2018\u2019\u201c\u201d\u2014\u2026\u00b7\d]/;
const MARKDOWN_CHARS = /[<>|#`~*_[\]\\!&\t]/;
const MARKDOWN_CHARS_BUT_TAB = /[<>|#`~*_[\]\\!&]/;
/** a line that may start a block of its own, or underline one: list item, thematic break, setext underline */
const BLOCK_START = /^ {0,3}(?:[-+*=]|\d{1,9}[.)])/;
const BLOCK_START_INDENTED = /^[ \t]*(?:[-+*=]|\d{1,9}[.)])/;
/** a rule of dashes drawn with tabs (-------\t---\t---): a thematic break or setext underline, no heading of ours, no table */
const RULE_ROW = /^[ \t]*-{3,}(?:\t+-{3,})+[ \t]*$/;
const ATX_LINE = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const CONTAINER = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|^ {0,3}\[\^/m;
const LINE = /[^\r\n]*(\r\n|\r|\n|$)/g;

/**
 * The text with its plain paragraphs turned into spaces: same length, same lines, so every offset and line
 * number stays as it was. remark spends most of its time on the inline content of paragraphs, and most of a
 * report is paragraphs of Chinese prose, which can hold no heading and no table.
 *
 * A paragraph is blanked only when nothing in or around it can matter to the headings and tables (lines of a
 * tab-separated table count as paragraph lines when they hold none of the characters below but the tab, and
 * start no list item, thematic break or setext underline; a rule of dashes between tabs counts too):
 *  - each of its lines starts, without indentation, with a CJK character or full-width punctuation (so it is
 *    no heading, list item, quote, fence, HTML, table or code line, nor a setext underline) and has none of
 *    < > | # ` ~ * _ [ ] \ ! & or a tab (so it ends no HTML block and holds no table cell);
 *  - blank lines or ATX heading lines come before and after it (so it continues nothing and nothing continues
 *    it: no table row, no lazy continuation, no setext heading);
 *  - the first line after the blank lines that follow it is not indented, or there is none, or the text has no
 *    list item and no footnote at all: a list item or a footnote that the paragraph closed stays closed without
 *    it, as the indentation of what follows cannot continue either.
 * Inside a fenced code block or an HTML block that runs on to a marker of its own, blanking the paragraph
 * changes nothing either: such a block ends at the same line.
 */
export function blankPlainParagraphs(text: string): string {
  const lines = splitLines(text);
  const blank = (l: { text: string }) => /^[ \t]*$/.test(l.text);
  // without list items and footnotes, nothing indented after a block can continue a container it closed, and an
  // indented line can start no list item of its own
  const containers = CONTAINER.test(text);
  const blockStart = containers ? BLOCK_START_INDENTED : BLOCK_START;
  const plain = (l: { text: string }) =>
    (PLAIN_START.test(l.text) && !MARKDOWN_CHARS.test(l.text) && !BLOCK_START.test(l.text)) ||
    (l.text.includes('\t') && !MARKDOWN_CHARS_BUT_TAB.test(l.text) && (!blockStart.test(l.text) || RULE_ROW.test(l.text)));
  // an ATX heading line stands alone (it ends a paragraph and continues nothing), so it bounds blocks too
  const edge = (l: { text: string }) => blank(l) || ATX_LINE.test(l.text);
  const parts: string[] = [];
  let at = 0;
  let i = 0;
  while (i < lines.length) {
    if (edge(lines[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !edge(lines[j])) j++;
    // lines i .. j-1 form a block; j is blank, a heading or past the end
    let next = j;
    while (next < lines.length && blank(lines[next])) next++;
    const before = i === 0 || edge(lines[i - 1]);
    const after = !containers || next >= lines.length || !/^[ \t]/.test(lines[next].text);
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
