import { defineRule } from '../src/engine/rule.js';
import type { Paragraph, Title } from '../src/types.js';

/** $1…$9 and $& of a dictionary replacement, filled from one match. */
function expand(expected: string, m: RegExpExecArray): string {
  return expected.replace(/\$(\d|&)/g, (_, g: string) => (g === '&' ? m[0] : (m[Number(g)] ?? '')));
}

export default defineRule({
  meta: {
    id: 'prose-typo',
    type: 'suggestion',
    severity: 'warn',
    description: {
      zh: '正文中的常见错别字和不规范用词（来自词典：截止/截至、条列/条例、不于公开/不予公开 等），并给出改正',
      en: 'Common typos and misused words in the running text, from the dictionaries, with a fix',
    },
    docs: 'docs/rules/prose-typo.md',
    fixable: true,
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(report, ctx) {
    const entries = ctx.dictionary.prose;
    if (!entries.length) return;
    // the running text: the title, the preamble and the sections' paragraphs
    const texts: Array<Paragraph | Title> = report.title ? [report.title] : [];
    for (const c of report.children) {
      if (c.type === 'paragraph') texts.push(c);
      else if (c.type === 'section') for (const p of c.children) if (p.type === 'paragraph') texts.push(p);
    }
    for (const node of texts) {
      const base = node.position.start.offset!;
      // a Title joins two lines with a space: only its first line maps one-to-one onto the source
      const value = node.type === 'title' ? ctx.source.text.slice(base, node.position.end.offset!) : node.value;
      for (const e of entries) {
        e.pattern.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = e.pattern.exec(value)) !== null) {
          if (m[0] === '') {
            e.pattern.lastIndex++;
            continue;
          }
          const fixed = expand(e.expected, m);
          if (fixed === m[0]) continue;
          const start = base + m.index;
          const end = start + m[0].length;
          ctx.report({
            node: { position: ctx.source.position(start, end) },
            message: `「${m[0]}」应为「${fixed}」${e.note ? `（${e.note}）` : ''}`,
            expected: fixed,
            actual: m[0],
            fix: { range: [start, end], text: fixed },
          });
        }
      }
    }
  },
});
