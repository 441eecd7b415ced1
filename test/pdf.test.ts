/**
 * PDF input: the fixtures of test/fixtures/pdf/ were printed by headless Chromium from the reports written beside
 * them as text (scripts/make-pdf-fixtures.mjs); each PDF must read as its text does: every table cell (extract),
 * and the same findings, each placed on its page.
 */
import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFile, parseReport, readInput, type LintMessage } from '../src/index.js';
import { extractValues } from '../src/cli/extract.js';
import { readPdf, MAX_PDF_PAGES } from '../src/readers/pdf.js';
import { DecodeError } from '../src/io/decode.js';
import { ROOT } from './support/root.js';

// reading a PDF takes a second or so; on a machine shared by many test runs, much longer: the limit only stops hangs
jest.setTimeout(300_000);

const DIR = join(ROOT, 'test/fixtures/pdf');

const fixture = (name: string) => join(DIR, name);

/** each fixture read once through pdf.js */
const pdfs = new Map<string, ReturnType<typeof readPdf>>();
const readFixture = (name: string) => {
  if (!pdfs.has(name)) pdfs.set(name, readPdf(readFileSync(fixture(name))));
  return pdfs.get(name)!;
};

/** name → the findings the text gives (as a check that the comparison compares something) */
const REPORTS: Record<string, string[]> = {
  'ruled-2021': [],
  'seed-001-ruled': [],
  'ruled-wrapped-balance-2021': ['balance', 'balance'],
  'unruled-review-2020': ['review-total'],
  'unruled-label-variant-2021': ['label-variant'],
};

async function extracted(path: string) {
  const input = await readInput(path);
  const parsed = parseReport(input.text, { filePath: path, kind: input.kind, place: input.place });
  const { filePath: _f, ...rest } = extractValues(parsed, path);
  // spaces between CJK characters and digits are not kept from a PDF (2021 年 → 2021年): the title without them
  return { ...rest, title: rest.title?.replace(/\s+/g, '') };
}

/** A finding as it must be the same in the PDF and in the text: rule, words, values, logical place. */
const comparable = (m: LintMessage) => ({
  ruleId: m.ruleId,
  severity: m.severity,
  message: m.message.replace(/（PDF 文件第 \d+ 页(?:第 \d+ 行)?）$/, ''),
  expected: m.expected,
  actual: m.actual,
  location: m.location,
});

describe.each(Object.keys(REPORTS))('%s.pdf', (name) => {
  test('extract: every table cell as in the text', async () => {
    const pdf = await extracted(fixture(`${name}.pdf`));
    const txt = await extracted(fixture(`${name}.txt`));
    expect(pdf).toEqual(txt);
    // every row of every table found and bound
    expect(pdf.unbound).toEqual([]);
    expect(Object.keys(pdf.tables).length).toBeGreaterThanOrEqual(4);
  });

  test('lint: the findings of the text, each with its page', async () => {
    const pdf = await lintFile(fixture(`${name}.pdf`));
    const txt = await lintFile(fixture(`${name}.txt`));
    expect(txt.messages.map((m) => m.ruleId)).toEqual(REPORTS[name]);
    expect(pdf.messages.map(comparable)).toEqual(txt.messages.map(comparable));
    const pages = (await readFixture(`${name}.pdf`)).pages;
    for (const m of pdf.messages) {
      expect(m.place).toBeDefined();
      expect(m.place!.page).toBeGreaterThanOrEqual(1);
      expect(m.place!.page).toBeLessThanOrEqual(pages);
      expect(m.message).toMatch(/（PDF 文件第 \d+ 页(?:第 \d+ 行)?）$/);
      expect(m.fix).toBeUndefined();
    }
  });
});

test('a table over two pages: one table, its repeated header not read as rows', async () => {
  const { text } = await readFixture('ruled-2021.pdf');
  expect(text.match(/^.*申请人情况.*$/gm)).toHaveLength(1);
  expect(text.match(/^结果维持\t/gm)).toHaveLength(1);
  // the rows of section 三 are consecutive lines: no blank line where the page broke
  const start = text.indexOf('一、本年新收');
  const end = text.indexOf('四、结转下年度继续办理');
  expect(text.slice(start, end)).not.toMatch(/\n\n/);
});

test('running header and page numbers dropped; CJK spaces and Kangxi radicals not in the text', async () => {
  const { text } = await readFixture('ruled-2021.pdf');
  // the running header (the title on every page) appears once: as the title
  expect(text.match(/桐柏区文化和旅游局2021年度政府信息公开工作年度报告/g) ?? []).toHaveLength(0);
  expect(text).not.toMatch(/— \d+ —/);
  expect(text).not.toMatch(/[\u2f00-\u2fdf]/);
  expect(text).toContain('\t（一）予以公开\t');
});

test('a label wrapped on two lines in its cell is one label', async () => {
  const { text } = await readFixture('ruled-wrapped-balance-2021.pdf');
  expect(text).toContain('\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t');
  expect(text).toContain('\t\t5.要求行政机关确认或重新出具已获取信息\t');
});

test('more pages than the limit: refused, the limit stated', async () => {
  expect(MAX_PDF_PAGES).toBeGreaterThanOrEqual(100);
  const bytes = readFileSync(fixture('ruled-2021.pdf'));
  await expect(readPdf(bytes, { maxPages: 2 })).rejects.toThrow(DecodeError);
  await expect(readPdf(bytes, { maxPages: 2 })).rejects.toThrow(/PDF 文件有 5 页，超过了可以读取的 2 页/);
});

test('a scanned page among text pages: a warning naming the page, the rest linted', async () => {
  const r = await lintFile(fixture('image-page.pdf'));
  expect(r.messages).toEqual([expect.objectContaining({ ruleId: null, severity: 1, message: expect.stringMatching(/^PDF 文件第 6 页没有文字.*OCR/) })]);
});
