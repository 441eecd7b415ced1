import { tables } from '../src/ast.js';
import { defineRule } from '../src/engine/rule.js';
import { rowPhrase } from '../src/rule-kit.js';

export default defineRule({
  meta: {
    id: 'cell-count',
    type: 'problem',
    severity: 'warn',
    description: {
      zh: '表格每一行的数字格个数应与格式的列数一致；多了或少了，就无法确定哪个数字属于哪一列',
      en: 'A table row has fewer or more cells than the format has columns',
    },
    docs: 'docs/rules/cell-count.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(report, ctx) {
    // rows of tables that take part in a sum: say that the sums leave the row out
    const summed = ctx.format.summedRows;
    for (const t of tables(report)) {
      if (!t.tableId) continue;
      for (const row of t.children) {
        if (!row.rowId || row.foundCells === row.expectedCells) continue;
        const who = rowPhrase(ctx.format, t.tableId, row.rowId);
        const more = row.foundCells > row.expectedCells;
        ctx.report({
          node: row,
          message:
            `${who}应有 ${row.expectedCells} 个数字格，实有 ${row.foundCells} 个（${more ? '多了' : '少了'} ${Math.abs(row.foundCells - row.expectedCells)} 个）；` +
            `无法确定各数字对应哪一列${summed.has(`${t.tableId}.${row.rowId}`) ? '，本行不参与求和核对' : ''}`,
          expected: row.expectedCells,
          actual: row.foundCells,
        });
      }
    }
  },
});
