import { defineRule } from '../src/engine/rule.js';

/** Nouns that end in a measure word and are no count: 文件, 案件, 条例, 事项 … */
const NOUNS: Record<string, RegExp> = {
  件: /(文件|案件|事件|附件|条件|证件|软件|硬件|邮件|信件|稿件|要件|函件|原件|复印件|物件|部件|配件|快件|急件|来件|批件|收件|发件|组件|插件|申请件|公开件)$/,
  条: /(第[^、，；]{0,6}条|一条|逐条|每条|各条|多条|数条|这条|该条|此条|首条|金条|面条|链条|教条|头条|萧条|苗条|发条|线条|便条|字条|纸条|封条|油条|警示条)$/,
  个: /(整个|各个|每个|这个|那个|哪个|某个|单个|逐个|一个|几个|两个|多个|数个|个个|真个)$/,
  项: /(事项|款项|选项|强项|弱项|专项|立项|单项|多项|各项|分项|奖项|要项|逐项|每项|一项|几项|数项|此项|该项|这项|缺项|列项|漏项|细项|子项)$/,
  篇: /(长篇|短篇|中篇|全篇|通篇|诗篇|开篇|首篇|每篇|各篇|一篇|数篇|多篇|名篇|佳篇|续篇|终篇)$/,
};
const QUANT = /[一二三四五六七八九十百千万两几多余各每数这该此逐首第]$/;

export default defineRule({
  meta: {
    id: 'prose-number-missing',
    type: 'problem',
    severity: 'warn',
    description: {
      zh: '正文列举各类信息的条数时，某一项只写了量词、漏了数字（如“核准企业资质条、施工许可证76条”）',
      en: 'A listed item whose number is missing (核准企业资质条、施工许可证76条): the measure word is there, the number is not',
    },
    docs: 'docs/rules/prose-number-missing.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(_report, ctx) {
    for (const p of ctx.prose().paragraphs) {
      // a list with numbers in these units, or nothing to look for
      if (!p.numbers.some((n) => n.kind === 'count' && NOUNS[n.unit] !== undefined)) continue;
      const text = p.text;
      // an item: CJK words and a measure word, between separators of a list (found from the measure words: linear)
      const items: Array<{ index: number; whole: string; words: string; unit: string }> = [];
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code !== 0x4ef6 && code !== 0x6761 && code !== 0x4e2a && code !== 0x9879 && code !== 0x7bc7) continue; // 件条个项篇
        const unit = text[i];
        const after = text[i + 1];
        if (after !== undefined && !'、，；。）'.includes(after)) continue;
        let j = i;
        for (; j > 0 && i - j < 24; j--) {
          const b = text.charCodeAt(j - 1);
          if (!((b >= 0x4e00 && b <= 0x9fff) || b === 0x201c || b === 0x201d)) break;
        }
        if (i - j < 2) continue;
        if (j > 0 && !'、，；：（。'.includes(text[j - 1])) continue;
        items.push({ index: j, whole: text.slice(j, i + 1), words: text.slice(j, i), unit });
      }
      for (const { index: start, whole, words, unit } of items) {
        if (QUANT.test(words) || NOUNS[unit].test(words + unit) || NOUNS[unit].test(words)) continue;
        const end = start + whole.length;
        // its siblings: the items just before and after it in the list are "words N<unit>"
        const sibling = (s: string) => new RegExp(`^[^、，；。（）]{1,24}?\\d+(\\.\\d+)?${unit}$`).test(s);
        const prev = /([^、，；：。（）]*)[、，；]$/.exec(text.slice(Math.max(0, start - 40), start))?.[1] ?? '';
        const nextM = /^[、，；]([^、，；。（）]*)/.exec(text.slice(end, end + 40));
        const next = nextM?.[1] ?? '';
        if (!sibling(prev) && !sibling(next)) continue;
        // the separator after the item must be the list's (、 or ，) and a sibling must be adjacent
        ctx.report({
          node: { position: p.position(start, end) },
          message: `正文「${whole}」缺少数字：同一列举中的其他项写有条数（如「${sibling(next) ? next : prev}」），这一项的数字漏写了`,
          actual: whole,
        });
      }
    }
  },
});
