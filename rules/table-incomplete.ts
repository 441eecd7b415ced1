import { defineRule } from '../src/engine/rule.js';
import { tableCoverage, tableName, type RowCoverage, type TableCoverage } from '../src/format/coverage.js';
import type { Format } from '../src/format/formats.js';
import { rowName } from '../src/rule-kit.js';

/** How many row names a message lists before it says 等. */
const LISTED = 8;

export default defineRule({
  meta: {
    id: 'table-incomplete',
    type: 'problem',
    severity: 'warn',
    description: {
      zh: '格式规定的表格行和数字格应当都能读到；读不到的行和格子逐表说明，并说明因此未能进行哪些求和核对',
      en: 'Rows or cells that the format requires were not found in a table; the sums that could not be checked because of them are named',
    },
    docs: 'docs/rules/table-incomplete.md',
    schema: {
      type: 'object',
      properties: {
        rowsWithUnreadableCells: {
          type: 'boolean',
          description: '也把找到了、但数字格个数不对（无法逐一对应到列）的行算进来（这些行另由 cell-count 逐行提示）',
        },
        missingTables: {
          type: 'boolean',
          description: '部分中完全没有某张表格（连读不懂的表格也没有）时也提示',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { rowsWithUnreadableCells: false, missingTables: false },
  },
  check(report, ctx) {
    const withUnreadable = ctx.options.rowsWithUnreadableCells === true;
    const missingTables = ctx.options.missingTables === true;
    for (const full of tableCoverage(report, ctx.format)) {
      // a section that is not there at all is section-missing's finding
      if (!full.section) continue;
      // a table not there at all: said when the section holds a table that could not be read as any of the
      // format's (the table vanished in reading), or when asked for
      if (!full.nodes.length && !missingTables && !full.section.children.some((c) => c.type === 'table' && !c.tableId)) continue;
      // rows found with too few or too many cells are cell-count's findings, unless asked for here too
      const cov = withUnreadable ? full : { ...full, incompleteRows: [], ...onlyMissing(full) };
      if (!cov.missingRows.length && !cov.incompleteRows.length) continue;
      const t = cov.table;
      const name = tableName(ctx.format, t);
      const parts: string[] = [];
      if (!cov.nodes.length) {
        const labeled = t.rows.some((r) => r.data && r.label !== null);
        parts.push(`${name}未找到（应有 ${labeled ? `${cov.requiredRows} 行、` : ''}${cov.requiredCells} 个数字${labeled ? `：${names(ctx.format, t.id, cov.missingRows)}` : ''}）`);
      } else {
        if (cov.missingRows.length === cov.requiredRows) {
          parts.push(`${name}中格式规定的 ${cov.requiredRows} 行一行也没有读到（${names(ctx.format, t.id, cov.missingRows)}）`);
        } else if (cov.missingRows.length) {
          parts.push(`${name}缺少 ${cov.missingRows.length} 行：${names(ctx.format, t.id, cov.missingRows)}`);
        }
        if (cov.incompleteRows.length) {
          const rows = cov.incompleteRows.map((r) => `${quoted(ctx.format, t.id, r)}（读到 ${r.foundCells}/${r.expectedCells} 个）`);
          parts.push(`${cov.missingRows.length ? '另有' : `${name}中`} ${cov.incompleteRows.length} 行的数字无法逐一对应到列：${list(rows)}`);
        }
      }
      const missingCells = cov.requiredCells - cov.foundCells;
      let message = cov.nodes.length ? `${parts.join('；')}；共 ${missingCells} 个数字格未读到` : parts.join('；');
      if (cov.unchecked.length) {
        const kinds = new Map<string, number>();
        for (const r of cov.unchecked) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
        message += `，因此未能核对：${[...kinds].map(([k, n]) => `${k} ${n} 处`).join('、')}`;
      }
      ctx.report({
        node: cov.nodes[0] ?? full.section.heading,
        message,
        expected: cov.requiredCells,
        actual: cov.foundCells,
        location: { section: t.section, table: t.id },
      });
    }
  },
});

/** The counts of a table's coverage without its rows that were found with unreadable cells. */
function onlyMissing(cov: TableCoverage): Pick<TableCoverage, 'requiredCells' | 'foundCells' | 'unchecked'> {
  const missing = new Set(cov.missingRows.map((r) => r.rowId));
  const unread = cov.missingRows.length * cov.table.columns.length;
  return {
    requiredCells: cov.requiredCells,
    foundCells: cov.requiredCells - unread,
    unchecked: cov.unchecked.filter((rel) => [...rel.lhs, ...rel.rhs, rel.anchor].some((c) => c.table === cov.table.id && missing.has(c.row))),
  };
}

function quoted(format: Format, tableId: string, r: RowCoverage): string {
  // the row without a label (section 四's one data row) is named without quotes
  if (format.table(tableId)?.rows.find((x) => x.id === r.rowId)?.label === null) return '数据行';
  return `「${rowName(format, tableId, r.rowId)}」`;
}

function names(format: Format, tableId: string, rows: RowCoverage[]): string {
  const unlabeled = (id: string) => format.table(tableId)?.rows.find((x) => x.id === id)?.label === null;
  return list(rows.map((r) => (unlabeled(r.rowId) ? '数据行' : rowName(format, tableId, r.rowId))));
}

function list(items: string[]): string {
  return items.length > LISTED ? `${items.slice(0, LISTED).join('、')} 等` : items.join('、');
}
