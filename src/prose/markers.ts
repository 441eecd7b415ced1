/**
 * Paragraph-initial enumerators of the running text, by level (GB/T 9704: 一、→（一）→1.→（1）), and the inline
 * enumerators 一是、二是…. Shared by heading-sequence and numbering-style.
 */
import type { Paragraph } from '../types.js';

export type MarkerLevel = 2 | 3 | 4;

export interface Marker {
  level: MarkerLevel;
  value: number;
  /** the marker as written: （二）, (二), 3., 3、, （1） */
  text: string;
  /** offsets of the marker in the paragraph's value */
  start: number;
  end: number;
  /** which brackets: full-width （）, half-width (), or none */
  brackets: 'full' | 'half' | 'mixed' | 'none';
}

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 … 九十九 as a number. */
export function cnNumber(s: string): number | undefined {
  if (!s) return undefined;
  if (s.length === 1) return CN[s];
  if (s.length === 2 && s[0] === '十') return CN[s[1]] !== undefined ? 10 + CN[s[1]] : undefined;
  if (s.length === 2 && s[1] === '十') return CN[s[0]] !== undefined ? CN[s[0]] * 10 : undefined;
  if (s.length === 3 && s[1] === '十') return CN[s[0]] !== undefined && CN[s[2]] !== undefined ? CN[s[0]] * 10 + CN[s[2]] : undefined;
  return undefined;
}

const L2 = /([（(])\s*([一二三四五六七八九十]{1,3})\s*([）)])/y;
const L4 = /([（(])\s*(\d{1,2})\s*([）)])/y;
const L3 = /(\d{1,2})\s*[.．、](?![\d.．])/y;

function bracketsOf(open: string, close: string): Marker['brackets'] {
  const o = open === '（';
  const c = close === '）';
  return o && c ? 'full' : !o && !c ? 'half' : 'mixed';
}

/** The enumerator a paragraph starts with, if any. */
export function leadingMarker(p: Paragraph): Marker | undefined {
  const v = p.value;
  let lead = 0;
  while (lead < v.length && /\s/.test(v[lead])) lead++;
  const c = v.charCodeAt(lead);
  // a marker starts with a bracket or a digit: most paragraphs are passed over at their first character
  if (!(c === 0xff08 || c === 0x28 || (c >= 0x30 && c <= 0x39))) return undefined;
  const at = (re: RegExp) => {
    re.lastIndex = lead;
    return re.exec(v);
  };
  let m = at(L2);
  if (m) {
    const n = cnNumber(m[2]);
    if (n !== undefined) return { level: 2, value: n, text: m[0], start: lead, end: lead + m[0].length, brackets: bracketsOf(m[1], m[3]) };
  }
  m = at(L4);
  if (m) return { level: 4, value: Number(m[2]), text: m[0], start: lead, end: lead + m[0].length, brackets: bracketsOf(m[1], m[3]) };
  m = at(L3);
  if (m) return { level: 3, value: Number(m[1]), text: m[0], start: lead, end: lead + m[0].length, brackets: 'none' };
  return undefined;
}

export interface InlineMarker {
  value: number;
  text: string;
  start: number;
  end: number;
}

/** 一是、二是… at the start of a clause (never 统一是, 唯一是, 第一是, 其一是). */
const INLINE = /(^|[。；;，,：:！？\s）)])([一二三四五六七八九十]{1,2})是/g;

export function inlineMarkers(v: string): InlineMarker[] {
  const out: InlineMarker[] = [];
  INLINE.lastIndex = 0;
  for (let m = INLINE.exec(v); m; m = INLINE.exec(v)) {
    const n = cnNumber(m[2]);
    const start = m.index + m[1].length;
    if (n !== undefined) out.push({ value: n, text: `${m[2]}是`, start, end: start + m[2].length + 1 });
    INLINE.lastIndex = start + 1;
  }
  return out;
}

const LEVEL_NAMES: Record<MarkerLevel, string> = { 2: '（一）', 3: '1.', 4: '（1）' };
export function levelName(l: MarkerLevel): string {
  return LEVEL_NAMES[l];
}

export function numberName(level: MarkerLevel, n: number): string {
  if (level === 3) return `${n}.`;
  if (level === 4) return `（${n}）`;
  const cn = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const s = n <= 10 ? cn[n] : n < 20 ? `十${cn[n - 10]}` : `${cn[Math.floor(n / 10)]}十${cn[n % 10]}`;
  return `（${s}）`;
}

export function inlineName(n: number): string {
  const cn = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return `${n <= 10 ? cn[n] : `十${cn[n - 10]}`}是`;
}
