/**
 * Word's automatic numbering (issue 9, class 5): headings whose 一、 comes from numbering.xml, not from the text.
 * mammoth drops the numbers; report-lint rebuilds them from the document's numbering definitions, so such a
 * .docx reads as the report it is (before, it was "not a report" and exit 0).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFile, parseReport, readInput } from '../src/index.js';
import { sections, tables } from '../src/ast.js';
import { extractValues } from '../src/cli/extract.js';
import { formatNumber } from '../src/io/docx-numbering.js';
import { reportDocx } from './support/docx.js';
import { tempFolder } from './support/cli.js';

let dir: string;
let done: () => void;
beforeAll(async () => {
  ({ dir, done } = tempFolder());
  writeFileSync(join(dir, 'numbered.docx'), await reportDocx({ autoNumbered: true }));
  writeFileSync(join(dir, 'numbered-wrong.docx'), await reportDocx({ autoNumbered: true, t3Cell: ['r1', 3, '5'] }));
  writeFileSync(join(dir, 'plain.docx'), await reportDocx());
});
afterAll(() => done());

test('headings numbered by Word read as the sections 一…六, with their numbers as Word shows them', async () => {
  const input = await readInput(join(dir, 'numbered.docx'));
  expect(input.text).toContain('<p><strong>一、总体情况</strong></p>');
  const parsed = parseReport(input.text, { filePath: 'numbered.docx', kind: 'docx' });
  const secs = sections(parsed.report);
  expect(secs.map((s) => s.sectionId)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
  expect(secs.map((s) => s.heading.value)).toEqual([
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ]);
  // the level below counts on its own: （一） under 一、
  expect(secs[0].children.map((c) => (c.type === 'paragraph' ? c.value : c.type))).toEqual(['（一）主动公开情况']);
  expect(tables(parsed.report).map((t) => t.tableId)).toEqual(['T2_1', 'T2_5', 'T2_6', 'T2_8', 'T3', 'T4']);
  const x = extractValues(parsed, 'numbered.docx');
  expect(x.unbound).toEqual([]);
  expect(x.tables.T2_1.normative).toEqual({ issued: 2, repealed: 0, valid: 1234 });
  expect(Object.keys(x.tables.T3)).toHaveLength(25);
});

test('a numbered .docx is checked: a wrong number is found, no "not a report" warning', async () => {
  const ok = await lintFile(join(dir, 'numbered.docx'));
  expect(ok.messages.map((m) => `${m.ruleId} ${m.message}`)).toEqual([]);
  const wrong = await lintFile(join(dir, 'numbered-wrong.docx'));
  expect(wrong.messages.map((m) => m.ruleId)).toContain('row-total');
  expect(wrong.messages.some((m) => m.ruleId === null)).toBe(false);
});

test('documents without automatic numbering read as before', async () => {
  const input = await readInput(join(dir, 'plain.docx'));
  const parsed = parseReport(input.text, { filePath: 'plain.docx', kind: 'docx' });
  expect(sections(parsed.report).map((s) => s.heading.value)[0]).toBe('一、总体情况');
});

test('numbering formats of Word', () => {
  expect([1, 2, 10, 11, 20, 23].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '二', '十', '十一', '二十', '二十三']);
  expect(formatNumber(3, 'chineseLegalSimplified')).toBe('叁');
  expect(formatNumber(12, 'decimal')).toBe('12');
  expect(formatNumber(3, 'decimalEnclosedCircleChinese')).toBe('③');
  expect(formatNumber(4, 'upperRoman')).toBe('IV');
  expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
  expect(formatNumber(7, 'decimalFullWidth')).toBe('７');
});
