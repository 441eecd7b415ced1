import { sections } from '../src/ast.js';
import { defineRule } from '../src/engine/rule.js';
import { subtopicLayout } from '../src/prose/subtopics.js';
import type { Position, Report } from '../src/types.js';

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
    // sub-topics of 总体情况 numbered as sections (subtopic-as-section): 总体情况 is there, under no heading of its own
    const sub = subtopicLayout(report, ctx.format);
    const present = sections(report).filter((s) => !sub?.subtopicSections.has(s));
    const order = ctx.format.data.sections;
    for (let i = 0; i < order.length; i++) {
      const want = order[i];
      if (!want.required || present.some((s) => s.sectionId === want.id) || (sub && want.id === sub.overviewId)) continue;
      // where it should have been: before the next section that is there, or at the end of the report
      const later = new Set(order.slice(i + 1).map((s) => s.id));
      const next = present.find((s) => s.sectionId && later.has(s.sectionId));
      const heading = `${want.number}、${want.title}`;
      if (next) {
        ctx.report({ node: next.heading, message: `缺少第${want.number}部分「${heading}」（应在「${next.heading.value}」之前）`, expected: heading });
      } else {
        // at the end of the report: its last paragraph or table (a page's report ends before the site's footer)
        ctx.report({
          node: lastContent(report) ?? { position: ctx.source.position(ctx.source.text.length, ctx.source.text.length) },
          message: `缺少第${want.number}部分「${heading}」（报告到此结束，未见这一部分）`,
          expected: heading,
        });
      }
    }
  },
});

function lastContent(report: Report): { position: Position } | undefined {
  const last = report.children[report.children.length - 1];
  if (!last) return undefined;
  if (last.type !== 'section') return last;
  return last.children[last.children.length - 1] ?? last.heading;
}
