import { defineRule } from '../src/engine/rule.js';
import { sumOf, prefixMatches, type ProseList } from '../src/prose/index.js';

/** The words of the total as written, for the message: 共公布政府信息2599条. */
export function quoteTotal(list: ProseList): string {
  const p = list.paragraph;
  const s = p.sentences[list.total.sentence];
  const clause = s?.clauses[list.total.clause];
  const from = clause ? clause.start : Math.max(0, list.total.index - 16);
  let q = p.text.slice(Math.max(from, list.total.end - 30), list.total.end);
  q = q.replace(/^(今年|全年|本年度?|\d{4}年度?)/, '');
  return q;
}

function itemsText(list: ProseList): string {
  const xs = list.items.map((i) => String(i.value));
  return xs.length > 8 ? `${xs.slice(0, 3).join(' + ')} + … + ${xs.slice(-2).join(' + ')}` : xs.join(' + ');
}

export default defineRule({
  meta: {
    id: 'narrative-sum',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '正文写了总数并列出分项（共N条，其中…；办结N件，予以公开…），分项之和与总数不符：分项以“其他”收尾（列举完整）时为错误，分项之和大于总数时为警告',
      en: 'A total stated in the prose and the parts listed after it disagree: an error when the list is closed (ends with 其他), a warning when the parts exceed the total',
    },
    docs: 'docs/rules/narrative-sum.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(_report, ctx) {
    for (const list of ctx.prose().lists) {
      if (list.items.length < 2 || list.partial || list.approximate) continue;
      const sum = sumOf(list.items);
      const total = list.total.value;
      if (Math.abs(sum - total) < 1e-9 || prefixMatches(list)) continue;
      const closedShort = sum < total && list.closed;
      const over = sum > total;
      if (!closedShort && !over) continue; // an open list may leave parts out
      const unit = list.total.unit;
      const quote = quoteTotal(list);
      const n = list.items.length;
      const message = over
        ? `正文「${quote}」小于其后所列 ${n} 项之和：${itemsText(list)} = ${sum}${unit}；如分项有重叠，请在正文中说明`
        : `正文「${quote}」与其后所列 ${n} 项之和不符：${itemsText(list)} = ${sum}${unit}，相差 ${Math.round((total - sum) * 1e6) / 1e6}${unit}（分项以“${/其余/.test(list.items[n - 1].label) ? '其余' : '其他'}”收尾，应与总数相等）`;
      ctx.report({
        node: { position: list.total.position },
        message,
        expected: sum,
        actual: total,
        related: list.items.map((i) => ({ node: { position: i.position }, message: `分项「${i.label}${i.text}」` })),
        ...(over ? { severity: 'warn' as const } : {}),
      });
    }
  },
});
