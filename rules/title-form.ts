import { defineRule } from '../src/engine/rule.js';

/** …YYYY年(度)…政府信息公开工作年度报告, agency first or year first */
const CANONICAL = /^(.*?)((19|20)\d{2})年度?(.*?)政府信息公开工作年度报告$/;

export default defineRule({
  meta: {
    id: 'title-form',
    type: 'suggestion',
    severity: 'warn',
    description: {
      zh: '标题应为「…YYYY年(度)政府信息公开工作年度报告」：不应写成「…工作报告」「政务公开…报告」；较轻的变体（缺「工作」、缺「政府」、「工作的年度报告」）可用选项打开',
      en: 'The title reads "…YYYY年(度)…政府信息公开工作年度报告" (not 工作报告, not 政务公开…报告); milder variants on request',
    },
    docs: 'docs/rules/title-form.md',
    hasSuggestions: true,
    schema: {
      type: 'object',
      properties: { mild: { type: 'boolean', description: 'also report the milder variants (no 工作, no 政府, 工作的年度报告)' } },
      additionalProperties: false,
    },
    defaultOptions: { mild: false },
  },
  check(report, ctx) {
    const t = ctx.identity().title;
    if (!t) return;
    const c = t.compact;
    if (CANONICAL.test(c)) return;
    const end = t.node.position.end.offset!;
    const written = ctx.source.text.slice(Math.max(0, end - 8), end);
    const suggest = (from: string, to: string) =>
      written.endsWith(from) ? [{ desc: `把「${from}」改为「${to}」`, fix: { range: [end - from.length, end] as [number, number], text: to } }] : undefined;
    let message: string | undefined;
    let suggestions;
    let mild = false;
    if (/政务(信息)?公开/.test(c) && !/政府信息公开/.test(c)) {
      message = `标题「${c}」写的是「政务公开」：年度报告的名称是「政府信息公开工作年度报告」（《政府信息公开条例》第四十九条）`;
    } else if (/工作报告$/.test(c)) {
      message = `标题「${c}」以「工作报告」结尾，应为「政府信息公开工作年度报告」`;
      suggestions = suggest('工作报告', '工作年度报告');
    } else if (/政府信息公开年度报告$/.test(c)) {
      mild = true;
      message = `标题「${c}」少了「工作」，应为「政府信息公开工作年度报告」`;
      suggestions = suggest('信息公开年度报告', '信息公开工作年度报告');
    } else if (/工作的年度报告$/.test(c)) {
      mild = true;
      message = `标题「${c}」写作「工作的年度报告」，应为「政府信息公开工作年度报告」`;
      suggestions = suggest('工作的年度报告', '工作年度报告');
    } else if (/信息公开/.test(c) && !/政府信息公开/.test(c)) {
      mild = true;
      message = `标题「${c}」少了「政府」，应为「政府信息公开工作年度报告」`;
    }
    if (!message || (mild && !ctx.options.mild)) return;
    ctx.report({ node: t.node, message, actual: c, ...(suggestions ? { suggestions } : {}) });
  },
});
