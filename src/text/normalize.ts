/**
 * Normalising labels and reading numbers as they are written in real reports.
 */
import { isSpace } from './lines.js';

const FOLD: Record<string, string> = {
  '（': '(', '）': ')', '【': '(', '】': ')', '〔': '(', '〕': ')', '［': '(', '］': ')', '[': '(', ']': ')',
  '：': ':', '，': ',', '；': ';', '。': '.', '．': '.', '、': '、', '／': '/', '－': '-', '＋': '+',
  '“': '"', '”': '"', '„': '"', '‟': '"', '「': '"', '」': '"', '『': '"', '』': '"', '＂': '"',
  '‘': "'", '’': "'", '＇': "'",
};

/**
 * Normalise a label for comparison: full-width ASCII to half-width, brackets, quotes and punctuation folded,
 * all white space (also inside the label, where PDF text splits words) removed.
 */
export function normalizeLabel(text: string): string {
  let out = normalized.get(text);
  if (out !== undefined) return out;
  out = normalizeUncached(text);
  // labels repeat from report to report: keep the last few thousand (a pure function, so a cache is safe)
  if (normalized.size >= 4096) normalized.clear();
  normalized.set(text, out);
  return out;
}

const normalized = new Map<string, string>();

function normalizeUncached(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (isSpace(c)) continue;
    if (c >= 0xff01 && c <= 0xff5e) {
      const h = String.fromCharCode(c - 0xfee0);
      out += FOLD[h] ?? h;
      continue;
    }
    out += FOLD[ch] ?? ch;
  }
  return out;
}

const ENUM_PREFIX = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)[、.]?|\d+[.、)]|\(\d+\))/;

/** The normalised label without its enumerator (一、 （一） 1. …). */
export function stripEnumerator(normalized: string): string {
  return normalized.replace(ENUM_PREFIX, '');
}


/** How many CJK characters the text has (counting stops at `atMost`). */
export function cjkCount(text: string, atMost = Infinity): number {
  let n = 0;
  for (let i = 0; i < text.length && n < atMost; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) n++;
  }
  return n;
}

export const CHINESE_NUMERALS = '一二三四五六七八九十';

export function chineseNumeralValue(s: string): number | undefined {
  if (!/^[一二三四五六七八九十]+$/.test(s)) return undefined;
  if (s === '十') return 10;
  if (s.length === 1) return CHINESE_NUMERALS.indexOf(s) + 1;
  if (s.length === 2 && s[0] === '十') return 10 + CHINESE_NUMERALS.indexOf(s[1]) + 1;
  if (s.length === 2 && s[1] === '十') return (CHINESE_NUMERALS.indexOf(s[0]) + 1) * 10;
  if (s.length === 3 && s[1] === '十') return (CHINESE_NUMERALS.indexOf(s[0]) + 1) * 10 + CHINESE_NUMERALS.indexOf(s[2]) + 1;
  return undefined;
}

export interface ParsedNumber {
  status: 'number' | 'blank' | 'invalid' | 'unit';
  value?: number;
  unit?: string;
}

const UNITS = ['万元', '亿元', '千元', '元', '件', '条', '个', '项', '次', '人', '份', '宗'];
const BLANK_MARKS = /^[-—–－―_/／\\、.．…·]+$/;

/**
 * Read a table cell. Full-width digits and thousands separators are accepted; a unit written in the cell is
 * returned apart; anything else is `invalid`. Blank means nothing but white space.
 */
const PLAIN_INTEGER = /^\d{1,15}$/;

export function parseCellNumber(raw: string): ParsedNumber {
  // most cells: a plain integer as it is
  if (PLAIN_INTEGER.test(raw)) return { status: 'number', value: Number(raw) };
  let s = '';
  for (const ch of raw) {
    const c = ch.charCodeAt(0);
    if (isSpace(c)) continue;
    if (c >= 0xff10 && c <= 0xff19) s += String.fromCharCode(c - 0xfee0);
    else if (ch === '，' || ch === ',') s += ',';
    else if (ch === '．') s += '.';
    else if (ch === '－' || ch === '−') s += '-';
    else if (ch === '＋') s += '+';
    else s += ch;
  }
  if (s === '') return { status: 'blank' };
  if (BLANK_MARKS.test(s)) return { status: 'invalid' };
  let unit: string | undefined;
  for (const u of UNITS) {
    if (s.length > u.length && s.endsWith(u)) {
      unit = u;
      s = s.slice(0, -u.length);
      break;
    }
  }
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s)) {
    const value = Number(s.replace(/,/g, ''));
    if (Number.isFinite(value)) return unit ? { status: 'unit', value, unit } : { status: 'number', value };
  }
  return { status: 'invalid' };
}

