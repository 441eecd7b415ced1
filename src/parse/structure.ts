/**
 * Text → report skeleton: title, sections (by their headings), paragraphs, and table regions cut into
 * physical rows and raw cells. Nothing here depends on one format; binding rows and cells to a format's ids is
 * done by bind.ts.
 */
import type { Label, Paragraph, Position, TableLayout, Title } from '../types.js';
import { SourceText, isBlank, isSpace, trimSpan, type Line } from '../text/lines.js';
import { CHINESE_NUMERALS, TABLE_CAPTION, chineseNumeralValue, normalizeLabel } from '../text/normalize.js';
import { LabelSet } from '../format/match.js';
import type { Format } from '../format/formats.js';
import { hasMarkdownSyntax, markdownHints, type MarkdownHints } from './markdown.js';
import { hintsWithoutLines, maskDirectives } from './directive-comments.js';

export interface RawCell {
  /** the cell's text as written (the pieces of a cell broken over lines joined) */
  text: string;
  /** the trimmed span of the text, or a zero-width point where the cell is blank */
  start: number;
  end: number;
  blank: boolean;
  /** the cell had nothing at all (not even white space): a layout placeholder rather than a blank data cell */
  empty: boolean;
  /** whether the cell reads as a label (words) rather than a value, once asked (bind.ts) */
  label?: boolean;
}

export interface PhysicalRow {
  cells: RawCell[];
  start: number;
  end: number;
}

export interface RawTable {
  type: 'raw-table';
  layout: TableLayout;
  rows: PhysicalRow[];
  position: Position;
}

export interface SectionDraft {
  type: 'section';
  number: string;
  index: number;
  sectionId?: string;
  heading: Label;
  titleText: string;
  depth?: number;
  titleMatch?: { kind: 'exact' | 'variant' | 'fragment'; canonical: string; distance: number };
  children: Array<Paragraph | RawTable>;
  position: Position;
}

export interface Skeleton {
  source: SourceText;
  title?: Title;
  agency?: string;
  year?: number;
  yearSource?: 'title' | 'text' | 'date';
  /** paragraphs before the first section (title excluded) */
  preamble: Paragraph[];
  sections: SectionDraft[];
}

const HEADING = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(\S.*)$/;
const SENTENCE_END = /[。；;！？]/;

/** Section titles of every known format, keyed by section id. */
function sectionTitleSet(formats: readonly Format[]): { set: LabelSet; keywords: Map<string, string[]>; titles: Map<string, string> } {
  const seen = new Map<string, { id: string; label: string; variants: string[] }>();
  const keywords = new Map<string, string[]>();
  const titles = new Map<string, string>();
  for (const f of formats) {
    for (const s of f.data.sections) {
      const prev = seen.get(s.id);
      if (prev) prev.variants.push(...(s.variants ?? []), s.title);
      else seen.set(s.id, { id: s.id, label: s.title, variants: [...(s.variants ?? [])] });
      if (s.keywords) keywords.set(s.id, s.keywords);
      titles.set(s.id, s.title);
    }
  }
  return { set: new LabelSet([...seen.values()]), keywords, titles };
}

const titleSetCache = new WeakMap<readonly Format[], ReturnType<typeof sectionTitleSet>>();

export function parseStructure(text: string, formats: readonly Format[], opts: { markdown?: boolean } = {}): Skeleton {
  // inline directives are not report text: blanked out, and their own lines skipped as if they were not there
  const directives = maskDirectives(text);
  const source = new SourceText(directives.text);
  const hints: MarkdownHints | undefined =
    opts.markdown !== false && (opts.markdown || hasMarkdownSyntax(text)) ? hintsWithoutLines(source, directives.lines, markdownHints) : undefined;
  const titles = titleSet(formats);

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
    const h = sectionHeading(line, hints, titles, source);
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
    draft.children = sectionBody(body, gfmLines, hints, source);
    if (rest) draft.children.unshift(rest);
    const last = draft.children[draft.children.length - 1];
    draft.position = { start: draft.heading.position.start, end: last ? last.position.end : draft.heading.position.end };
    sections.push(draft);
  }

  // 4. the year
  const { year, yearSource } = reportYear(title, source.lines.slice(-12).map((l) => l.text), sections);
  return { source, title, agency, year, yearSource, preamble, sections };
}

