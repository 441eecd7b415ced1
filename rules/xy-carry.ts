import { cell, row, table } from '../src/ast.js';
import { defineRule } from '../src/engine/rule.js';
import { peerName, peerOfYear, peerWhere, spanPosition } from '../src/engine/peer.js';
import { cellSuggestion, columnName, rowName } from '../src/rule-kit.js';
import { basename } from 'node:path';

/**
 * xy-carry: this year's 二、上年结转 equals last year's 四、结转下年度继续办理, column by column (table 三 has the same
 * columns in the 2019 and the 2021 formats, so the check crosses the format change).
 */
export default defineRule({
  meta: {
    id: 'xy-carry',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '跨年度：本年第三部分「二、上年结转政府信息公开申请数量」每一列应等于上年报告「四、结转下年度继续办理」的同一列',
      en: "Cross-year: this year's carried-over applications equal last year's carried-forward ones, per column",
    },
    docs: 'docs/rules/xy-carry.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
    hasSuggestions: true,
    crossFile: true,
  },
  check(report, ctx) {
    if (report.year === undefined) return;
    const prev = peerOfYear(ctx.peers, report.year - 1);
    // reports before 2019 have no 结转 rows
    if (!prev || report.year - 1 < 2019) return;
    const before = prev.tables.T3?.rows.r4;
    const now = row(table(report, 'T3'), 'r2');
    if (!before || !now || now.foundCells !== now.expectedCells) return;
    const ft = ctx.format.table('T3');
    if (!ft) return;
    const thisRow = rowName(ctx.format, 'T3', 'r2');
    const thatRow = '四、结转下年度继续办理';
    const me = basename(ctx.filePath);
    for (const col of ft.columns) {
      const c = cell(now, col.id);
      const p = before[col.id];
      // a blank or unreadable cell is cell-empty's or cell-value's (in either year's report): nothing to compare
      if (!c || c.status !== 'number' || c.value === undefined || !p || p.value === null) continue;
      if (c.value === p.value) continue;
      const name = columnName(ctx.format, 'T3', col.id);
      const where = peerWhere(p);
      ctx.report({
        node: c,
        message:
          `「${name}」列：本年报告（${me}）「${thisRow}」为 ${c.value}，` +
          `上年${peerName(prev)}${where ? where : ''}「${thatRow}」为 ${p.value}，两者应相等`,
        expected: p.value,
        actual: c.value,
        related: [
          {
            filePath: prev.filePath,
            position: spanPosition(p.span),
            location: { section: 's3', table: 'T3', row: 'r4', column: col.id },
            message: `上年${peerName(prev)}「${thatRow}」「${name}」：${p.value}`,
          },
        ],
        suggestions: [cellSuggestion(c, p.value, `若上年报告无误，把本年「${thisRow}」「${name}」改为 ${p.value}`)],
      });
    }
  },
});
