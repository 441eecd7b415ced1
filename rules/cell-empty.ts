import { tables } from '../src/ast.js';
import { defineRule } from '../src/engine/rule.js';
import { cellName, columnList, columnName, rowPhrase } from '../src/rule-kit.js';

export default defineRule({
  meta: {
    id: 'cell-empty',
    type: 'problem',
    severity: 'warn',
    description: {
      zh: '表格中应填数字的格子不能空着：没有发生的事项也要填 0',
      en: 'A blank cell where the format wants a number (write 0)',
    },
    docs: 'docs/rules/cell-empty.md',
    schema: {
      type: 'object',
      properties: {
        aggregateRows: { type: 'boolean', description: 'one finding per row for its blank cells (the others as related places), instead of one per cell' },
      },
      additionalProperties: false,
    },
    defaultOptions: { aggregateRows: true },
  },
  check(report, ctx) {
    const aggregate = ctx.options.aggregateRows !== false;
    for (const t of tables(report)) {
      if (!t.tableId) continue;
      for (const row of t.children) {
        // a row with too few or too many cells is cell-count's: which cell is blank cannot be told
        if (!row.rowId || row.foundCells !== row.expectedCells) continue;
        const blanks = row.children.filter((c) => c.status === 'blank');
        if (!blanks.length) continue;
        if (aggregate && blanks.length > 1) {
          // one finding per row, on its blank cells, the others as related places
          const who = rowPhrase(ctx.format, t.tableId, row.rowId);
          const whole = blanks.length === row.children.length;
          const cols = columnList(ctx.format, t.tableId, blanks.map((c) => c.columnId));
          ctx.report({
            node: blanks[0],
            message: whole
              ? `${who}整行 ${blanks.length} 个格子都是空的，应填写数字（没有的填 0）`
              : `${who}有 ${blanks.length} 个格子是空的（${cols}），应填写数字（没有的填 0）`,
            expected: '0',
            actual: '',
            related: blanks.slice(1).map((c) => ({ node: c, message: `${columnName(ctx.format, t.tableId!, c.columnId)}：空` })),
          });
          continue;
        }
        for (const c of blanks) {
          ctx.report({
            node: c,
            message: `${cellName(ctx.format, t.tableId, row, c)}为空，应填写数字（没有的填 0）`,
            expected: '0',
            actual: '',
          });
        }
      }
    }
  },
});