/**
 * The year the report covers: from its title, else from the signing date among its last texts (lines or
 * paragraphs), else the year its first section mentions most.
 */
export function reportYear(title: Title | undefined, lastTexts: string[], sections: SectionDraft[]): Pick<Skeleton, 'year' | 'yearSource'> {
  const ty = title ? /(20\d{2})\s*年/.exec(title.value) : null;
  if (ty) return { year: Number(ty[1]), yearSource: 'title' };
  const d = signingYear(lastTexts);
  if (d) return { year: d, yearSource: 'date' };
  const t = mostMentionedYear(sections.length ? sections[0] : undefined);
  if (t) return { year: t, yearSource: 'text' };
  return {};
}

/** Punctuation after which a heading run on with its text (六、其他需要报告的事项。本年度……) may be cut. */
const RUN_ON = /[。：:；;，,]/;

function sectionHeading(
  line: Line,
  hints: MarkdownHints | undefined,
  titles: ReturnType<typeof sectionTitleSet>,
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
  let h = matchHeading(span.value, titles);
  let end = span.end;
  let rest: Paragraph | undefined;
  if (h?.titleMatch?.kind !== 'exact') {
    // a heading run on with its text: the heading up to the first punctuation, when that is a heading exactly
    const cut = RUN_ON.exec(span.value);
    const head = cut ? matchHeading(span.value.slice(0, cut.index).trimEnd(), titles) : undefined;
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

export type HeadingMatch = Pick<SectionDraft, 'type' | 'number' | 'index' | 'sectionId' | 'titleText' | 'titleMatch'>;

/**
 * Whether a text (a line, a paragraph of a page) is a section heading of some known format (一、总体情况 …), and
 * which. The one recognition of section headings, for every kind of input.
 */
export function recognizeHeading(text: string, formats: readonly Format[]): HeadingMatch | undefined {
  return matchHeading(text, titleSet(formats));
}

function titleSet(formats: readonly Format[]): ReturnType<typeof sectionTitleSet> {
  let titles = titleSetCache.get(formats);
  if (!titles) titleSetCache.set(formats, (titles = sectionTitleSet(formats)));
  return titles;
}

function matchHeading(value: string, titles: ReturnType<typeof sectionTitleSet>): HeadingMatch | undefined {
  if (value.length > 60) return undefined;
  const m = HEADING.exec(value);
  if (!m) return undefined;
  const index = chineseNumeralValue(m[1]);
  if (!index) return undefined;
  const titleText = m[2].trim();
  const norm = normalizeLabel(titleText);
  let match = titles.set.match(titleText);
  if (!match) {
    // a reworded heading: every keyword of one section, and not much longer than its title
    for (const [id, kws] of titles.keywords) {
      const canonical = titles.titles.get(id)!;
      if (kws.length && kws.every((k) => norm.includes(k)) && norm.length <= canonical.length * 1.8 + 4) {
        match = { id, canonical, distance: -1, kind: 'variant' };
        break;
      }
    }
  }
  if (!match) return undefined;
  return {
    type: 'section',
    number: m[1],
    index,
    sectionId: match.id,
    titleText,
    titleMatch: { kind: match.kind, canonical: match.canonical, distance: match.distance },
  };
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

export interface TextSpan {
  /** offsets of the text in the source */
  start: number;
  end: number;
  value: string;
}

/** A text that reads as a report's title (…政府信息公开工作年度报告). */
export function isTitleText(v: string): boolean {
  return v.length <= 80 && /报告/.test(v) && /(政府信息公开|政务公开|信息公开)/.test(v) && !SENTENCE_END.test(v);
}

const YEAR_PREFIX = /^(.{0,30}?)\s*20\d{2}\s*年度?$/;
/** How the name of an agency ends (某某市统计局, 某某区人民政府, 某某街道办事处): a line above a title that does not is no agency (正文). */
const AGENCY_END = /(?:局|委|办|院|府|会|处|署|部|厅|室|中心|公司|集团|行|区|县|市|州|盟|旗|镇|乡|街道|所|站|队|馆|校|社|团|司|庭)$/;

/**
 * The title among the first texts of a report (non-blank lines, or paragraphs of a page): the text that reads as a
 * title, with the agency's name or the year on the text above it joined to it. `used` are the indices of the
 * texts that make the title.
 */
export function findTitle(texts: TextSpan[], source: SourceText): { title?: Title; agency?: string; used: Set<number> } {
  const nonBlank = texts.slice(0, 8);
  const used = new Set<number>();
  const idx = nonBlank.findIndex((t) => isTitleText(t.value));
  if (idx < 0) return { used };
  const parts = [nonBlank[idx]];
  used.add(idx);
  let agency: string | undefined;
  if (idx > 0) {
    const pv = nonBlank[idx - 1];
    const yp = YEAR_PREFIX.exec(pv.value);
    if (idx === 1 && pv.value.length <= 30 && !SENTENCE_END.test(pv.value) && !/\d/.test(pv.value) && AGENCY_END.test(pv.value.trim())) {
      parts.unshift(pv);
      used.add(idx - 1);
      agency = pv.value;
    } else if (yp && !/20\d{2}\s*年/.test(parts[0].value)) {
      // a title broken before its main part: 平潭综合实验区2019年 / 政府信息公开工作年度报告
      parts.unshift(pv);
      used.add(idx - 1);
      agency = yp[1].trim() || undefined;
    }
  }
  const value = parts.map((p) => p.value).join(' ');
  if (!agency) {
    // from the title's own text (not a year line above it: 2024年度 / XX区人民政府政府信息公开工作年度报告)
    const main = nonBlank[idx].value;
    const m = /^(.+?)\s*(20\d{2})\s*年/.exec(main);
    if (m) agency = m[1].trim();
    else {
      const n = /^(.+?)(政府信息公开|政务公开)/.exec(main);
      if (n && n[1].length >= 2) agency = n[1].replace(/20\d{2}\s*年度?$/, '').trim() || undefined;
    }
  }
  const title: Title = { type: 'title', value, position: source.position(parts[0].start, parts[parts.length - 1].end) };
  return { title, agency, used };
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
): Array<Paragraph | RawTable> {
  const out: Array<Paragraph | RawTable> = [];
  const kind: Array<'blank' | 'table' | 'text'> = body.map((l) => {
    if (gfmLines.has(l.line) || l.text.includes('\t')) return 'table';
    if (isBlank(l.text)) return 'blank';
    // a table caption (第二十条第（一）项) on a line of its own, its tabs lost: it starts a table all the same
    return l.text.length <= 24 && TABLE_CAPTION.test(normalizeLabel(l.text)) ? 'table' : 'text';
  });
  // a short line right under a tab-started cell line continues that cell (a cell broken inside, as Word exports 本年新 / 制作数量)
  for (let i = 1; i < body.length; i++) {
    if (kind[i] === 'text' && kind[i - 1] === 'table' && body[i - 1].text.startsWith('\t') && body[i - 1].text.indexOf('\t', 1) < 0) {
      const v = body[i].text.trim();
      if (v.length <= 16 && !SENTENCE_END.test(v)) kind[i] = 'table';
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

/** The report year from the signing date at the end of the report (reports are signed early in the next year). */
function signingYear(lastTexts: string[]): number | undefined {
  for (let i = lastTexts.length - 1; i >= 0; i--) {
    if (lastTexts[i].length > 40) continue;
    const m = /^\s*(20\d{2})\s*年\s*(\d{1,2})\s*月(\s*\d{1,2}\s*日)?\s*$/.exec(lastTexts[i]);
    if (m) return Number(m[2]) <= 6 ? Number(m[1]) - 1 : Number(m[1]);
  }
  return undefined;
}

function mostMentionedYear(section: SectionDraft | undefined): number | undefined {
  if (!section) return undefined;
  const counts = new Map<number, number>();
  for (const c of section.children) {
    if (c.type !== 'paragraph') continue;
    for (const m of c.value.matchAll(/(20\d{2})\s*年(?!度?[^，。]{0,60}公报)/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | undefined;
  let n = 0;
  for (const [y, k] of counts) if (k > n) [best, n] = [y, k];
  return n >= 2 ? best : undefined;
}
