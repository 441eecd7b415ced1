/**
 * The logical place of an offset of a page outside its tables, in the report's own terms: 第三部分标题,
 * 第三部分第 2 段 (paragraphs of the section counted, tables not), 标题, 正文前第 1 段.
 */
import { CHINESE_NUMERALS } from '../text/normalize.js';
import type { DocumentPlace, Report } from '../types.js';

const inside = (n: { position: { start: { offset?: number }; end: { offset?: number } } }, o: number) => n.position.start.offset! <= o && o <= n.position.end.offset!;

export function sectionPlace(report: Report, offset: number): DocumentPlace | undefined {
  if (report.title && inside(report.title, offset)) return { text: '标题' };
  let before = 0;
  for (const c of report.children) {
    if (c.type === 'paragraph') {
      before++;
      if (inside(c, offset)) return { paragraph: before, text: `正文前第 ${before} 段` };
      continue;
    }
    if (c.type !== 'section' || !inside(c, offset)) continue;
    const part = `第${c.index <= 10 ? CHINESE_NUMERALS[c.index - 1] : c.number}部分`;
    if (inside(c.heading, offset)) return { text: `${part}标题` };
    let n = 0;
    for (const k of c.children) {
      if (k.type !== 'paragraph') continue;
      n++;
      if (inside(k, offset)) return { paragraph: n, text: `${part}第 ${n} 段` };
    }
    return { text: part };
  }
  return undefined;
}
