/**
 * Text → report skeleton: title, sections (by their headings), paragraphs, and table regions cut into
 * physical rows and raw cells. Nothing here depends on one format; binding rows and cells to a format's ids is
 * done by bind.ts.
 */
import type { Label, Paragraph, Title } from '../types.js';
import { SourceText, isBlank, isSpace, trimSpan, type Line } from '../text/lines.js';
import { CHINESE_NUMERALS, normalizeLabel } from '../text/normalize.js';
import type { PhysicalRow, RawCell, RawTable, Recognizer, SectionDraft, Skeleton } from '../skeleton.js';
import { findTitle, reportYear } from './title.js';
import type { InputKindModule } from './kind.js';
import { hasMarkdownSyntax, markdownHints, type MarkdownHints } from './markdown-hints.js';
import { hintsWithoutLines, maskDirectives } from './directive-comments.js';
import { MAX_CAPTION_LINE_CHARS, MAX_CELL_CONTINUATION_CHARS, SIGNING_SEARCH_TEXTS } from '../text/heuristics.js';

const SENTENCE_END = /[。；;！？]/;

export function parseStructure(text: string, rec: Recognizer, opts: { markdown?: boolean } = {}): Skeleton {
  // inline directives are not report text: blanked out, and their own lines skipped as if they were not there
  const directives = maskDirectives(text);
  const source = new SourceText(directives.text);
  const hints: MarkdownHints | undefined =
    opts.markdown !== false && (opts.markdown || hasMarkdownSyntax(text)) ? hintsWithoutLines(source, directives.lines, markdownHints) : undefined;

  // the lines of GFM pipe tables: their rows with the cells' spans, and their delimiter rows (| --- |) as null
  const gfmLines: GfmLines = new Map();
  for (const t of hints?.tables ?? []) {
    for (let line = t.startLine; line <= t.endLine; line++) gfmLines.set(line, null);
    for (const [line, cells] of t.rows) gfmLines.set(line, cells);
  }

  // 1. headings
  interface Heading { line: Line; draft: SectionDraft; rest?: Paragraph }
  const headings: Heading[] = [];
  for (const line of source.lines) {
    const h = sectionHeading(line, hints, rec, source);
    if (h) headings.push({ line, ...h });
  }

  // 2. the title and the preamble: lines before the first heading
  const firstHeadingLine = headings.length ? headings[0].line.line : source.lines.length + 1;
  const before = source.lines.slice(0, firstHeadingLine - 1);
  const { title, agency, titleLines } = titleOfLines(before, hints, source);
  const preamble = before.filter((l) => !titleLines.has(l.line) && !isBlank(l.text)).map((l) => paragraph(l, hints, source));

  // 3. section bodies
  const sections: SectionDraft[] = [];
  for (let i = 0; i < headings.length; i++) {
    const { line, draft, rest } = headings[i];
    const endLine = i + 1 < headings.length ? headings[i + 1].line.line : source.lines.length + 1;
    const body = source.lines.slice(line.line, endLine - 1).filter((l) => !directives.lines.has(l.line));
    draft.children = sectionBody(body, gfmLines, hints, source, rec);
    if (rest) draft.children.unshift(rest);
    const last = draft.children[draft.children.length - 1];
    draft.position = { start: draft.heading.position.start, end: last ? last.position.end : draft.heading.position.end };
    sections.push(draft);
  }

  // 4. the year
  const { year, yearSource } = reportYear(title, source.lines.slice(-SIGNING_SEARCH_TEXTS).map((l) => l.text), sections);
  return { source, title, agency, year, yearSource, preamble, sections };
}

/** Punctuation after which a heading run on with its text (六、其他需要报告的事项。本年度……) may be cut. */
const RUN_ON = /[。：:；;，,]/;

