/**
 * How alike two sections of running text are, after what every report writes the same way is taken out: the
 * format's boilerplate sentences (依据《条例》…, 统计期限…, 电子版…, 联系方式…) are dropped and numbers masked, so
 * that a section copied from last year with this year's figures put in reads as identical, and the figures that
 * differ can be shown.
 */
import type { Section } from '../types.js';

const BOILERPLATE = [
  /政府信息公开条例|国务院办公厅|政府信息公开工作年度报告格式|本报告(?:由|根据|依据|中所列|所列)|编制本报告|特此报告/,
  /统计期限|起至.{0,12}止|自.{0,12}起至/,
  /电子版|可在.{0,20}(?:网站|门户|网)|网址|http|www\./i,
  /联系(?:电话|地址|方式|人)|咨询|地址[：:]|邮编|邮政编码|电话[：:]|传真/,
  /^(?:无|没有|暂无)[。.；;]?$/,
];
const NUMBER = /[0-9０-９]+(?:[.,，][0-9０-９]+)*%?|[零〇一二两三四五六七八九十百千万亿]{2,}/g;

/** A section's running text: its paragraphs, one a line (tables left out). */
export function sectionText(section: Section): string {
  return section.children.flatMap((c) => (c.type === 'paragraph' ? [c.value] : [])).join('\n');
}

/** What is kept of a section's text to compare it with another year's: each masked sentence's hash and length, the numbers. */
export interface SectionPrint {
  sentences: Array<[number, number]>;
  numbers: string[];
}

/** FNV-1a, 32 bits: sentences are only compared for equality within one section */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function sectionPrint(text: string): SectionPrint {
  const c = comparable(text);
  return { sentences: c.sentences.map((x) => [fnv(x), x.length]), numbers: c.numbers };
}

/** characters of the masked sentences */
export function printLength(p: SectionPrint): number {
  return p.sentences.reduce((n, [, len]) => n + len, 0);
}

/** Sentences of a text (ended by 。；！？), spaces and line breaks removed, boilerplate dropped. */
export function sentences(text: string): string[] {
  // line breaks are not sentence ends: PDF text breaks sentences across lines and pages
  return text
    .replace(/[\s\u00a0\u3000]+/g, '')
    .split(/(?<=[。；！？!?;])/)
    .filter((s) => s.length > 0 && !BOILERPLATE.some((b) => b.test(s)));
}

/** The text as compared: boilerplate dropped, spaces removed, every number (and year) masked as #. */
export function comparable(text: string): { masked: string; sentences: string[]; numbers: string[] } {
  const kept = sentences(text);
  const joined = kept.join('');
  const numbers = joined.match(NUMBER) ?? [];
  const masked = kept.map((s) => s.replace(NUMBER, '#'));
  return { masked: masked.join(''), sentences: masked, numbers };
}

/**
 * How much of two texts is the same sentences (0 … 1): the characters of the sentences both have (as often as
 * both have them), twice, over the characters of both. Sentences are compared masked (numbers as #), so a sentence
 * with this year's figures put in counts as the same; a sentence reworded does not.
 */
export function sentenceSimilarity(a: SectionPrint, b: SectionPrint): number {
  const total = printLength(a) + printLength(b);
  if (!total) return 0;
  const count = new Map<number, number>();
  for (const [h] of a.sentences) count.set(h, (count.get(h) ?? 0) + 1);
  let common = 0;
  for (const [h, len] of b.sentences) {
    const n = count.get(h) ?? 0;
    if (n > 0) {
      common += len;
      count.set(h, n - 1);
    }
  }
  return (2 * common) / total;
}

/** the same masked sentences in the same order */
export function samePrint(a: SectionPrint, b: SectionPrint): boolean {
  return a.sentences.length === b.sentences.length && a.sentences.every(([h], i) => h === b.sentences[i][0]);
}

/** Where two masked-identical texts differ in their numbers: 「12→15」 pairs, in order. */
export function numberChanges(before: string[], after: string[]): string[] {
  const out: string[] = [];
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) if (before[i] !== after[i]) out.push(`${before[i] ?? '（无）'}→${after[i] ?? '（无）'}`);
  return out;
}
