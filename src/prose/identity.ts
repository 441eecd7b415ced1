/**
 * The report's identity: its title and the year in it, the year it reports on, the statistical-period sentence
 * (统计期限), the 落款 (agency and date at the end), a date line under the title, the page's publication date, the
 * number of parts the preamble announces, and the kind of agency (government, department, township).
 *
 * Read once per report (lazily, through the rule context's `identity()`), from the report AST the parser made —
 * the title and the year come from the parser (structure.ts findTitle / reportYear), not from a second reading.
 * Everything here is what the text says; nothing is guessed: a field the text does not give is left out.
 */
import type { SourceText } from '../text/lines.js';
import type { Paragraph, Position, Report, Section, Title } from '../types.js';
import { mapText, placeIn, writtenSpan, type TextNode } from './textmap.js';

export interface Located {
  position: Position;
}

export interface DateValue {
  year: number;
  month: number;
  day: number;
}

export interface DatedText {
  date: DateValue;
  /** the date as written */
  text: string;
  node: Located;
}

export type AgencyKind = 'government' | 'department' | 'township';

export interface PeriodSentence {
  /** the words matched (统计期限自2020年1月1日起至2020年12月31日止), normalised */
  text: string;
  node: Located;
  /** a span of dates; the end year is the start year when it is not written (至12月31日) */
  from?: DateValue;
  to?: DateValue;
  /** 统计期限为2020年度 */
  wholeYear?: number;
}

export interface ReportIdentity {
  title?: {
    node: Title;
    value: string;
    /** the title without white space */
    compact: string;
    /** the year written in the title */
    year?: number;
    yearNode?: Located;
  };
  /** the year the report covers, as the parser read it, and from where */
  year?: number;
  yearSource?: Report['yearSource'];
  agency?: string;
  agencyKind?: { kind: AgencyKind; reason: string };
  period?: PeriodSentence;
  /** the 落款: the date at the end of the report, and the agency written above it */
  signature?: DatedText & { agency?: string };
  /** a date line right under the title: （2024年1月26日） */
  dateUnderTitle?: DatedText;
  /** the page's publication date (pages only): metadata, the article header, or the address */
  published?: DatedText & { source: 'meta' | 'page' | 'url' };
  /** 本报告包括…等六个部分 */
  parts?: { n: number; text: string; node: Located };
  /** paragraphs before the first section */
  preamble: Paragraph[];
  /** every paragraph of running text, with its section */
  paragraphs: Array<{ node: Paragraph; section?: Section }>;
}

/** What the reader told about the input: a web page has a publication date to read. */
export interface IdentityInput {
  webPage?: boolean;
}

const cache = new WeakMap<Report, ReportIdentity>();

/** The identity of a report (computed once per report). */
export function reportIdentity(report: Report, source: SourceText, input: IdentityInput = {}): ReportIdentity {
  let id = cache.get(report);
  if (!id) cache.set(report, (id = readIdentity(report, source, input)));
  return id;
}

function readIdentity(report: Report, source: SourceText, input: IdentityInput): ReportIdentity {
  const preamble: Paragraph[] = [];
  const paragraphs: ReportIdentity['paragraphs'] = [];
  for (const c of report.children) {
    if (c.type === 'paragraph') {
      preamble.push(c);
      paragraphs.push({ node: c });
    } else if (c.type === 'section') {
      for (const p of c.children) if (p.type === 'paragraph') paragraphs.push({ node: p, section: c });
    }
  }
  const id: ReportIdentity = { year: report.year, yearSource: report.yearSource, agency: report.agency, preamble, paragraphs };
  if (report.title) id.title = titleOf(report.title, source);
  id.period = periodOf(paragraphs.map((p) => p.node), source);
  id.signature = signatureOf(paragraphs.map((p) => p.node), source);
  if (preamble.length) {
    const d = dateLine(preamble[0], source);
    if (d) id.dateUnderTitle = d;
  }
  if (input.webPage) id.published = pageDate(source, report);
  id.parts = partsOf(preamble, source);
  id.agencyKind = agencyKind(id.agency ?? id.signature?.agency, preamble.map((p) => p.value).join(''));
  return id;
}

// ---------------------------------------------------------------------------------------------------------------

function titleOf(node: Title, source: SourceText): NonNullable<ReportIdentity['title']> {
  const compact = node.value.replace(/\s+/g, '');
  const out: NonNullable<ReportIdentity['title']> = { node, value: node.value, compact };
  const m = /((?:19|20)\d{2})\s*年/.exec(node.value);
  if (m) {
    out.year = Number(m[1]);
    out.yearNode = placeIn(source, node, m.index, m.index + m[0].length);
  }
  return out;
}

const DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/;

function dateOf(m: RegExpExecArray, at = 1): DateValue {
  return { year: Number(m[at]), month: Number(m[at + 1]), day: Number(m[at + 2]) };
}

/** A place for the normalised span [a, b) of a node's text. */
function placeOfSpan(source: SourceText, node: TextNode, mapped: ReturnType<typeof mapText>, a: number, b: number): Located {
  const [s, e] = writtenSpan(mapped, a, b);
  return placeIn(source, node, s, e);
}

/** 统计期限自2020年1月1日起至2020年12月31日止 (and 统计时间段为…到12月31日, 统计期限为2020年度). */
const PERIOD_WORD = /统计(?:期限|时限|周期|时间段|区间|时段|期间)/;
const PERIOD_SPAN =
  /统计(?:期限|时限|周期|时间段|区间|时段|期间)[^。；;]{0,14}?(\d{4})年(\d{1,2})月(\d{1,2})日(?:起|开始)?[^。；;\d]{0,6}?(?:至|到|—|-|－|～|~|止于)(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/;
const PERIOD_YEAR = /统计(?:期限|时限|周期|时间段|区间|时段|期间)(?:为|是|:)(\d{4})(?:年度|全年|年)(?![\d月])/;

function periodOf(paragraphs: Paragraph[], source: SourceText): PeriodSentence | undefined {
  for (const p of paragraphs) {
    if (!PERIOD_WORD.test(p.value)) continue;
    const mp = mapText(p.value);
    const m = PERIOD_SPAN.exec(mp.text);
    if (m) {
      const from = dateOf(m, 1);
      const to = { year: m[4] ? Number(m[4]) : from.year, month: Number(m[5]), day: Number(m[6]) };
      return { text: m[0], node: placeOfSpan(source, p, mp, m.index, m.index + m[0].length), from, to };
    }
    const y = PERIOD_YEAR.exec(mp.text);
    if (y) return { text: y[0], node: placeOfSpan(source, p, mp, y.index, y.index + y[0].length), wholeYear: Number(y[1]) };
  }
  return undefined;
}

/** A paragraph that is only a date: 2021年1月8日, （2024年1月26日）. */
function dateLine(p: Paragraph, source: SourceText): DatedText | undefined {
  if (p.value.length > 40) return undefined;
  const mp = mapText(p.value);
  if (mp.text.length > 16) return undefined;
  const m = /^[（(]?(\d{4})年(\d{1,2})月(\d{1,2})日[）)]?$/.exec(mp.text);
  if (!m) return undefined;
  return { date: dateOf(m), text: mp.text, node: placeOfSpan(source, p, mp, 0, mp.text.length) };
}

/** The 落款: the last date-only paragraph among the last ones, and the agency right above it. */
function signatureOf(paragraphs: Paragraph[], source: SourceText): ReportIdentity['signature'] {
  const last = paragraphs.slice(-4);
  for (let i = last.length - 1; i >= 0; i--) {
    const d = dateLine(last[i], source);
    if (!d) continue;
    const above = i > 0 ? mapText(last[i - 1].value).text : '';
    const agency = above && above.length <= 30 && !/[。；;，,：:！？]/.test(above) && /[\u4e00-\u9fff]$/.test(above) ? above : undefined;
    return { ...d, ...(agency ? { agency } : {}) };
  }
  return undefined;
}

/**
 * The page's publication date: its metadata (<meta name="PubDate">, <publishtime>), the article header before the
 * report (发布时间：2022-02-08, 时间：2022-02-08 16:34), or the address (…/202202/t20220208_80613.htm).
 */
function pageDate(source: SourceText, report: Report): ReportIdentity['published'] {
  const html = source.text;
  const at = (start: number, end: number): Located => ({ position: source.position(start, end) });
  const meta = /<meta\b[^>]*\bname\s*=\s*["']?(?:PubDate|publishdate|pubtime|firstpublishedtime|publishtime)["']?[^>]*>/i.exec(html);
  if (meta) {
    const c = /content\s*=\s*["']?\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/i.exec(meta[0]);
    if (c) return { date: dateOf(c), text: c[0].replace(/^content\s*=\s*["']?\s*/i, ''), node: at(meta.index, meta.index + meta[0].length), source: 'meta' };
  }
  const pt = /<publishtime>\s*(\d{4})-(\d{1,2})-(\d{1,2})/i.exec(html);
  if (pt) return { date: dateOf(pt), text: pt[0], node: at(pt.index, pt.index + pt[0].length), source: 'meta' };
  // the article header: text before the report's body
  const bodyStart = report.position.start.offset ?? html.length;
  const head = html.slice(0, bodyStart);
  const re = /(发布时间|发布日期|公开日期|发文日期|(?<![\u4e00-\u9fff])时间)\s*[：:]\s*(?:&nbsp;|\s)*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/g;
  let best: RegExpExecArray | undefined;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    // 发布… wins over a bare 时间：; the last one before the body is the article's own
    if (!best || m[1] !== '时间' || best[1] === '时间') best = m;
  }
  if (best) {
    const d = { year: Number(best[2]), month: Number(best[3]), day: Number(best[4]) };
    return { date: d, text: best[0], node: at(best.index, best.index + best[0].length), source: 'page' };
  }
  const url = /\/t(20\d{2})(\d{2})(\d{2})_\d+\.s?html?/.exec(html);
  if (url) return { date: dateOf(url), text: url[0], node: at(url.index, url.index + url[0].length), source: 'url' };
  return undefined;
}

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 本报告包括…等六个部分 / 由…五部分组成 / 本报告共包括6个部分 (never 第N部分). */
function partsOf(preamble: Paragraph[], source: SourceText): ReportIdentity['parts'] {
  for (const p of preamble) {
    if (!p.value.includes('部分')) continue;
    const mp = mapText(p.value);
    const re = /(?<!第)(十[一二]?|[一二两三四五六七八九]|\d{1,2})个?大?部分/g;
    for (let m = re.exec(mp.text); m; m = re.exec(mp.text)) {
      // a sentence about the report's own parts
      const from = Math.max(mp.text.lastIndexOf('。', m.index) + 1, 0);
      const sentence = mp.text.slice(from, m.index + m[0].length + 4);
      if (!/(报告|全文|本文)/.test(sentence) || !/(包括|包含|分为|组成|由|共|等|分)/.test(sentence)) continue;
      const w = m[1];
      const n = /^\d/.test(w) ? Number(w) : w.startsWith('十') ? 10 + (NUMERALS[w[1]] ?? 0) : NUMERALS[w];
      return { n, text: m[0], node: placeOfSpan(source, p, mp, m.index, m.index + m[0].length) };
    }
  }
  return undefined;
}

/**
 * The kind of agency, from its name (the title's, else the 落款's) and the preamble (review-checks §4.7):
 * 乡/镇/街道 → township; …人民政府, 管委会 (not its office), or a place's name alone → government; 局/委/办/中心… →
 * department; a preamble that says the report was compiled for the whole area → government.
 */
export function agencyKind(agency: string | undefined, preamble = ''): ReportIdentity['agencyKind'] {
  const a = (agency ?? '').replace(/\s+/g, '');
  if (a) {
    if (/(乡|镇|街道|街道办事处)(人民政府)?$/.test(a)) return { kind: 'township', reason: `「${a}」是乡镇或街道` };
    if (/人民政府$/.test(a)) return { kind: 'government', reason: `「${a}」是人民政府` };
    if (/(管理委员会|管委会)$/.test(a) && !/(办公室|办公厅)/.test(a)) return { kind: 'government', reason: `「${a}」是管委会` };
    if (/(局|委员会|委|办公室|办公厅|办|厅|中心|院|所|站|队|部|署|处|会|公司|馆|社|台|团|室|科)$/.test(a)) return { kind: 'department', reason: `「${a}」是政府部门或机构` };
    if (/(省|自治区|市|区|县|旗|自治州|州|盟)$/.test(a)) return { kind: 'government', reason: `标题只写地名「${a}」，是本级政府的报告` };
  }
  const pre = preamble.replace(/\s+/g, '');
  if (/(汇总|综合)[^。]{0,30}(各|下属)[^。]{0,30}编制/.test(pre)) return { kind: 'government', reason: '前言说本报告汇总本地区各单位编制' };
  if (/(我|全)(区|县|市|省|旗)编制完成/.test(pre) || /(区|县|市|旗)(管委会|人民政府|政府)办公室编制完成/.test(pre))
    return { kind: 'government', reason: '前言说本报告由本级政府（办公室）为全地区编制' };
  return undefined;
}

export function formatDate(d: DateValue): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

export function compareDates(a: DateValue, b: DateValue): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
