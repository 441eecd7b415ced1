/**
 * The review exported: a 审核意见表 as a spreadsheet (.xlsx, exceljs run on demand) and as a printable page,
 * and the table data as CSV or JSON in the shape of `report-lint extract`.
 */
import type { Extracted } from '../src/cli/extract.js';
import type { Format } from '../src/format/formats.js';
import { columnName, rowName } from '../src/rule-kit.js';
import { download, h } from './dom.js';
import { loadLazy } from './lazy.js';
import { extract, logicalLines, type OpenFile } from './model.js';
import { placeOf, severityText } from './places.js';

export const REVIEW_COLUMNS = ['序号', '文件', '严重程度', '部分', '表格', '行', '列', '位置', '问题', '应为', '实际', '规则'] as const;

/** One line of the 审核意见表 for each finding of each file. */
export function reviewRows(files: OpenFile[]): string[][] {
  const rows: string[][] = [];
  for (const f of files) {
    const docx = logicalLines(f);
    for (const m of f.result.messages) {
      const p = placeOf(m, f.parsed, docx);
      rows.push([String(rows.length + 1), f.name, severityText(m), p.section, p.table, p.row, p.column, p.where, m.message, m.expected ?? '', m.actual ?? '', m.ruleId ?? '']);
    }
  }
  return rows;
}

interface ExcelJS {
  Workbook: new () => {
    creator: string;
    addWorksheet(name: string, opts?: unknown): {
      columns: Array<{ header: string; key: string; width: number }>;
      addRow(values: unknown[]): { getCell(i: number): { font: unknown } };
      getRow(i: number): { font: unknown; alignment: unknown };
      views: unknown[];
      autoFilter: unknown;
    };
    xlsx: { writeBuffer(): Promise<ArrayBuffer> };
  };
}

export async function exportXlsx(files: OpenFile[]): Promise<void> {
  const lib = loadLazy<ExcelJS>('exceljs');
  const wb = new lib.Workbook();
  wb.creator = 'report-lint';
  const ws = wb.addWorksheet('审核意见表');
  const widths = [6, 24, 10, 20, 18, 22, 16, 22, 60, 10, 10, 14];
  ws.columns = REVIEW_COLUMNS.map((c, i) => ({ header: c, key: String(i), width: widths[i] }));
  ws.getRow(1).font = { bold: true };
  for (const r of reviewRows(files)) ws.addRow(r);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: 'A1', to: 'L1' };
  const sum = wb.addWorksheet('文件汇总');
  sum.columns = ['文件', '错误', '警告', '编码'].map((c, i) => ({ header: c, key: String(i), width: i ? 12 : 30 }));
  sum.getRow(1).font = { bold: true };
  for (const f of files) sum.addRow([f.name, f.result.errorCount, f.result.warningCount, f.input?.decoded?.decoded.encoding ?? f.input?.kind ?? '']);
  const buf = await wb.xlsx.writeBuffer();
  download('审核意见表.xlsx', buf, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}

/** The printable 审核意见表, in the page's print view. */
export function printView(files: OpenFile[]): HTMLElement {
  const table = h('table', { class: 'print-table' });
  table.append(h('thead', {}, h('tr', {}, ...REVIEW_COLUMNS.map((c) => h('th', {}, c)))));
  const body = h('tbody');
  for (const r of reviewRows(files)) body.append(h('tr', {}, ...r.map((v) => h('td', {}, v))));
  table.append(body);
  const date = new Date().toLocaleDateString('zh-CN');
  return h('section', { class: 'print-sheet' }, h('h1', {}, '政府信息公开工作年度报告审核意见表'), h('p', {}, `审核日期：${date}　文件：${files.map((f) => `${f.name}（错误 ${f.result.errorCount}，警告 ${f.result.warningCount}）`).join('；')}`), table, h('p', { class: 'print-foot' }, '由 report-lint 生成；报告只在本机浏览器中检查，未上传。'));
}

export function exportJson(f: OpenFile): boolean {
  const x = extract(f);
  if (!x) return false;
  download(baseName(f.name) + '.表格数据.json', JSON.stringify(x, null, 2) + '\n', 'application/json');
  return true;
}

/** CSV: one line a value: the ids of `extract` and the format's names, a blank cell empty (never 0). */
export function extractCsv(x: Extracted, format: Format): string {
  const q = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [['表格', '行', '列', '行名称', '列名称', '数值'].join(',')];
  for (const [t, rows] of Object.entries(x.tables)) {
    for (const [r, cols] of Object.entries(rows)) {
      for (const [c, v] of Object.entries(cols)) lines.push([t, r, c, rowName(format, t, r), columnName(format, t, c), v === null ? '' : String(v)].map(q).join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}

export function exportCsv(f: OpenFile): boolean {
  const x = extract(f);
  if (!x || !f.parsed) return false;
  // a BOM, so that Excel opens the Chinese names as UTF-8
  download(baseName(f.name) + '.表格数据.csv', '\uFEFF' + extractCsv(x, f.parsed.format), 'text/csv;charset=utf-8');
  return true;
}

export function baseName(name: string): string {
  return name.replace(/\.[^.]+$/, '');
}
