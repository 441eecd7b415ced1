import { sections } from '../src/ast.js';
import { defineRule } from '../src/engine/rule.js';
import { describeDifference } from '../src/rule-kit.js';
import type { Label, LabelMatch } from '../src/types.js';
import { normalizeLabel } from '../src/text/normalize.js';
import { formatMismatch, isOtherFormatLabel } from '../src/prose/format-year.js';
import { subtopicLayout } from '../src/prose/subtopics.js';

export default defineRule({
  meta: {
    id: 'label-variant',
    type: 'suggestion',
    severity: 'warn',
    description: {
      zh: '部分标题、表格的行名和列名应与格式一致（错字、漏字、多字、旧的写法）；提示中给出格式的写法，并可一键替换',
      en: 'A section heading, row or column label differs from the format (typo, missing or extra characters, older wording)',
    },
    docs: 'docs/rules/label-variant.md',
    fixable: true,
    schema: {
      type: 'object',
      properties: {
        headings: { type: 'boolean', description: 'check section headings' },
        rows: { type: 'boolean', description: 'check row labels' },
        columns: { type: 'boolean', description: 'check column labels' },
      },
      additionalProperties: false,
    },
    defaultOptions: { headings: true, rows: true, columns: true },
  },
  check(report, ctx) {
    const o = ctx.options as { headings: boolean; rows: boolean; columns: boolean };
    const say = (label: Label, canonical: string, what: string, fix = true, note = '') => {
      const diff = describeDifference(label.value, canonical);
      ctx.report({
        node: label,
        message: `${what}「${label.value}」与格式不一致${diff ? `（${diff}）` : ''}，应为「${canonical}」${note}`,
        expected: canonical,
        actual: label.value,
        ...(fix ? { fix: { range: [label.position.start.offset!, label.position.end.offset!] as [number, number], text: canonical } } : {}),
      });
    };
    const isVariant = (m: LabelMatch | undefined): m is LabelMatch => m !== undefined && m.kind === 'variant';

    if (o.headings) {
      // a sub-topic of 总体情况 taken for a section (subtopic-as-section) is no variant of that section's title
      const sub = subtopicLayout(report, ctx.format);
      for (const s of sections(report)) {
        if (sub?.subtopicSections.has(s)) continue;
        const want = s.sectionId ? ctx.format.section(s.sectionId) : undefined;
        if (!want) continue;
        const m = ctx.format.data.sections.length ? matchHeading(s.titleText, want.title) : undefined;
        if (!m) continue;
        // the title part of the heading only: the number is section-order's business
        const off = s.heading.value.lastIndexOf(s.titleText);
        const start = s.heading.position.start.offset! + Math.max(0, off);
        const label: Label = {
          type: 'label',
          value: s.titleText,
          position: ctx.source.position(start, start + s.titleText.length),
        };
        say(label, want.title, '部分标题');
      }
    }
    // tables written in another year's format (see format-year): their labels are not rewritten into this format's wording
    const mismatch = formatMismatch(report, ctx.format, ctx.identity());
    for (const s of sections(report)) {
      for (const t of s.children) {
        if (t.type !== 'table' || !t.tableId) continue;
        const inOther = (text: string) => mismatch !== undefined && (mismatch.tables.has(t) || isOtherFormatLabel(mismatch, s.sectionId, text));
        const note = `（本表用的是 ${mismatch?.other.short} 年格式的写法，见 format-year，不给出自动修改）`;
        const sayLabel = (label: Label, canonical: string, what: string) =>
          inOther(label.value) ? say(label, canonical, what, false, note) : say(label, canonical, what);
        if (o.columns) {
          for (const h of t.header) {
            h.cells.forEach((c, i) => {
              const m = h.matches?.[i];
              if (isVariant(m) && m.distance > 0) sayLabel(c, m.canonical, '列名');
            });
          }
        }
        if (o.rows) {
          for (const r of t.children) {
            if (isVariant(r.match) && r.match.distance > 0) {
              if (r.labels.length === 1) sayLabel(r.labels[0], r.match.canonical, '行名');
              else {
                // a label broken over lines: reported on its first piece, with no automatic fix
                const first = r.labels[0];
                const whole: Label = { type: 'label', value: r.label, position: { start: first.position.start, end: r.labels[r.labels.length - 1].position.end } };
                say(whole, r.match.canonical, '行名', false);
              }
            }
            for (const g of r.groupMatches) {
              if (isVariant(g.match) && g.match.distance > 0) sayLabel(g.label, g.match.canonical, '行名');
            }
          }
        }
      }
    }
  },
});

/** A heading whose title differs from the format's: anything but an exact match after normalising. */
function matchHeading(written: string, canonical: string): boolean {
  return normalizeLabel(written) !== normalizeLabel(canonical);
}
