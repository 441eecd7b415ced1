/**
 * The title, the agency and the year of a report, among its first and last texts: the same for every kind of input
 * (lines of a text, paragraphs of a page).
 */
import type { SourceText } from '../text/lines.js';
import type { Title } from '../types.js';
import type { SectionDraft, Skeleton } from '../skeleton.js';
import { MAX_AGENCY_LINE_CHARS, MAX_SIGNING_LINE_CHARS, MAX_TITLE_CHARS, TITLE_SEARCH_TEXTS } from '../text/heuristics.js';

const SENTENCE_END = /[。；;！？]/;

export interface TextSpan {
  /** offsets of the text in the source */
  start: number;
  end: number;
  value: string;
}

/** A text that reads as a report's title (…政府信息公开工作年度报告). */
export function isTitleText(v: string): boolean {
  return v.length <= MAX_TITLE_CHARS && /报告/.test(v) && /(政府信息公开|政务公开|信息公开)/.test(v) && !SENTENCE_END.test(v);
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
  const nonBlank = texts.slice(0, TITLE_SEARCH_TEXTS);
  const used = new Set<number>();
  const idx = nonBlank.findIndex((t) => isTitleText(t.value));
  if (idx < 0) return { used };
  const parts = [nonBlank[idx]];
  used.add(idx);
  let agency: string | undefined;
  if (idx > 0) {
    const pv = nonBlank[idx - 1];
    const yp = YEAR_PREFIX.exec(pv.value);
    if (idx === 1 && pv.value.length <= MAX_AGENCY_LINE_CHARS && !SENTENCE_END.test(pv.value) && !/\d/.test(pv.value) && AGENCY_END.test(pv.value.trim())) {
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

/** The report year from the signing date at the end of the report (reports are signed early in the next year). */
function signingYear(lastTexts: string[]): number | undefined {
  for (let i = lastTexts.length - 1; i >= 0; i--) {
    if (lastTexts[i].length > MAX_SIGNING_LINE_CHARS) continue;
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
