/**
 * Numbers in the running text of a report (never in table cells): each paragraph normalised (full-width digits,
 * spaces between digits and CJK dropped, thousands separators, ASCII punctuation as full-width), split into
 * sentences and clauses, and every number read with what follows and precedes it: a count with its measure word
 * (件/条/个/篇/项/份/起/次…), a percentage, an amount of money, a year, a date, a document number (〔2021〕30号), an
 * ordinal (第二十条), a range, a number inside a title (《…》); approximations (约/近/余/多/以上/左右) are marked.
 * Every number keeps its offsets in the source, so findings point at the prose.
 */
import type { SourceText } from '../text/lines.js';
import type { Paragraph, Position } from '../types.js';

export type NumberKind = 'count' | 'percent' | 'money' | 'year' | 'date' | 'docno' | 'ordinal' | 'range' | 'title' | 'other';

export interface ProseNumber {
  value: number;
  /** the number and its unit as normalised (1248条, 36.9%, 2021年) */
  text: string;
  /** measure word or unit after the number (件, 条, %, 万元, 年 …); '' when none */
  unit: string;
  kind: NumberKind;
  /** 约/近/超过/逾 before it, 余/多/以上/左右 after it */
  approx: boolean;
  /** written in Chinese numerals (两件, 三个) */
  chinese: boolean;
  /** [index, end) in the paragraph's normalised text: the number and its unit */
  index: number;
  end: number;
  /** the number's digits only, [index, digitsEnd) */
  digitsEnd: number;
  /** nesting depth of （…） at the number */
  depth: number;
  /** the words just before the number, back to the previous separator or number (机构职能类信息) */
  label: string;
  sentence: number;
  clause: number;
  /** source position of the number and its unit */
  position: Position;
}

export interface ProseClause {
  start: number;
  end: number;
  text: string;
}

export interface ProseSentence {
  index: number;
  start: number;
  end: number;
  text: string;
  clauses: ProseClause[];
  numbers: ProseNumber[];
}

export interface ProseParagraph {
  node: Paragraph;
  /** the section's canonical id (s1 … s6); undefined for the preamble or an unknown section */
  sectionId?: string;
  /** normalised text */
  text: string;
  sentences: ProseSentence[];
  numbers: ProseNumber[];
  /** paren depth at each index of text */
  depth: Int16Array;
  /** the source position of [a, b) of the normalised text */
  position(a: number, b: number): Position;
}

/** Measure words of counts, longest first. */
const MEASURES = ['人次', '批次', '场次', '件次', '个次', '件', '条', '个', '篇', '项', '份', '起', '次', '期', '家', '名', '场', '通', '类', '批', '张', '册', '本', '套', '户', '例', '宗', '则', '幅', '人', '期'];
const MONEY = ['亿元', '万元', '千元', '元'];
const APPROX_BEFORE = /(约|近|超过|超|逾|将近|接近|大约|不少于|不足|不到|至少|多达|上)$/;
const APPROX_MID = /^(余|多|来)/;
const APPROX_AFTER = /^(以上|左右|以内|之多|上下)/;
const SEPARATORS = '，；：、。！？（）《》“”‘’';

// ---------------------------------------------------------------------------------------------------------------
// normalisation

function isWs(c: string): boolean {
  const k = c.charCodeAt(0);
  return k === 0x20 || k === 0x09 || k === 0x0a || k === 0x0d || k === 0xa0 || k === 0x3000 || (k >= 0x2000 && k <= 0x200d) || k === 0x202f || k === 0xfeff;
}
const isAsciiAlnum = (c: string | undefined) => c !== undefined && /[0-9A-Za-z]/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * Source offset of each character of a paragraph's value. In a text file the value is the source's slice; in a page
 * it is the text of the elements, with markup, entities and runs of white space in between: the characters are
 * found in order, skipping tags and decoding the common entities. Where the search fails the rest maps to the
 * last offset found.
 */
