/**
 * What the prose states about applications (section 三's subject) and about 行政复议/行政诉讼 (section 四's):
 * counts tied to a metric (收到, 上年结转, 办结, 结转下年度, each outcome group, 复议, 诉讼) and the qualitative
 * statements (未收到申请, 均已办结, 均获维持, 均已审结, 未发生复议). Only wording that is known is read; anything
 * else is left alone (unknown wording is silence). Sentences in section 五 (plans), sentences about plans, and
 * clauses about other periods (累计, 以来, 截至, 较上年) or about another organ are not read.
 */
import type { Position } from '../types.js';
import type { Prose, ProseNumber, ProseParagraph, ProseSentence } from './index.js';

export type ApplyMetric =
  | 'received'
  | 'new'
  | 'carried-in'
  | 'handled'
  | 'handled-or-received'
  | 'carried-out'
  | 'natural'
  | 'legal'
  | 'o-open'
  | 'o-partial'
  | 'o-open-partial'
  | 'o-refused'
  | 'o-unable'
  | 'o-not-processed'
  | 'o-other';

export interface CountStatement {
  metric: ApplyMetric;
  number: ProseNumber;
  /** the words of the statement as normalised (共收到政府信息公开申请58件) */
  quote: string;
  paragraph: ProseParagraph;
  sentence: ProseSentence;
}

export interface QualStatement {
  kind: 'none-received' | 'all-handled';
  quote: string;
  position: Position;
  paragraph: ProseParagraph;
  sentence: ProseSentence;
}

const PLAN = /(下一步|计划|力争|拟于|明年|今后|将进一步|将继续)/;
const OTHER_PERIOD = /(累计|以来|截至|截止|历年|较上年|比上年|同比|较去年|比去年|增加|减少|下降|上升|增长)/;
const NOT_APPLICATIONS = /(诉求|咨询|留言|信访件|来电|来信|热线|问政|投诉件|举报件|网民|复议|诉讼|提案|建议)/;
/** another organ as the clause's subject: 区民政局收到… (the report's own agency is 我局/本局/全区/各单位 …) */
const SUB_UNIT = /([\u4e00-\u9fff]{1,10}?)(局|委员会|中心|镇|街道|乡|公司|部门|学校|医院)(?!长)/g;

/** Whether the words before a number name another organ than the report's own (区民政局, not 我局 or the agency). */
export function namesSubUnit(prefix: string, agency?: string): boolean {
  SUB_UNIT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SUB_UNIT.exec(prefix)) !== null) {
    const name = m[1];
    if (/(我|本|全|各|该|此)$/.test(name) || /^(我|本|全|各)/.test(name)) continue;
    if (agency && agency.includes(m[0])) continue;
    return true;
  }
  return false;
}

function usable(p: ProseParagraph, s: ProseSentence): boolean {
  return p.sectionId !== 's5' && !PLAN.test(s.text);
}

function quoteOf(p: ProseParagraph, s: ProseSentence, n: ProseNumber): string {
  const clause = s.clauses[n.clause];
  const from = clause ? clause.start : s.start;
  let q = p.text.slice(from, n.end);
  const after = p.text.slice(n.end, clause ? clause.end : n.end);
  if (/^申请/.test(after)) q += '申请';
  q = q.replace(/^(今年|全年|本年度?|\d{4}年度?)(?=.)/, '').replace(/^(其中|另有|另)(?=.)/, '');
  return q.length > 40 ? '…' + q.slice(-40) : q;
}

const OUTCOMES: Array<[RegExp, ApplyMetric]> = [
  [/(予以公开及部分公开|予以公开和部分公开|予以公开或部分公开)[^，；。、\d]{0,4}$/, 'o-open-partial'],
  [/(?<!不)(予以公开|同意公开)[^，；。、\d]{0,4}$/, 'o-open'],
  [/(?<![及和或])部分公开[^，；。、\d]{0,4}$/, 'o-partial'],
  [/不予公开[^，；。、\d]{0,4}$/, 'o-refused'],
  [/无法提供[^，；。、\d]{0,4}$/, 'o-unable'],
  [/不予处理[^，；。、\d]{0,4}$/, 'o-not-processed'],
  [/其他处理[^，；。、\d]{0,4}$/, 'o-other'],
];

/** A year other than the report's named in the clause or at the sentence's start (2020年共收到…): another period. */
function otherYear(text: string, year: number | undefined): boolean {
  const re = /((?:19|20)\d\d)年/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) if (year === undefined || Number(m[1]) !== year) return true;
  return false;
}

const appCache = new WeakMap<Prose, { key: string; value: { counts: CountStatement[]; quals: QualStatement[] } }>();
const reviewCache = new WeakMap<Prose, { key: string; value: { counts: ReviewCount[]; quals: ReviewQual[] } }>();

