import { defineRule } from '../src/engine/rule.js';
import { subtopicLayout } from '../src/prose/subtopics.js';

export default defineRule({
  meta: {
    id: 'subtopic-as-section',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '“总体情况”的子栏目（主动公开、依申请公开、政府信息管理、平台建设、监督保障）用了一级编号“一、二、……”，后面的法定部分因此编号错位；只提示这一处，由它引起的部分顺序、缺少部分等提示不再逐条列出',
      en: 'Sub-topics of 总体情况 numbered as top-level sections, shifting the statutory ones: one diagnosis, and the section-order findings it explains are left out',
    },
    docs: 'docs/rules/subtopic-as-section.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(report, ctx) {
    const l = subtopicLayout(report, ctx.format);
    if (!l) return;
    const first = l.headings[0];
    const list = l.headings.map((h) => `${h.number}、${h.title}`).join('」「');
    const shifted = [...l.shifted].slice(0, 2).map((s) => `「${s.heading.value}」应为「${ctx.format.section(s.sectionId!)!.number}、」`);
    ctx.report({
      node: first.node,
      message: `“总体情况”的子栏目「${list}」用了一级编号，应写在“一、总体情况”之下，编作（一）（二）……；后面的法定部分因此编号错位${shifted.length ? `（${shifted.join('，')}${l.shifted.size > 2 ? '……' : ''}）` : ''}`,
      related: l.headings.slice(1).map((h) => ({ node: h.node, message: `子栏目「${h.number}、${h.title}」` })),
    });
  },
});
