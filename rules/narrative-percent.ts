import { defineRule } from '../src/engine/rule.js';
import { quoteTotal } from './narrative-sum.js';

export default defineRule({
  meta: {
    id: 'narrative-percent',
    type: 'problem',
    severity: 'warn',
    description: {
      zh: '正文列举分项时写的“占P%”与该项件数除以总数不符（按所写的小数位数核对，允许截断）',
      en: 'A percentage written after a listed part (占P%) does not match the part divided by the stated total, at the precision printed',
    },
    docs: 'docs/rules/narrative-percent.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(_report, ctx) {
    for (const list of ctx.prose().lists) {
      const t = list.total.value;
      if (!list.percents.length || list.approximate || t <= 0) continue;
      for (const { item, percent } of list.percents) {
        const decimals = (/\.(\d+)/.exec(percent.text)?.[1] ?? '').length;
        const exact = (100 * item.value) / t;
        // half a unit of the last printed place, plus 0.01 for percentages truncated instead of rounded
        const tolerance = 0.5 * 10 ** -decimals + 0.01;
        if (Math.abs(exact - percent.value) <= tolerance) continue;
        const shown = exact.toFixed(Math.max(decimals + 1, 2));
        ctx.report({
          node: { position: percent.position },
          message: `正文「${item.label}${item.text}，占${percent.text}」与总数不符：${item.value} ÷ ${t}（「${quoteTotal(list)}」）= ${shown}%`,
          expected: `${shown}%`,
          actual: percent.text,
          related: [
            { node: { position: list.total.position }, message: `总数「${quoteTotal(list)}」` },
            { node: { position: item.position }, message: `分项「${item.label}${item.text}」` },
          ],
        });
      }
    }
  },
});
