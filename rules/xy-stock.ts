import { cell, row, table } from '../src/ast.js';
import { defineRule } from '../src/engine/rule.js';
import { peerName, peerOfYear, peerWhere, spanPosition } from '../src/engine/peer.js';
import { rowName } from '../src/rule-kit.js';
import { basename } from 'node:path';

/**
 * xy-stock: 现行有效件数 continues from last year: last year's stock + this year's 制发 − 废止 should be this year's
 * stock. Only ever information: documents expire (失效 is not 废止) and 清理 removes them, so a lower stock has
 * explanations; a higher one has fewer, and the message says so.
 */
export default defineRule({
  meta: {
    id: 'xy-stock',
    type: 'suggestion',
    severity: 'info',
    description: {
      zh: '跨年度：本年「现行有效件数」应约等于上年「现行有效件数」+ 本年制发件数 − 本年废止件数（规章、行政规范性文件）；不一致时提请核对',
      en: "Cross-year: this year's documents in force ≈ last year's + issued − repealed (a question, never an error)",
    },
    docs: 'docs/rules/xy-stock.md',
    schema: {
      type: 'object',
      properties: { tolerance: { type: 'integer', minimum: 0, description: 'a difference up to this many documents is not reported' } },
      additionalProperties: false,
    },
    defaultOptions: { tolerance: 0 },
    crossFile: true,
  },
  check(report, ctx) {
    if (report.year === undefined) return;
    const prev = peerOfYear(ctx.peers, report.year - 1);
    // the stock column exists in the 2021 format only, in both years
    const before = prev?.tables.T2_1;
    const now = table(report, 'T2_1');
    if (!prev || !before || !now || !ctx.format.table('T2_1')?.columns.some((c) => c.id === 'valid')) return;
    const tolerance = Number(ctx.options.tolerance ?? 0);
    const me = basename(ctx.filePath);
    for (const rowId of ['regulation', 'normative']) {
      const r = row(now, rowId);
      const p = before.rows[rowId]?.valid;
      if (!r || r.foundCells !== r.expectedCells || !p || p.value === null) continue;
      const [issued, repealed, valid] = ['issued', 'repealed', 'valid'].map((c) => cell(r, c));
      if (![issued, repealed, valid].every((c) => c && c.status === 'number' && c.value !== undefined)) continue;
      const expected = p.value + issued!.value! - repealed!.value!;
      const diff = valid!.value! - expected;
      if (Math.abs(diff) <= tolerance) continue;
      const name = rowName(ctx.format, 'T2_1', rowId);
      const why =
        diff < 0
          ? `少 ${-diff} 件：可能有文件失效或经清理而不算废止，请在报告中说明`
          : `多 ${diff} 件：多出的件数无法由制发解释，请核对本年和上年的「现行有效件数」`;
      ctx.report({
        node: valid!,
        message:
          `「${name}」现行有效件数：上年${peerName(prev)}${peerWhere(p)}为 ${p.value}，本年（${me}）制发 ${issued!.value}、废止 ${repealed!.value}，` +
          `应约为 ${expected}，本年报告为 ${valid!.value}，${why}`,
        expected,
        actual: valid!.value!,
        related: [
          {
            filePath: prev.filePath,
            position: spanPosition(p.span),
            location: { section: 's2', table: 'T2_1', row: rowId, column: 'valid' },
            message: `上年${peerName(prev)}「${name}」现行有效件数：${p.value}`,
          },
          { node: issued!, message: `本年制发件数：${issued!.value}` },
          { node: repealed!, message: `本年废止件数：${repealed!.value}` },
        ],
      });
    }
  },
});
