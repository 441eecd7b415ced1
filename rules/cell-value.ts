import { tables } from '../src/ast.js';
import { defineRule } from '../src/engine/rule.js';
import { cellName } from '../src/rule-kit.js';

export default defineRule({
  meta: {
    id: 'cell-value',
    type: 'problem',
    severity: 'error',
    description: {
      zh: '表格中的数字格只能填数字：件数为非负整数，“本年增/减”可为负数；格式未规定单位的金额格写了单位，只作提醒',
      en: 'A cell that is not a number (三, N/A, 2件); a unit where the format gives none is a warning at most',
    },
    docs: 'docs/rules/cell-value.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(report, ctx) {
    for (const t of tables(report)) {
      if (!t.tableId) continue;
      const ft = ctx.format.table(t.tableId)!;
      for (const row of t.children) {
        if (!row.rowId) continue;
        for (const c of row.children) {
          const col = c.columnId ? ft.columns.find((x) => x.id === c.columnId) : undefined;
          // named only when reported: most cells are fine
          const name = () => cellName(ctx.format, t.tableId!, row, c);
          if (c.status === 'invalid') {
            ctx.report({ node: c, message: `${name()}填的是「${c.raw}」，不是数字`, actual: c.raw });
            continue;
          }
          if (c.status === 'unit') {
            if (col && col.type === 'money' && col.unit === undefined) {
              ctx.report({
                node: c,
                severity: 'warn',
                message: `${name()}写有单位「${c.unit}」（${c.raw}）；格式未规定单位，建议只填数字并在文字中说明单位`,
                actual: c.raw,
                expected: String(c.value),
              });
            } else if (col && col.unit) {
              ctx.report({ node: c, message: `${name()}的单位应为「${col.unit}」，实为「${c.unit}」（${c.raw}）`, expected: col.unit, actual: c.unit });
            } else {
              ctx.report({ node: c, message: `${name()}填的是「${c.raw}」，应只填数字 ${c.value}`, expected: String(c.value), actual: c.raw });
            }
            continue;
          }
          if (c.status !== 'number' || c.value === undefined || !col) continue;
          if (col.type === 'count' && (!Number.isInteger(c.value) || c.value < 0)) {
            ctx.report({ node: c, message: `${name()}应为非负整数，实为「${c.raw}」`, actual: c.raw });
          } else if (col.type === 'signed_integer' && !Number.isInteger(c.value)) {
            ctx.report({ node: c, message: `${name()}应为整数，实为「${c.raw}」`, actual: c.raw });
          } else if (col.type === 'money' && c.value < 0) {
            ctx.report({ node: c, message: `${name()}金额不能为负数，实为「${c.raw}」`, actual: c.raw });
          }
        }
      }
    }
  },
});