/** Counts and statements about applications (computed once per report and reading). */
export function applicationStatements(prose: Prose, agency?: string, year?: number): { counts: CountStatement[]; quals: QualStatement[] } {
  const key = `${agency}|${year}`;
  const hit = appCache.get(prose);
  if (hit && hit.key === key) return hit.value;
  const value = readApplicationStatements(prose, agency, year);
  appCache.set(prose, { key, value });
  return value;
}

function readApplicationStatements(prose: Prose, agency?: string, year?: number): { counts: CountStatement[]; quals: QualStatement[] } {
  const counts: CountStatement[] = [];
  const quals: QualStatement[] = [];
  for (const p of prose.paragraphs) {
    if (!p.text.includes('申请')) continue;
    // a paragraph without numbers can only hold the qualitative statements
    if (!p.numbers.length && !/(未|没有|所有|全部|办结率)/.test(p.text)) continue;
    for (const s of p.sentences) {
      if (!usable(p, s)) continue;
      // qualitative statements
      const none = /(未|没有)/.test(s.text) ? /(未|没有)(收到|受理|接到)[^。，；\d]{0,14}?(申请|依申请公开件)/.exec(s.text) : null;
      if (none && !/(复议|诉讼)/.test(none[0])) {
        const a = s.start + none.index;
        quals.push({ kind: 'none-received', quote: none[0], position: p.position(a, a + none[0].length), paragraph: p, sentence: s });
      }
      const all = !/(所有|全部|办结率)/.test(s.text)
        ? null
        : /(所有|全部)[^。，；\d]{0,10}申请[^。，；\d]{0,6}均(已)?(按期|按时|依法)?(办结|答复完毕|办理完毕|办理完成|答复)/.exec(s.text) ??
        /办结率(为|达到?)?100%/.exec(s.text);
      if (all && !/期限内/.test(all[0])) {
        const a = s.start + all.index;
        quals.push({ kind: 'all-handled', quote: all[0], position: p.position(a, a + all[0].length), paragraph: p, sentence: s });
      }
      let sawReceived = false;
      for (const n of s.numbers) {
        if (n.kind !== 'count' || n.unit !== '件' || n.approx) continue;
        const clause = s.clauses[n.clause];
        if (!clause) continue;
        const prefix = p.text.slice(clause.start, n.index);
        const after = p.text.slice(n.end, clause.end);
        const clauseText = clause.text;
        if (OTHER_PERIOD.test(clauseText) || otherYear(clauseText, year) || otherYear(s.text.slice(0, 8), year)) continue;
        if (NOT_APPLICATIONS.test(clauseText) && !/信访举报投诉类申请/.test(clauseText)) continue;
        if (namesSubUnit(prefix, agency)) continue;
        let metric: ApplyMetric | undefined;
        if (/(结转|顺延)(至|到)?(下一?年度?|\d{4}年)[^，；。\d]{0,10}$/.test(prefix) || /^[^，；。\d]{0,16}(结转|顺延)(至|到)?下一?年/.test(after)) metric = 'carried-out';
        else if (/上一?年度?结转[^，；。\d]{0,10}$/.test(prefix)) metric = 'carried-in';
        else if (/新收[^，；。\d]{0,20}$/.test(prefix) && /申请/.test(clauseText)) metric = 'new';
        else if (/(?<!未|没有)(收到|受理|接收|接到)[^，；。\d]{0,20}$/.test(prefix) && /申请/.test(clauseText)) metric = 'received';
        else if (/(办结|答复|办理完成|办理完毕|处理完毕|已办理)[^，；。\d]{0,12}$/.test(prefix) && !/(予以|不予|无法)[^，；。\d]{0,6}$/.test(prefix)) metric = 'handled';
        else if (/(?<!继续)办理[^，；。\d]{0,12}$/.test(prefix) && /申请/.test(clauseText)) metric = 'handled-or-received';
        else if (sawReceived && /自然人[^，；。\d]{0,6}$/.test(prefix)) metric = 'natural';
        else if (sawReceived && /法人(或|和|及)?(其他)?组织[^，；。\d]{0,6}$/.test(prefix)) metric = 'legal';
        else {
          const tail = prefix.slice(-14);
          for (const [re, m] of OUTCOMES) {
            if (re.test(tail)) {
              metric = m;
              break;
            }
          }
        }
        if (!metric) continue;
        // counts other than the outcome groups are read only in a sentence about applications
        if (!metric.startsWith('o-') && !/申请/.test(s.text)) continue;
        if (metric === 'received' || metric === 'new') sawReceived = true;
        counts.push({ metric, number: n, quote: quoteOf(p, s, n), paragraph: p, sentence: s });
      }
    }
  }
  return { counts, quals };
}

export type ReviewMetric = 'review' | 'litigation' | 'both';

export interface ReviewCount {
  metric: ReviewMetric;
  number: ProseNumber;
  quote: string;
  paragraph: ProseParagraph;
}

