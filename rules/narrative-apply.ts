import { defineRule } from '../src/engine/rule.js';
import { cellSum, leafRows, relatedCells, type CellRef, type CellSum } from '../src/prose/cells.js';
import { applicationStatements, type ApplyMetric } from '../src/prose/statements.js';
import type { Format } from '../src/format/formats.js';
import { rowName } from '../src/rule-kit.js';
import type { Report } from '../src/types.js';

const T = 'T3';
const FIVE = ['commercial', 'research', 'public_welfare', 'legal_service', 'other'];

/** A row of table 三 by the short name the format's relations give it (一、本年新收), else by its label. */
function termName(format: Format, row: string): string {
  for (const r of format.relations) {
    const i = r.lhs.findIndex((x) => x.table === T && x.row === row);
    if (i >= 0 && r.names.lhs?.[i]) return r.names.lhs[i];
    const j = r.rhs.findIndex((x) => x.table === T && x.row === row);
    if (j >= 0 && r.names.rhs?.[j]) return r.names.rhs[j];
  }
  return rowName(format, T, row);
}

/** The readings a metric may have in table 三: each a sum of cells and its name. The first is the usual one. */
function readings(report: Report, format: Format, metric: ApplyMetric): CellSum[] {
  const sum = (refs: CellRef[], label?: string) => cellSum(report, format, refs, label);
  const tot = (row: string): CellRef => [T, row, 'total'];
  const group = (row: string, name: string) => sum(leafRows(format, T, row).map(tot), leafRows(format, T, row).length > 1 ? `${name}各小项之和` : name);
  const n = (row: string) => termName(format, row);
  const out: Array<CellSum | undefined> = [];
  switch (metric) {
    case 'received':
      out.push(sum([tot('r1')], n('r1')), sum([tot('r1'), tot('r2')], `${n('r1')} + ${n('r2')}`));
      break;
    case 'new':
      out.push(sum([tot('r1')], n('r1')));
      break;
    case 'carried-in':
      out.push(sum([tot('r2')], n('r2')));
      break;
    case 'handled':
      out.push(sum([tot('r3_7')], n('r3_7')));
      break;
    case 'handled-or-received':
      out.push(sum([tot('r3_7')], n('r3_7')), sum([tot('r1')], n('r1')), sum([tot('r1'), tot('r2')], `${n('r1')} + ${n('r2')}`));
      break;
    case 'carried-out':
      out.push(sum([tot('r4')], n('r4')));
      break;
    case 'natural':
      out.push(sum([[T, 'r1', 'natural']], `${n('r1')}「自然人」`), sum([[T, 'r1', 'natural'], [T, 'r2', 'natural']], '一 + 二「自然人」'));
      break;
    case 'legal':
      out.push(
        sum(FIVE.map((c) => [T, 'r1', c] as CellRef), `${n('r1')}「法人或其他组织」五列之和`),
        sum([...FIVE.map((c) => [T, 'r1', c] as CellRef), ...FIVE.map((c) => [T, 'r2', c] as CellRef)], '一 + 二「法人或其他组织」五列之和'),
      );
      break;
    case 'o-open':
      out.push(sum([tot('r3_1')], '（一）予以公开'));
      break;
    case 'o-partial':
      out.push(sum([tot('r3_2')], '（二）部分公开'));
      break;
    case 'o-open-partial':
      out.push(sum([tot('r3_1'), tot('r3_2')], '（一）予以公开 + （二）部分公开'));
      break;
    case 'o-refused':
      out.push(group('r3_3', '（三）不予公开'));
      break;
    case 'o-unable':
      out.push(group('r3_4', '（四）无法提供'));
      break;
    case 'o-not-processed':
      out.push(group('r3_5', '（五）不予处理'));
      break;
    case 'o-other':
      out.push(group('r3_6', '（六）其他处理'));
      break;
  }
  return out.filter((x): x is CellSum => x !== undefined);
}

export default defineRule({
  meta: {
    id: 'narrative-apply',
    type: 'problem',
    severity: 'warn',
    description: {
      zh: '正文中关于政府信息公开申请的数字（收到、上年结转、办结、结转下年度、申请人、各类办理结果）与第三部分表格不符；“收到”按“本年新收”或“本年新收 + 上年结转”两种写法都认可',
      en: 'Counts of applications in the prose (received, carried over, handled, carried forward, applicants, each outcome group) disagree with table 三; both readings of 收到 (一, or 一+二) are accepted',
    },
    docs: 'docs/rules/narrative-apply.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(report, ctx) {
    const { counts, quals } = applicationStatements(ctx.prose(), report.agency, report.year);
    for (const c of counts) {
      const rs = readings(report, ctx.format, c.metric);
      if (!rs.length) continue; // the cells are not readable, or their table does not add up: nothing to compare with
      const n = c.number.value;
      if (rs.some((r) => Math.abs(r.value - n) < 1e-9)) continue;
      const main = rs[0];
      const shown = rs.map((r) => `${r.expr} = ${r.value}`).join('，');
      let hint = '';
      if (main.cells.length > 1 && /各小项之和/.test(main.expr) && main.cells[0].value === n) hint = '（正文的数字等于第 1 小项，应为各小项之和）';
      ctx.report({
        node: { position: c.number.position },
        message: `正文「${c.quote}」与表三不符：${shown}${hint}`,
        expected: main.value,
        actual: n,
        related: relatedCells(main),
      });
    }
    // a statement the prose itself contradicts elsewhere (未收到申请 … 收到N件) is narrative-contradiction's finding
    const stated = (metrics: string[]) => counts.some((c) => metrics.includes(c.metric) && c.number.value > 0);
    for (const q of quals) {
      if (q.kind === 'none-received' && stated(['received', 'new'])) continue;
      if (q.kind === 'all-handled' && stated(['carried-out'])) continue;
      if (q.kind === 'none-received') {
        const r = cellSum(report, ctx.format, [[T, 'r1', 'total']], termName(ctx.format, 'r1'));
        if (!r || r.value === 0) continue;
        ctx.report({
          node: { position: q.position },
          message: `正文「${q.quote}」与表三不符：${r.expr} = ${r.value}`,
          expected: r.value,
          actual: 0,
          related: relatedCells(r),
        });
      } else if (q.kind === 'all-handled') {
        const r = cellSum(report, ctx.format, [[T, 'r4', 'total']], '四、结转下年度继续办理');
        if (!r || r.value === 0) continue;
        ctx.report({
          node: { position: q.position },
          message: `正文「${q.quote}」与表三不符：${r.expr} = ${r.value}，还有申请结转下年度办理`,
          expected: 0,
          actual: r.value,
          related: relatedCells(r),
        });
      }
    }
  },
});