function valueOffsets(value: string, source: string, start: number, end: number): Int32Array {
  const out = new Int32Array(value.length + 1);
  if (source.slice(start, end) === value) {
    for (let i = 0; i <= value.length; i++) out[i] = start + i;
    return out;
  }
  let p = start;
  const limit = Math.min(source.length, end + 16);
  let ok = true;
  for (let k = 0; k < value.length; k++) {
    const c = value[k];
    if (!ok) {
      out[k] = out[k - 1];
      continue;
    }
    let found = -1;
    let q = p;
    while (q < limit) {
      const s = source[q];
      if (s === '<') {
        const gt = source.indexOf('>', q);
        if (gt < 0) break;
        q = gt + 1;
        continue;
      }
      if (s === '&') {
        const m = /^&(#x[0-9a-fA-F]+|#\d+|[A-Za-z]+);?/.exec(source.slice(q, q + 12));
        if (m) {
          const d = decodeEntity(m[1]);
          if (d === c || (isWs(c) && d !== undefined && isWs(d))) {
            found = q;
            q += m[0].length;
            break;
          }
          if (isWs(c)) {
            q += m[0].length;
            continue;
          }
        }
      }
      if (s === c || (isWs(c) && isWs(s))) {
        found = q;
        q++;
        break;
      }
      if (isWs(c)) {
        // a collapsed space that the source writes as markup only
        found = q;
        break;
      }
      if (isWs(s) || s === '\n' || s === '\r') {
        q++;
        continue;
      }
      break;
    }
    if (found < 0) {
      ok = false;
      out[k] = k ? out[k - 1] : start;
      continue;
    }
    out[k] = found;
    p = q;
  }
  out[value.length] = ok ? Math.min(Math.max(p, start), end) : end;
  return out;
}

function decodeEntity(name: string): string | undefined {
  if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
  return ({ nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: '\u2002', emsp: '\u2003', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·', mdash: '—', hellip: '…' } as Record<string, string>)[name];
}

const FULL_PUNCT: Record<string, string> = { '(': '（', ')': '）', ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '％': '%', '．': '.', '～': '~', '－': '-', '〈': '《', '〉': '》' };

/** Characters normalizeProse changes or drops; a paragraph without any is its own normal form. */
const NEEDS_WORK = /[\s\u00a0\u3000\u2000-\u200d\u202f\ufeff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a,();:?!％．～－〈〉]/;

/** Normalised text and, for each of its characters, the index in the original value (no `from`: the same index). */
export function normalizeProse(value: string): { text: string; from?: number[] } {
  if (!NEEDS_WORK.test(value)) return { text: value };
  const chars: string[] = [];
  const from: number[] = [];
  for (let i = 0; i < value.length; i++) {
    let c = value[i];
    const k = c.charCodeAt(0);
    if (isWs(c)) {
      // keep one space only between two ASCII letters or digits (2020 12 must not become 202012)
      let j = i;
      while (j < value.length && isWs(value[j])) j++;
      const prev = chars[chars.length - 1];
      const next = value[j] && value[j].charCodeAt(0) >= 0xff10 && value[j].charCodeAt(0) <= 0xff19 ? '0' : value[j];
      if (isAsciiAlnum(prev) && isAsciiAlnum(next)) {
        chars.push(' ');
        from.push(i);
      }
      i = j - 1;
      continue;
    }
    if (k >= 0xff10 && k <= 0xff19) c = String.fromCharCode(k - 0xff10 + 0x30);
    else if ((k >= 0xff21 && k <= 0xff3a) || (k >= 0xff41 && k <= 0xff5a)) c = String.fromCharCode(k - 0xfee0);
    else if (c === ',' || c === '，') {
      // a thousands separator: digit , ddd and no fourth digit (1,234 and 12,345,678)
      const prev = chars[chars.length - 1];
      const after = value.slice(i + 1, i + 5);
      if (c === ',' && isDigit(prev) && /^\d{3}(?!\d)/.test(after)) continue;
      c = '，';
    } else if (FULL_PUNCT[c]) c = FULL_PUNCT[c];
    chars.push(c);
    from.push(i);
  }
  return { text: chars.join(''), from };
}

// ---------------------------------------------------------------------------------------------------------------
// Chinese numerals

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 三 → 3, 十二 → 12, 二十五 → 25, 一百零八 → 108, 两千 → 2000, 三万 → 30000; undefined when not a numeral. */
export function chineseNumber(s: string): number | undefined {
  if (!s) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      if (digit !== undefined && CN_DIGIT[ch] !== 0) return undefined; // 三四 (three or four) is not a number
      digit = CN_DIGIT[ch];
    } else if (ch in CN_UNIT) {
      section += (digit ?? 1) * CN_UNIT[ch];
      digit = undefined;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

// ---------------------------------------------------------------------------------------------------------------
// reading one paragraph

/** Nesting depth of （…） at each index (a closing parenthesis counts inside). */
function brackets(text: string): { depth: Int16Array } {
  const depth = new Int16Array(text.length + 1);
  let d = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08) d++;
    depth[i] = d;
    if (c === 0xff09 && d > 0) d--;
  }
  depth[text.length] = d;
  return { depth };
}

/** A number whose source position is computed when asked (most numbers are never reported). */
class LazyNumber implements ProseNumber {
  value!: number;
  text!: string;
  unit!: string;
  kind!: NumberKind;
  approx!: boolean;
  chinese!: boolean;
  index!: number;
  end!: number;
  digitsEnd!: number;
  depth!: number;
  label!: string;
  sentence!: number;
  clause!: number;
  private pos?: Position;
  constructor(
    private readonly at: (a: number, b: number) => Position,
    fields: Omit<ProseNumber, 'position'>,
  ) {
    Object.assign(this, fields);
  }
  get position(): Position {
    return (this.pos ??= this.at(this.index, this.end));
  }
}

function startsWithAny(s: string, list: readonly string[]): string | undefined {
  for (const w of list) if (s.startsWith(w)) return w;
  return undefined;
}

/** The words before index i back to a separator or a number (for messages: 机构职能类信息). */
function labelBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && !SEPARATORS.includes(text[j - 1]) && !isDigit(text[j - 1]) && i - j < 24) j--;
  return text.slice(j, i).replace(/^(其中|包括|含|共|合计|总计|分别为|分别|全年|今年|本年度?|累计)+/, '');
}