export interface ReviewQual {
  kind: 'none' | 'all-maintained' | 'all-closed' | 'none-corrected';
  /** the groups the statement is about */
  groups: Array<'rv' | 'ld' | 'la'>;
  quote: string;
  position: Position;
  paragraph: ProseParagraph;
}

/**
 * Counts and statements about 行政复议 / 行政诉讼 that concern information disclosure: in section 四, or in a
 * sentence that names 政府信息公开/依申请. A sentence where the agency decides reviews (受理/办理/审理 行政复议)
 * is about another matter and is not read.
 */
export function reviewStatements(prose: Prose, year?: number): { counts: ReviewCount[]; quals: ReviewQual[] } {
  const key = String(year);
  const hit = reviewCache.get(prose);
  if (hit && hit.key === key) return hit.value;
  const value = readReviewStatements(prose, year);
  reviewCache.set(prose, { key, value });
  return value;
}

function readReviewStatements(prose: Prose, year?: number): { counts: ReviewCount[]; quals: ReviewQual[] } {
  const counts: ReviewCount[] = [];
  const quals: ReviewQual[] = [];
  for (const p of prose.paragraphs) {
    if (!/(复议|诉讼)/.test(p.text)) continue;
    if (!p.numbers.length && !/(未|没有|均|全部|败诉|纠错)/.test(p.text)) continue;
    for (const s of p.sentences) {
      if (!usable(p, s) || !/(复议|诉讼)/.test(s.text)) continue;
      if (p.sectionId !== 's4' && !/(政府信息公开|信息公开|依申请)/.test(s.text)) continue;
      if (/(受理|办理|审理|审结|收到)[^，。；\d]{0,6}(行政)?复议(申请|案件)/.test(s.text) && !/被申请/.test(s.text)) continue;
      if (otherYear(s.text.slice(0, 8), year)) continue;
      const names = (t: string): Array<'rv' | 'ld' | 'la'> => {
        const rv = /复议/.test(t.replace(/复议后/g, ''));
        const lit = /诉讼|起诉/.test(t);
        return [...(rv ? (['rv'] as const) : []), ...(lit ? (['ld', 'la'] as const) : [])];
      };
      const none = /(未|没有)(被)?(发生|申请|提起)[^。；\d]{0,24}?(行政复议|行政诉讼|复议|诉讼)([、和及与或]?(行政)?(复议|诉讼))?/.exec(s.text);
      if (none && !/(未经复议|复议后)/.test(none[0])) {
        const a = s.start + none.index;
        quals.push({ kind: 'none', groups: names(none[0]), quote: none[0], position: p.position(a, a + none[0].length), paragraph: p });
      }
      const pushQual = (re: RegExp, kind: ReviewQual['kind']) => {
        const m = re.exec(s.text);
        if (!m) return;
        const a = s.start + m.index;
        const before = s.text.slice(0, m.index + m[0].length);
        quals.push({ kind, groups: names(before), quote: m[0], position: p.position(a, a + m[0].length), paragraph: p });
      };
      pushQual(/(均|全部)(获|被|予以|得到|已)?(维持|胜诉)/, 'all-maintained');
      pushQual(/均已(结案|审结|办结|终结)/, 'all-closed');
      pushQual(/(未被[^，。；\d]{0,10}纠错|无败诉|零败诉|未出现败诉|没有败诉)/, 'none-corrected');
      for (const n of s.numbers) {
        if (n.kind !== 'count' || (n.unit !== '件' && n.unit !== '起') || n.approx) continue;
        const clause = s.clauses[n.clause];
        if (!clause) continue;
        const prefix = p.text.slice(clause.start, n.index);
        if (OTHER_PERIOD.test(clause.text) || otherYear(clause.text, year)) continue;
        if (/(结果维持|维持|纠正|尚未审结|审结|其他结果|复议后起诉|败诉|胜诉)[^，；。\d]{0,4}$/.test(prefix)) continue;
        let metric: ReviewMetric | undefined;
        if (/(行政)?复议[、和及与](行政)?诉讼[^，；。\d]{0,12}$/.test(prefix) || /(行政)?复议[^，；。\d]{0,3}(行政)?诉讼[^，；。\d]{0,12}$/.test(prefix)) metric = 'both';
        else if (/(行政)?复议[^，。、；\d]{0,10}$/.test(prefix) && !/复议后/.test(prefix)) metric = 'review';
        else if (/(行政)?诉讼[^，。、；\d]{0,10}$/.test(prefix) || /起诉[^，。、；\d]{0,6}$/.test(prefix)) metric = 'litigation';
        if (!metric) continue;
        const q = p.text.slice(clause.start, n.end).replace(/^(今年|全年|本年度?|\d{4}年度?)(?=.)/, '');
        counts.push({ metric, number: n, quote: q.length > 40 ? '…' + q.slice(-40) : q, paragraph: p });
      }
    }
  }
  return { counts, quals };
}
