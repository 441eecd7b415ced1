import { sections } from '../src/ast.js';
import { defineRule } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'section-missing',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '年度报告应有格式规定的六个部分（一、总体情况 至 六、其他需要报告的事项），缺少任何一部分都要报告',
      en: 'A required section (一 … 六) is absent',
    },
    docs: 'docs/rules/section-missing.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(report, ctx) {
    const present = sections(report);
    const order = ctx.format.data.sections;
    for (let i = 0; i < order.length; i++) {
      const want = order[i];
      if (!want.required || present.some((s) => s.sectionId === want.id)) continue;
      // where it should have been: before the next section that is there, or at the end of the report
      const later = new Set(order.slice(i + 1).map((s) => s.id));
      const next = present.find((s) => s.sectionId && later.has(s.sectionId));
      const heading = `${want.number}、${want.title}`;
      if (next) {
        ctx.report({ node: next.heading, message: `缺少第${want.number}部分「${heading}」（应在「${next.heading.value}」之前）`, expected: heading });
      } else {
        const lines = ctx.source.lines;
        let l = lines.length - 1;
        while (l > 0 && lines[l].text.trim() === '') l--;
        const line = lines[l];
        ctx.report({
          node: { position: ctx.source.position(line.start, line.end) },
          message: `缺少第${want.number}部分「${heading}」（报告到此结束，未见这一部分）`,
          expected: heading,
        });
      }
    }
  },
});