interface RawNumber {
  index: number;
  digitsEnd: number;
  value: number;
  chinese: boolean;
}

function rawNumbers(text: string): RawNumber[] {
  const out: RawNumber[] = [];
  const re = /\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const s = m[0];
    if (isDigit(s[0])) {
      out.push({ index: m.index, digitsEnd: m.index + s.length, value: Number(s), chinese: false });
      continue;
    }
    // Chinese numerals count only before a measure word, never after 第/星期/周, never a lone 一 (一个、一次性、一条龙)
    const after = text.slice(m.index + s.length);
    const unit = startsWithAny(after, MEASURES);
    if (!unit) continue;
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    if (/(第|星期|周|逐|每)$/.test(before)) continue;
    if (s === '一' || s === '万' || s === '千' || s === '百') continue;
    const v = chineseNumber(s);
    if (v === undefined) continue;
    out.push({ index: m.index, digitsEnd: m.index + s.length, value: v, chinese: true });
  }
  return out;
}

function splitSentences(text: string): ProseSentence[] {
  const sentences: ProseSentence[] = [];
  let s0 = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i === text.length || c === '。' || c === '！' || c === '？') {
      const sEnd = i < text.length ? i + 1 : i;
      if (sEnd > s0) {
        const clauses: ProseClause[] = [];
        let c0 = s0;
        for (let j = s0; j <= sEnd; j++) {
          const cj = text[j];
          if (j === sEnd || cj === '，' || cj === '；' || cj === '：' || cj === '。' || cj === '！' || cj === '？') {
            const cEnd = j;
            if (cEnd > c0) clauses.push({ start: c0, end: cEnd, text: text.slice(c0, cEnd) });
            c0 = j + 1;
          }
        }
        sentences.push({ index: sentences.length, start: s0, end: sEnd, text: text.slice(s0, sEnd), clauses, numbers: [] });
      }
      s0 = sEnd;
    }
  }
  return sentences;
}

/** char codes of Chinese numerals (but 一) and of measure words, for a quick look at a paragraph */
const CN_NUMERAL = new Set([...'〇二两三四五六七八九十百千万'].map((c) => c.charCodeAt(0)));
const CN_MEASURE = new Set([...'件条个篇项份起次期家名场通类批张册本套户例宗则幅人'].map((c) => c.charCodeAt(0)));
/** Whether a text holds a number: a digit, or a Chinese numeral before a measure word. */
function hasNumber(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x4e00) {
      if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) return true;
    } else if (CN_NUMERAL.has(c) && CN_MEASURE.has(text.charCodeAt(i + 1))) return true;
  }
  return false;
}