function sectionHeading(
  line: Line,
  hints: MarkdownHints | undefined,
  rec: Recognizer,
  source: SourceText,
): { draft: SectionDraft; rest?: Paragraph } | undefined {
  if (line.text.includes('\t')) return undefined;
  const atx = hints?.headings.get(line.line);
  if (!atx) {
    // a heading starts with its number (一 … 十): most lines can be passed over at their first character
    let k = 0;
    while (k < line.text.length && isSpace(line.text.charCodeAt(k))) k++;
    if (k === line.text.length || !CHINESE_NUMERALS.includes(line.text[k])) return undefined;
  }
  const span = atx ? { start: atx.start, end: atx.end, value: source.text.slice(atx.start, atx.end) } : trimSpan(line.text, line.start);
  let h = rec.heading(span.value);
  let end = span.end;
  let rest: Paragraph | undefined;
  if (h?.titleMatch?.kind !== 'exact') {
    // a heading run on with its text: the heading up to the first punctuation, when that is a heading exactly
    const cut = RUN_ON.exec(span.value);
    const head = cut ? rec.heading(span.value.slice(0, cut.index).trimEnd()) : undefined;
    if (cut && head?.titleMatch?.kind === 'exact') {
      h = head;
      end = span.start + span.value.slice(0, cut.index).trimEnd().length;
      const r = trimSpan(span.value.slice(cut.index + 1), span.start + cut.index + 1);
      if (r.value) rest = { type: 'paragraph', value: r.value, position: source.position(r.start, r.end) };
    }
  }
  if (!h) return undefined;
  const heading: Label = { type: 'label', value: source.text.slice(span.start, end), position: source.position(span.start, end) };
  return { draft: { ...h, heading, depth: atx?.depth, children: [], position: heading.position }, rest };
}


function titleOfLines(lines: Line[], hints: MarkdownHints | undefined, source: SourceText): { title?: Title; agency?: string; titleLines: Set<number> } {
  const nonBlank = lines.filter((l) => !isBlank(l.text));
  const text = (l: Line) => {
    const atx = hints?.headings.get(l.line);
    return atx ? { start: atx.start, end: atx.end, value: l.text.slice(atx.start - l.start, atx.end - l.start) } : trimSpan(l.text, l.start);
  };
  const found = findTitle(nonBlank.map(text), source);
  return { title: found.title, agency: found.agency, titleLines: new Set([...found.used].map((i) => nonBlank[i].line)) };
}

function paragraph(l: Line, hints: MarkdownHints | undefined, source: SourceText): Paragraph {
  const atx = hints?.headings.get(l.line);
  const span = atx ? { start: atx.start, end: atx.end, value: source.text.slice(atx.start, atx.end) } : trimSpan(l.text, l.start);
  return { type: 'paragraph', value: span.value, position: source.position(span.start, span.end) };
}

/** Paragraphs and table regions of a section's body. */
function sectionBody(
  body: Line[],
  gfmLines: GfmLines,
  hints: MarkdownHints | undefined,
  source: SourceText,
  rec: Recognizer,
): Array<Paragraph | RawTable> {
  const out: Array<Paragraph | RawTable> = [];
  const kind: Array<'blank' | 'table' | 'text'> = body.map((l) => {
    if (gfmLines.has(l.line) || l.text.includes('\t')) return 'table';
    if (isBlank(l.text)) return 'blank';
    // a table caption (第二十条第（一）项) on a line of its own, its tabs lost: it starts a table all the same
    return l.text.length <= MAX_CAPTION_LINE_CHARS && rec.isCaption(normalizeLabel(l.text)) ? 'table' : 'text';
  });
  // a short line right under a tab-started cell line continues that cell (a cell broken inside, as Word exports 本年新 / 制作数量)
  for (let i = 1; i < body.length; i++) {
    if (kind[i] === 'text' && kind[i - 1] === 'table' && body[i - 1].text.startsWith('\t') && body[i - 1].text.indexOf('\t', 1) < 0) {
      const v = body[i].text.trim();
      if (v.length <= MAX_CELL_CONTINUATION_CHARS && !SENTENCE_END.test(v)) kind[i] = 'table';
    }
  }
  let i = 0;
  while (i < body.length) {
    if (kind[i] === 'blank') {
      i++;
      continue;
    }
    if (kind[i] === 'text') {
      out.push(paragraph(body[i], hints, source));
      i++;
      continue;
    }
    // a table region: table lines, with blank lines inside as long as a table line follows
    let j = i;
    let last = i;
    while (j < body.length && kind[j] !== 'text') {
      if (kind[j] === 'table') last = j;
      j++;
    }
    out.push(region(body.slice(i, last + 1), gfmLines, source));
    i = last + 1;
  }
  return out;
}

