/**
 * Text hygiene through the whole path: U+00A0, U+3000 and zero-width characters in labels and cells; full-width
 * digits and thousands separators in cells; findings located on the characters themselves.
 */
import { lint, parseReport } from '../src/index.js';
import { tables } from '../src/ast.js';
import { extractValues } from '../src/cli/extract.js';
import { editRow, offsetOf, sample } from './support/reports.js';

const SEED = sample('seeds/001_3ae8912727f14c8a.txt');

test('invisible and wide spaces inside labels do not stop them from matching the format', () => {
  let text = editRow(SEED, '(一) 予以公开', { newLabel: '(一) 予以\u200b公\u00a0开' });
  text = editRow(text, '二、上年结转', { newLabel: '二、上年\ufeff结转政府信息\u3000公开申请数量' });
  const parsed = parseReport(text, { filePath: 'r.txt' });
  const t3 = tables(parsed.report).find((t) => t.tableId === 'T3')!;
  expect(t3.children.find((r) => r.rowId === 'r3_1')?.match?.kind).toBe('exact');
  expect(t3.children.find((r) => r.rowId === 'r2')?.match?.kind).toBe('exact');
  expect(lint(text, { filePath: 'r.txt' }).messages).toEqual([]);
});

test('full-width digits, thousands separators and padding in cells are read as numbers, through to extract', () => {
  // 一、本年新收: 自然人 1,234 (with U+00A0 / U+3000 padding), 商业企业 １２, total １,２４６
  const row = ['1234', '12', '0', '0', '0', '0', '1246'];
  const text = editRow(SEED, '一、本年新收', { values: ['\u00a01,234\u3000', '１２', '0', '0', '0', '0', '１,２４６'] });
  const balanced = editRow(editRow(text, '(一) 予以公开', { values: row }), '(七) 总计', { values: row });
  const x = extractValues(parseReport(balanced, { filePath: 'r.txt' }), 'r.txt');
  expect(x.tables.T3.r1).toEqual({ natural: 1234, commercial: 12, research: 0, public_welfare: 0, legal_service: 0, other: 0, total: 1246 });
  // the seed's prose says 全年未收到政府信息公开申请件, which the edited table now contradicts (narrative-apply says so)
  expect(lint(balanced, { filePath: 'r.txt' }).messages.filter((m) => m.ruleId !== 'narrative-apply')).toEqual([]);
  expect(lint(balanced, { filePath: 'r.txt' }).messages.map((m) => m.ruleId)).toEqual(['narrative-apply']);
});

test('a finding on a padded cell points at the number, not at the padding', () => {
  const text = editRow(SEED, '一、本年新收', { values: [, , , , , , '\u3000\u200b７\u00a0'] });
  const m = lint(text, { filePath: 'r.txt' }).messages.find((x) => x.ruleId === 'row-total')!;
  expect(m).toBeDefined();
  expect(m.actual).toBe('7');
  const start = offsetOf(text, m.line, m.column);
  const end = offsetOf(text, m.endLine, m.endColumn);
  expect(text.slice(start, end)).toBe('７');
});

test('CR, CRLF and mixed line endings: every node keeps its text at its position', () => {
  const eols = ['\r\n', '\r', '\n'];
  const text = SEED.split('\n').map((l, i) => l + eols[i % 3]).join('');
  const { report } = parseReport(text, { filePath: 'r.txt' });
  let n = 0;
  for (const t of tables(report)) {
    for (const r of t.children) {
      for (const c of r.children) {
        const s = offsetOf(text, c.position.start.line, c.position.start.column);
        expect(s).toBe(c.position.start.offset);
        expect(text.slice(s, offsetOf(text, c.position.end.line, c.position.end.column))).toBe(c.raw);
        n++;
      }
    }
  }
  expect(n).toBeGreaterThan(100);
});
