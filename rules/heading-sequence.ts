import { defineRule } from '../src/engine/rule.js';
import { inlineMarkers, inlineName, leadingMarker, numberName, type MarkerLevel } from '../src/prose/markers.js';
import { placeIn } from '../src/prose/textmap.js';
import type { Located } from '../src/engine/rule.js';

export default defineRule({
  meta: {
    id: 'heading-sequence',
    type: 'problem',
    severity: 'warn',
    description: {
      zh: '同一部分内的小标题编号（（一）（二）…、1. 2. …、（1）（2）…）和「一是、二是…」不得重复或跳号',
      en: 'Sub-heading numbers and 一是/二是 enumerators inside a section are neither repeated nor skipped',
    },
    docs: 'docs/rules/heading-sequence.md',
    schema: {
      type: 'object',
      properties: { inline: { type: 'boolean', description: 'check 一是、二是… inside the paragraphs' } },
      additionalProperties: false,
    },
    defaultOptions: { inline: true },
  },
  check(report, ctx) {
    const id = ctx.identity();
    const bySection = new Map<object, typeof id.paragraphs>();
    for (const p of id.paragraphs) {
      if (!p.section) continue;
      let list = bySection.get(p.section);
      if (!list) bySection.set(p.section, (list = []));
      list.push(p);
    }
    for (const [, paras] of bySection) {
      const last = new Map<MarkerLevel, { value: number; node: Located; text: string; repeated?: boolean }>();
      let run: { value: number; node: Located } | undefined;
      for (const { node } of paras) {
        const mk = leadingMarker(node);
        if (mk) {
          // a marker of a higher level starts the lower levels afresh
          for (const l of [2, 3, 4] as MarkerLevel[]) if (l > mk.level) last.delete(l);
          run = undefined;
          const here = placeIn(ctx.source, node, mk.start, mk.end);
          const prev = last.get(mk.level);
          if (prev && mk.value === prev.value) {
            ctx.report({
              node: here,
              message: `小标题编号「${numberName(mk.level, mk.value)}」重复使用，应为「${numberName(mk.level, prev.value + 1)}」`,
              expected: numberName(mk.level, prev.value + 1),
              actual: mk.text,
              related: [{ node: prev.node, message: `上一个「${numberName(mk.level, prev.value)}」` }],
            });
            // whether the next one goes on from the number written or from the one meant is not known yet
          } else if (prev && mk.value > prev.value + 1 && !(prev.repeated && mk.value === prev.value + 2)) {
            const missing = [];
            for (let k = prev.value + 1; k < mk.value; k++) missing.push(numberName(mk.level, k));
            ctx.report({
              node: here,
              message: `小标题编号跳号：「${numberName(mk.level, prev.value)}」之后是「${numberName(mk.level, mk.value)}」，缺少「${missing.join('」「')}」`,
              expected: numberName(mk.level, prev.value + 1),
              actual: mk.text,
              related: [{ node: prev.node, message: `上一个「${numberName(mk.level, prev.value)}」` }],
            });
          }
          last.set(mk.level, { value: mk.value, node: here, text: mk.text, repeated: prev !== undefined && mk.value === prev.value });
        }
        if (!ctx.options.inline) continue;
        for (const im of inlineMarkers(node.value)) {
          const here = placeIn(ctx.source, node, im.start, im.end);
          if (im.value === 1) {
            run = { value: 1, node: here };
            continue;
          }
          if (!run) continue;
          if (im.value === run.value) {
            ctx.report({
              node: here,
              message: `「${im.text}」重复使用，应为「${inlineName(run.value + 1)}」`,
              expected: inlineName(run.value + 1),
              actual: im.text,
              related: [{ node: run.node, message: `上一个「${inlineName(run.value)}」` }],
            });
          } else if (im.value > run.value + 1) {
            const missing = [];
            for (let k = run.value + 1; k < im.value; k++) missing.push(inlineName(k));
            ctx.report({
              node: here,
              message: `「${inlineName(run.value)}」之后是「${im.text}」，缺少「${missing.join('」「')}」`,
              expected: inlineName(run.value + 1),
              actual: im.text,
              related: [{ node: run.node, message: `上一个「${inlineName(run.value)}」` }],
            });
          } else if (im.value < run.value) {
            // counting back without 一是: a new list we cannot follow
            run = undefined;
            continue;
          }
          run = { value: im.value, node: here };
        }
      }
    }
  },
});
