import { defineRule } from '../src/engine/rule.js';
import { sections } from '../src/ast.js';

export default defineRule({
  meta: {
    id: 'preamble-parts',
    type: 'problem',
    severity: 'warn',
    description: {
      zh: '前言说报告有几个部分（「…等六个部分」「…五部分组成」），应与格式的六个部分相符',
      en: 'The preamble says the report has N parts, and the format has six',
    },
    docs: 'docs/rules/preamble-parts.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(report, ctx) {
    const id = ctx.identity();
    const parts = id.parts;
    if (!parts) return;
    // the formats of 2019 and later have six parts; older reports had seven to nine
    if (id.year !== undefined && id.year < 2019) return;
    const want = ctx.format.data.sections.length;
    if (parts.n === want) return;
    const found = new Set(sections(report).map((s) => s.sectionId).filter(Boolean)).size;
    ctx.report({
      node: parts.node,
      message: `前言说本报告有「${parts.text}」，格式规定 ${want} 个部分${found !== parts.n ? `（本报告找到 ${found} 个部分）` : found < want ? `，本报告只写了 ${found} 个部分` : ''}`,
      expected: want,
      actual: parts.n,
    });
  },
});
