import { defineRule } from '../src/engine/rule.js';
import { cellSum, relatedCells, type CellRef } from '../src/prose/cells.js';
import { reviewStatements } from '../src/prose/statements.js';

const T = 'T4';
const NAME = { rv: '行政复议', ld: '未经复议直接起诉', la: '复议后起诉' } as const;

export default defineRule({
  meta: {
    id: 'narrative-review',
    type: 'problem',
    severity: 'warn',
    description: {
      zh: '正文中关于行政复议、行政诉讼的说法（件数；均获维持、均已审结、零败诉、未发生）与第四部分表格不符',
      en: 'Prose about 行政复议/行政诉讼 (counts; 均获维持, 均已审结, 零败诉, 未发生) disagrees with table 四',
    },
    docs: 'docs/rules/narrative-review.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(report, ctx) {
    const { counts, quals } = reviewStatements(ctx.prose(), report.year);
    for (const c of counts) {
      const refs: CellRef[] =
        c.metric === 'review' ? [[T, 'n', 'rv_total']] : c.metric === 'litigation' ? [[T, 'n', 'ld_total'], [T, 'n', 'la_total']] : [[T, 'n', 'rv_total'], [T, 'n', 'ld_total'], [T, 'n', 'la_total']];
      const label = c.metric === 'review' ? '行政复议「总计」' : c.metric === 'litigation' ? '直接起诉「总计」 + 复议后起诉「总计」' : '行政复议、直接起诉、复议后起诉三个「总计」之和';
      const r = cellSum(report, ctx.format, refs, label);
      if (!r || Math.abs(r.value - c.number.value) < 1e-9) continue;
      // 诉讼N件 may count only the direct suits
      if (c.metric === 'litigation') {
        const direct = cellSum(report, ctx.format, [[T, 'n', 'ld_total']]);
        if (direct && direct.value === c.number.value) continue;
      }
      ctx.report({
        node: { position: c.number.position },
        message: `正文「${c.quote}」与表四不符：${r.expr} = ${r.value}`,
        expected: r.value,
        actual: c.number.value,
        related: relatedCells(r),
      });
    }
    for (const q of quals) {
      if (!q.groups.length) continue;
      // 未发生复议 beside 复议N件 in the prose is narrative-contradiction's finding
      if (q.kind === 'none' && counts.some((c) => c.number.value > 0 && (c.metric === 'both' || q.groups.includes(c.metric === 'review' ? 'rv' : 'ld')))) continue;
      const cols =
        q.kind === 'none' ? ['total'] : q.kind === 'all-maintained' ? ['correct', 'other', 'pending'] : q.kind === 'all-closed' ? ['pending'] : ['correct'];
      const refs: CellRef[] = q.groups.flatMap((g) => cols.map((c) => [T, 'n', `${g}_${c}`] as CellRef));
      const r = cellSum(report, ctx.format, refs, '');
      if (!r || r.value === 0) continue;
      const nonzero = r.cells.map((cell, i) => ({ cell, name: r.names[i] })).filter((x) => x.cell.value !== 0);
      const what = nonzero.map((x) => `${x.name} = ${x.cell.value}`).join('，');
      const groups = q.groups.map((g) => NAME[g]).join('、');
      ctx.report({
        node: { position: q.position },
        message: `正文「${q.quote}」与表四不符（${groups}）：${what}`,
        expected: 0,
        actual: r.value,
        related: nonzero.map((x) => ({ node: x.cell, message: `${x.name}：${x.cell.value}` })),
      });
    }
  },
});
