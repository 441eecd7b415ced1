/**
 * Word's automatic numbering, rebuilt: a heading numbered by Word (一、 from numbering.xml, not from the text) shows
 * 一、总体情况 in Word, but mammoth gives its text without the number. This module reads the document's numbering
 * definitions (word/numbering.xml, and numbering given by paragraph styles in word/styles.xml) and counts through
 * the document's paragraphs as Word does, giving the number text of every numbered paragraph, in document order.
 *
 * Counters are kept per abstract numbering (lists that share one continue each other, as in Word) and restart at
 * a `startOverride`; a level restarts when a level above it is used. Bullets give no text.
 */
import JSZip from 'jszip';

interface Level {
  start: number;
  format: string;
  text: string;
}

interface Numbering {
  /** abstractNumId → level index → level */
  abstract: Map<string, Map<number, Level>>;
  /** numId → abstractNumId and start overrides by level */
  nums: Map<string, { abstractId: string; starts: Map<number, number> }>;
  /** paragraph style id → numId and level given by the style */
  styles: Map<string, { numId?: string; ilvl?: number }>;
}

export interface NumberedParagraph {
  /** the level (0-based) */
  level: number;
  /** the number as Word shows it (一、 （二） 3.), '' for a bullet or a format not rebuilt */
  text: string;
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

function parseNumbering(xml: string, stylesXml: string | undefined): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = attr(m[1], 'w:abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const l of m[2].matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
      const ilvl = Number(attr(l[1], 'w:ilvl') ?? '0');
      const body = l[2];
      const start = Number(attr(/<w:start\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? '1');
      const format = attr(/<w:numFmt\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? 'decimal';
      const text = attr(/<w:lvlText\b[^>]*>/.exec(body)?.[0] ?? '', 'w:val') ?? '';
      levels.set(ilvl, { start: Number.isFinite(start) ? start : 1, format, text: decodeXml(text) });
    }
    abstract.set(id, levels);
  }
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  for (const m of xml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const id = attr(m[1], 'w:numId');
    const abstractId = attr(/<w:abstractNumId\b[^>]*>/.exec(m[2])?.[0] ?? '', 'w:val');
    if (id === undefined || abstractId === undefined) continue;
    const starts = new Map<number, number>();
    for (const o of m[2].matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const s = attr(/<w:startOverride\b[^>]*>/.exec(o[2])?.[0] ?? '', 'w:val');
      if (s !== undefined) starts.set(Number(attr(o[1], 'w:ilvl') ?? '0'), Number(s));
    }
    nums.set(id, { abstractId, starts });
  }
  const styles = new Map<string, { numId?: string; ilvl?: number }>();
  for (const m of (stylesXml ?? '').matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(m[1], 'w:styleId');
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2]);
    if (id === undefined || !numPr) continue;
    const numId = attr(/<w:numId\b[^>]*>/.exec(numPr[1])?.[0] ?? '', 'w:val');
    const ilvl = attr(/<w:ilvl\b[^>]*>/.exec(numPr[1])?.[0] ?? '', 'w:val');
    styles.set(id, { numId, ilvl: ilvl === undefined ? undefined : Number(ilvl) });
  }
  return { abstract, nums, styles };
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);
}

const DIGITS = '〇一二三四五六七八九';
const LEGAL = '零壹贰叁肆伍陆柒捌玖';

function chinese(n: number, digits = DIGITS, ten = '十'): string {
  if (n <= 0) return String(n);
  if (n < 10) return digits[n];
  if (n < 20) return ten + (n % 10 ? digits[n % 10] : '');
  if (n < 100) return digits[Math.floor(n / 10)] + ten + (n % 10 ? digits[n % 10] : '');
  return String(n);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** A counter in a numbering format of Word (w:numFmt). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chinese(n);
    case 'chineseLegalSimplified':
      return chinese(n, LEGAL, '拾');
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
    case 'lowerLetter':
      return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

/**
 * The numbered paragraphs of a .docx (document order, paragraphs inside tables included), with the number text
 * Word shows for each; undefined when the document has no numbering definitions.
 */
export async function numberedParagraphs(zip: JSZip): Promise<NumberedParagraph[] | undefined> {
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!numberingXml || !documentXml) return undefined;
  const def = parseNumbering(numberingXml, await zip.file('word/styles.xml')?.async('string'));
  const counters = new Map<string, number[]>();
  const startedNums = new Set<string>();
  const out: NumberedParagraph[] = [];
  for (const m of documentXml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const body = m[1] ?? '';
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(body)?.[1] ?? '';
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1];
    const style = attr(/<w:pStyle\b[^>]*>/.exec(pPr)?.[0] ?? '', 'w:val');
    const byStyle = style !== undefined ? def.styles.get(style) : undefined;
    let numId = numPr ? attr(/<w:numId\b[^>]*>/.exec(numPr)?.[0] ?? '', 'w:val') : undefined;
    const ilvlText = numPr ? attr(/<w:ilvl\b[^>]*>/.exec(numPr)?.[0] ?? '', 'w:val') : undefined;
    numId ??= byStyle?.numId;
    // numId 0 switches numbering off
    if (numId === undefined || numId === '0') continue;
    const level = ilvlText !== undefined ? Number(ilvlText) : (byStyle?.ilvl ?? 0);
    const num = def.nums.get(numId);
    const levels = num ? def.abstract.get(num.abstractId) : undefined;
    const lvl = levels?.get(level);
    if (!num || !levels || !lvl) {
      out.push({ level, text: '' });
      continue;
    }
    let c = counters.get(num.abstractId);
    if (!c) counters.set(num.abstractId, (c = []));
    if (!startedNums.has(numId)) {
      startedNums.add(numId);
      for (const [l, s] of num.starts) c[l] = s - 1;
    }
    c[level] = (c[level] ?? (levels.get(level)?.start ?? 1) - 1) + 1;
    for (let d = level + 1; d < 9; d++) c[d] = undefined as unknown as number;
    if (lvl.format === 'bullet' || lvl.format === 'none') {
      out.push({ level, text: '' });
      continue;
    }
    const text = lvl.text.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      const ll = levels.get(l);
      return formatNumber(c![l] ?? ll?.start ?? 1, ll?.format ?? 'decimal');
    });
    out.push({ level, text });
  }
  return out;
}

export async function loadZip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}