export function readParagraph(node: Paragraph, sectionId: string | undefined, source: SourceText): ProseParagraph {
  const value = node.value;
  const start = node.position.start.offset ?? 0;
  const end = node.position.end.offset ?? start;
  let offsets: Int32Array | undefined;
  const offs = () => (offsets ??= valueOffsets(value, source.text, start, end));
  const { text, from } = normalizeProse(value);
  const srcAt = (i: number) => {
    const k = Math.min(i, text.length - 1);
    return offs()[from ? from[k] : k] ?? end;
  };
  const position = (a: number, b: number): Position => {
    if (!text.length) return source.position(start, start);
    const s = srcAt(a);
    const e = b > a ? srcAt(b - 1) + 1 : s;
    return source.position(s, Math.max(s, e));
  };
  // most paragraphs hold no number: their brackets, sentences and clauses are read only when a rule asks
  if (!hasNumber(text)) {
    let sentences: ProseSentence[] | undefined;
    let br: ReturnType<typeof brackets> | undefined;
    return {
      node,
      sectionId,
      text,
      get sentences() {
        return (sentences ??= splitSentences(text));
      },
      numbers: [],
      get depth() {
        return (br ??= brackets(text)).depth;
      },
      position,
    };
  }
  const depth = brackets(text).depth;
  const sentences = splitSentences(text);
  const inside = (i: number, open: string, close: string) => {
    const o = text.lastIndexOf(open, i);
    return o >= 0 && text.lastIndexOf(close, i) < o;
  };

  // sentences and clauses
  const sentenceAt = (i: number) => {
    for (const s of sentences) if (i >= s.start && i < s.end) return s;
    return sentences[sentences.length - 1];
  };

  const numbers: ProseNumber[] = [];
  const raws = rawNumbers(text);
  for (let r = 0; r < raws.length; r++) {
    const n = raws[r];
    const after = text.slice(n.digitsEnd, n.digitsEnd + 8);
    const before = text.slice(Math.max(0, n.index - 6), n.index);
    let kind: NumberKind = 'other';
    let unit = '';
    let approx = APPROX_BEFORE.test(before) && !/(较上|比上|上年|以上)$/.test(before);
    let tail = after;
    const mid = APPROX_MID.exec(tail);
    if (mid && !n.chinese) {
      approx = true;
      tail = tail.slice(mid[0].length);
    }
    let unitLen = 0;
    const prevRaw = raws[r - 1];
    const nextRaw = raws[r + 1];
    const rangeBefore = prevRaw && prevRaw.digitsEnd < n.index && n.index - prevRaw.digitsEnd <= 1 && /[-—–~至到]/.test(text[n.index - 1]) && !prevRaw.chinese;
    const rangeAfter = nextRaw && !nextRaw.chinese && /^[-—–~至到]$/.test(text.slice(n.digitsEnd, nextRaw.index)) && !n.chinese;
    if (inside(n.index, '《', '》')) kind = 'title';
    else if (inside(n.index, '〔', '〕') || inside(n.index, '【', '】') || inside(n.index, '[', ']') || /^号/.test(tail) || /〕$|】$|\]$/.test(before)) kind = 'docno';
    else if (/第$/.test(before)) {
      kind = 'ordinal';
      const u = /^(条|款|项|章|节|号|期|届|次|批|名|位|季度|周|轮|类|部分|个|批次)/.exec(tail);
      if (u) unitLen = u[0].length;
    } else if (tail.startsWith('%') || tail.startsWith('‰')) {
      kind = 'percent';
      unit = tail[0];
      unitLen = 1;
    } else if (/^年/.test(tail) && !n.chinese && n.value >= 1900 && n.value <= 2100 && Number.isInteger(n.value)) {
      kind = 'year';
      unit = '年';
      unitLen = tail.startsWith('年度') ? 2 : 1;
    } else if (/^(月|日|号)/.test(tail)) {
      kind = 'date';
      unit = tail[0];
      unitLen = 1;
    } else if (rangeBefore || rangeAfter) {
      kind = 'range';
    } else {
      const money = startsWithAny(tail, MONEY);
      if (money) {
        kind = 'money';
        unit = money;
        unitLen = money.length;
      } else {
        const m = startsWithAny(tail, MEASURES);
        if (m) {
          kind = 'count';
          unit = m;
          unitLen = m.length;
        } else if (tail.startsWith('万')) {
          kind = 'other';
        }
      }
    }
    if (rangeBefore || rangeAfter) {
      if (kind === 'count' || kind === 'other' || kind === 'money' || kind === 'percent') kind = 'range';
      approx = true;
    }
    const unitEnd = n.digitsEnd + (mid && !n.chinese ? mid[0].length : 0) + unitLen;
    if (APPROX_AFTER.test(text.slice(unitEnd, unitEnd + 2))) approx = true;
    const sent = sentenceAt(n.index);
    const clause = sent ? sent.clauses.findIndex((c) => n.index >= c.start && n.index < c.end) : -1;
    const num: ProseNumber = new LazyNumber(position, {
      value: n.value,
      text: text.slice(n.index, unitEnd),
      unit,
      kind,
      approx,
      chinese: n.chinese,
      index: n.index,
      end: unitEnd,
      digitsEnd: n.digitsEnd,
      depth: depth[n.index],
      label: labelBefore(text, n.index),
      sentence: sent ? sent.index : 0,
      clause,
    });
    numbers.push(num);
    if (sent) sent.numbers.push(num);
  }
  return { node, sectionId, text, sentences, numbers, depth, position };
}