type GfmLines = Map<number, Array<{ start: number; end: number }> | null>;

function region(lines: Line[], gfmLines: GfmLines, source: SourceText): RawTable {
  const nonBlank = lines.filter((l) => !isBlank(l.text) || l.text.includes('\t'));
  const gfm = nonBlank.filter((l) => gfmLines.has(l.line)).length;
  const perLine = nonBlank.filter((l) => l.text.startsWith('\t') && l.text.indexOf('\t', 1) < 0).length;
  const layout: RawTable['layout'] = gfm * 2 > nonBlank.length ? 'gfm' : perLine >= nonBlank.length * 0.6 ? 'cell-per-line' : 'tab';
  const rows: PhysicalRow[] = [];
  if (layout === 'cell-per-line') {
    let cur: RawCell[] = [];
    let pieces: Array<{ start: number; end: number; value: string; raw: string }> = [];
    const flushCell = () => {
      if (!pieces.length) return;
      cur.push(joinPieces(pieces));
      pieces = [];
    };
    const flushRow = () => {
      flushCell();
      if (cur.length) rows.push({ cells: cur, start: cur[0].start, end: cur[cur.length - 1].end });
      cur = [];
    };
    for (const l of lines) {
      if (!l.text.includes('\t') && isBlank(l.text)) {
        flushRow();
        continue;
      }
      if (l.text.startsWith('\t')) {
        flushCell();
        const raw = l.text.slice(1);
        pieces.push({ ...trimSpan(raw, l.start + 1), raw });
      } else {
        // a continuation line (no tab): the rest of the cell above
        pieces.push({ ...trimSpan(l.text, l.start), raw: l.text });
      }
    }
    flushRow();
  } else {
    for (const l of lines) {
      if (!l.text.includes('\t') && isBlank(l.text) && !gfmLines.has(l.line)) continue;
      const hint = gfmLines.get(l.line);
      if (hint === null) continue; // a GFM delimiter row
      let cells: RawCell[];
      if (hint) {
        cells = hint.map((c) => {
          const text = source.text.slice(c.start, c.end);
          const t = trimSpan(text, c.start);
          return { text: t.value, start: t.start, end: t.end, blank: t.value === '', empty: text === '' };
        });
      } else {
        cells = [];
        let at = 0;
        for (const part of l.text.split('\t')) {
          const t = trimSpan(part, l.start + at);
          // a blank cell spans its white space (or is a point between two tabs)
          cells.push({ text: t.value, start: t.value === '' ? l.start + at : t.start, end: t.value === '' ? l.start + at + part.length : t.end, blank: t.value === '', empty: part === '' });
          at += part.length + 1;
        }
      }
      rows.push({ cells, start: l.start, end: l.end });
    }
  }
  const start = lines[0].start;
  const end = lines[lines.length - 1].end;
  return { type: 'raw-table', layout, rows, position: source.position(start, end) };
}

function joinPieces(pieces: Array<{ start: number; end: number; value: string; raw: string }>): RawCell {
  const nonBlank = pieces.filter((p) => p.value !== '');
  if (!nonBlank.length) {
    // a blank cell spans its white space (U+3000, U+00A0 …), or is a point where it is empty
    const p = pieces[0];
    const start = p.end - p.raw.length;
    return { text: '', start, end: start + p.raw.length, blank: true, empty: pieces.every((x) => x.raw === '') };
  }
  return {
    text: nonBlank.map((p) => p.value).join(''),
    start: nonBlank[0].start,
    end: nonBlank[nonBlank.length - 1].end,
    blank: false,
    empty: false,
  };
}


/** Plain text: tab-separated tables, Word text exports (one cell a line), PDF text; Markdown read where the text has it. */
export const textKind: InputKindModule = {
  id: 'text',
  noun: '文件',
  extensions: ['.txt'],
  mime: 'text/plain',
  plain: true,
  read: (text, rec, opts) => ({ skeleton: parseStructure(text, rec, opts), input: { kind: 'text', place: () => undefined, canEdit: () => true } }),
};
