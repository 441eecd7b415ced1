import { defineRule } from '../src/engine/rule.js';
import { placeIn } from '../src/prose/textmap.js';

/** 今年, 去年, 明年, 前年; 上年度 where it is a year and not 上年度结转 or the 上年度 problems of section 五. */
const RELATIVE = /今年|去年|明年|前年|上年度/g;
/** words the characters belong to: 过去年度, 说明年度, 如今年轻, 以前年度, 提前年 */
const WORD_BEFORE: Record<string, RegExp> = {
  今年: /[如迄古现]$/,
  去年: /[过失除离出回归进上下]$/,
  明年: /[说证声表注阐简查标透文光聪鲜英发开清分公严申指照阳昌黎发]$/,
  前年: /[提以之此目眼空战生事从先当]$/,
  上年度: /[以]$/,
};
const WORD_AFTER: Record<string, RegExp> = {
  今年: /^[轻纪龄华画货鉴]/,
  去年: /^[轻]/,
  明年: /^[度鉴]/,
  前年: /^[度]/,
  上年度: /^.{0,8}(结转|问题|整改|报告|年报|存在)/,
};
/** a comparison (较去年增长, 与上年度持平) or the same period (去年同期) is a usual way to speak */
const COMPARISON_BEFORE = /(较|比|与|同|于|跟|和|相比)$/;

export default defineRule({
  meta: {
    id: 'relative-date',
    type: 'suggestion',
    severity: 'warn',
    description: {
      zh: '正文用了「今年」「去年」「明年」「前年」「上年度」：报告在次年发布、多年后仍会被查阅，应写明年份',
      en: 'Relative dates (今年, 去年, 明年, 前年, 上年度) in the prose where the year should be written out',
    },
    docs: 'docs/rules/relative-date.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(report, ctx) {
    const id = ctx.identity();
    const y = id.title?.year ?? id.year;
    for (const { node } of id.paragraphs) {
      const v = node.value;
      RELATIVE.lastIndex = 0;
      for (let m = RELATIVE.exec(v); m; m = RELATIVE.exec(v)) {
        const w = m[0];
        const before = v.slice(Math.max(0, m.index - 4), m.index);
        const after = v.slice(m.index + w.length, m.index + w.length + 10);
        if (WORD_BEFORE[w].test(before) || WORD_AFTER[w].test(after)) continue;
        if (COMPARISON_BEFORE.test(before) || /^同期/.test(after)) continue;
        if (insideTitleMarks(v, m.index)) continue;
        const meant =
          y === undefined
            ? ''
            : w === '今年'
              ? `（报告年度是 ${y} 年，成文在 ${y + 1} 年，「今年」可指 ${y} 年也可指 ${y + 1} 年）`
              : w === '明年'
                ? `（可指 ${y + 1} 年也可指 ${y + 2} 年）`
                : w === '前年'
                  ? `（可指 ${y - 2} 年也可指 ${y - 1} 年）`
                  : `（报告年度是 ${y} 年，成文在 ${y + 1} 年，「${w}」可指 ${y - 1} 年也可指 ${y} 年）`;
        ctx.report({
          node: placeIn(ctx.source, node, m.index, m.index + w.length),
          message: `「${w}」是相对的说法，报告在次年发布、日后仍会被查阅，应写明年份${meant}`,
          actual: w,
        });
      }
    }
  },
});

/** Inside 《…》: a document's name keeps its own words. */
function insideTitleMarks(v: string, at: number): boolean {
  const open = v.lastIndexOf('《', at);
  return open >= 0 && v.lastIndexOf('》', at) < open;
}
