/**
 * PDF input through the built command line: places in JSON, stylish and SARIF, `extract`, the messages and exit
 * codes of PDFs that cannot be read, and the fixture script itself (skipped, saying so, without Chromium).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport, readInput } from '../../src/index.js';
import { extractValues } from '../../src/cli/extract.js';
import { ROOT, runCli } from '../support/cli.js';

const DIR = join(ROOT, 'test/fixtures/pdf');
const fixture = (name: string) => join(DIR, name);

async function extracted(path: string) {
  const input = await readInput(path);
  const parsed = parseReport(input.text, { filePath: path, kind: input.kind, place: input.place });
  const { filePath: _f, ...rest } = extractValues(parsed, path);
  return { ...rest, title: rest.title?.replace(/\s+/g, '') };
}

test('places: JSON carries page, line and position on the page; stylish says the page', () => {
  const r = runCli(['--format', 'json', fixture('unruled-review-2020.pdf')]);
  expect(r.status).toBe(1);
  const [res] = JSON.parse(r.stdout);
  expect(res.messages).toHaveLength(1);
  const m = res.messages[0];
  expect(m.place).toMatchObject({ page: expect.any(Number), line: expect.any(Number), x: expect.any(Number), y: expect.any(Number), text: expect.stringMatching(/^第 \d+ 页/) });
  // A4 landscape: 842 × 595 points
  expect(m.place.x).toBeGreaterThan(0);
  expect(m.place.x).toBeLessThan(842);
  expect(m.place.y).toBeGreaterThan(0);
  expect(m.place.y).toBeLessThan(595);
  const s = runCli([fixture('unruled-review-2020.pdf')]);
  expect(s.stdout).toMatch(/review-total/);
  expect(s.stdout).toMatch(/（PDF 文件第 \d+ 页）/);
});

test('extract works on a PDF from the command line', () => {
  const r = runCli(['extract', fixture('ruled-2021.pdf')]);
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.tables.T3['r3_1']).toBeDefined();
  expect(out.unbound).toEqual([]);
});

describe('PDFs that cannot be read', () => {
  test('a scanned report (no text layer): says it needs OCR, exit 2', () => {
    const r = runCli([fixture('scanned.pdf')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/PDF 文件没有文字层.*OCR/);
  });


  test('a broken PDF (cut off): a clear message, exit 2, no stack trace', () => {
    const bytes = readFileSync(fixture('ruled-2021.pdf'));
    const r = runCli(['--stdin', '--stdin-filename', 'cut.pdf'], { input: bytes.subarray(0, 2000) });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/PDF/);
    expect(r.stdout + r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  test('an encrypted PDF: a clear message, exit 2', () => {
    const r = runCli([fixture('encrypted.pdf')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/PDF 文件有密码保护/);
  });

});

test('SARIF: the PDF as its artifact, each result with its place (page, position)', () => {
  const r = runCli(['--format', 'sarif', fixture('ruled-wrapped-balance-2021.pdf')]);
  expect(r.status).toBe(1);
  const log = JSON.parse(r.stdout);
  const run = log.runs[0];
  expect(run.artifacts[0].mimeType).toBe('application/pdf');
  expect(run.results).toHaveLength(2);
  for (const res of run.results) {
    expect(res.ruleId).toBe('balance');
    expect(res.properties.place).toMatchObject({ page: expect.any(Number), x: expect.any(Number), y: expect.any(Number), text: expect.stringMatching(/^第 \d+ 页/) });
  }
});

/** The fixture script, run again: Chromium and the fonts are needed, so the test is skipped (saying so) where they are missing. */
const chromium = spawnSync('chromium', ['--version'], { encoding: 'utf8' }).status === 0;
const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.includes('WenQuanYi Micro Hei') ?? false;
if (!chromium || !fonts) {
  process.stderr.write(
    `pdf.test.ts: ${!chromium ? 'chromium is not installed' : 'the font WenQuanYi Micro Hei is not installed'}; the test of scripts/make-pdf-fixtures.mjs is skipped (apt-get install chromium fonts-wqy-microhei fonts-noto-cjk to run it)\n`,
  );
}
(chromium && fonts ? test : test.skip)(
  'scripts/make-pdf-fixtures.mjs prints a report to a PDF that reads as the report',
  async () => {
    const out = mkdtempSync(join(tmpdir(), 'report-lint-pdf-'));
    try {
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts/make-pdf-fixtures.mjs'), '--out', out, '--only', 'ruled-wrapped-balance-2021'], { encoding: 'utf8', timeout: 240_000 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const made = await extracted(join(out, 'ruled-wrapped-balance-2021.pdf'));
      expect(made).toEqual(await extracted(fixture('ruled-wrapped-balance-2021.txt')));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
  300_000,
);

