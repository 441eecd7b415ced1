import { sections } from '../src/ast.js';
import { defineRule } from '../src/engine/rule.js';
import { subtopicLayout } from '../src/prose/subtopics.js';

export default defineRule({
  meta: {
    id: 'section-order',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '六个部分应按一至六的顺序排列，编号与格式一致，同一编号或同一部分不得出现两次',
      en: 'Sections are out of order, numbered unlike the format, or a number is used twice',
    },
    docs: 'docs/rules/section-order.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(report, ctx) {
    const order = ctx.format.data.sections;
    const rank = new Map(order.map((s, i) => [s.id, i]));
    const seenNumber = new Map<string, number>();
    const seenId = new Map<string, number>();
    let maxRank = -1;
    let maxHeading = '';
    // sub-topics of 总体情况 numbered as sections: subtopic-as-section says it once for all the headings it shifts
    const sub = subtopicLayout(report, ctx.format);
    for (const s of sections(report)) {
      if (sub && (sub.subtopicSections.has(s) || sub.shifted.has(s))) continue;
      const line = s.heading.position.start.line;
      const want = s.sectionId ? ctx.format.section(s.sectionId) : undefined;
      if (seenNumber.has(s.number)) {
        ctx.report({ node: s.heading, message: `部分编号「${s.number}、」重复使用（第 ${seenNumber.get(s.number)} 行已用过）`, actual: s.number });
      } else seenNumber.set(s.number, line);
      if (s.sectionId && seenId.has(s.sectionId)) {
        ctx.report({ node: s.heading, message: `「${want?.title ?? s.titleText}」部分出现了两次（第 ${seenId.get(s.sectionId)} 行已有）` });
        continue;
      }
      if (s.sectionId) seenId.set(s.sectionId, line);
      if (want && want.number !== s.number) {
        ctx.report({
          node: s.heading,
          message: `「${want.title}」应为第${want.number}部分，编号写作「${s.number}、」`,
          expected: want.number,
          actual: s.number,
        });
      }
      const r = s.sectionId !== undefined ? rank.get(s.sectionId) : undefined;
      if (r !== undefined) {
        if (r < maxRank) {
          ctx.report({ node: s.heading, message: `「${s.heading.value}」顺序不对：应排在「${maxHeading}」之前` });
        } else {
          maxRank = r;
          maxHeading = s.heading.value;
        }
      }
    }
  },
});
