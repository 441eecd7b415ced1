/**
 * How alike two sections of running text are, after what every report writes the same way is taken out: the
 * format's boilerplate sentences (依据《条例》…, 统计期限…, 电子版…, 联系方式…) are dropped and numbers masked, so
 * that a section copied from last year with this year's figures put in reads as identical, and the figures that
 * differ can be shown.
 */
const BOILERPLATE = [
  /政府信息公开条例|国务院办公厅|政府信息公开工作年度报告格式|本报告(?:由|根据|依据|中所列|所列)|编制本报告|特此报告/,
  /统计期限|起至.{0,12}止|自.{0,12}起至/,
  /电子版|可在.{0,20}(?:网站|门户|网)|网址|http|www\./i,
  /联系(?:电话|地址|方式|人)|咨询|地址[：:]|邮编|邮政编码|电话[：:]|传真/,
  /^(?:无|没有|暂无)[。.；;]?$/,
];
const NUMBER = /[0-9０-９]+(?:[.,，][0-9０-９]+)*%?|[零〇一二两三四五六七八九十百千万亿]{2,}/g;

/** Sentences of a text, boilerplate dropped. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；！？!?;])|\n/)
    .map((s) => s.replace(/[\s\u00a0\u3000]+/g, ''))
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
export function sentenceSimilarity(a: readonly string[], b: readonly string[]): number {
  const len = (xs: readonly string[]) => xs.reduce((n, x) => n + x.length, 0);
  const total = len(a) + len(b);
  if (!total) return 0;
  const count = new Map<string, number>();
  for (const s of a) count.set(s, (count.get(s) ?? 0) + 1);
  let common = 0;
  for (const s of b) {
    const n = count.get(s) ?? 0;
    if (n > 0) {
      common += s.length;
      count.set(s, n - 1);
    }
  }
  return (2 * common) / total;
}

/** Where two masked-identical texts differ in their numbers: 「12→15」 pairs, in order. */
export function numberChanges(before: string[], after: string[]): string[] {
  const out: string[] = [];
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) if (before[i] !== after[i]) out.push(`${before[i] ?? '（无）'}→${after[i] ?? '（无）'}`);
  return out;
}
