/**
 * `report-lint audit`: the scorecard's data (per agency and year: files, years missing, findings by rule, on time,
 * table totals), CSV and JSON, and the HTML page opened in Chromium (sorting, filtering, the chart, no network).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../support/root.js';
import { runCli, tempFolder as tempDir } from '../support/cli.js';

const FIX = join(ROOT, 'test/fixtures/crossyear');
const read = (name: string) => readFileSync(join(FIX, name), 'utf8');
const SIGNED = (date: string) => `\n六、其他需要报告的事项\n\n无。\n\n某某县统计局\n${date}\n`;

interface Audit {
  years: number[];
  agencies: Array<{
    agency: string;
    yearsMissing: number[];
    years: Array<{ year: number; files: string[]; errors: number; infos: number; byRule: Record<string, number>; published?: string; onTime: boolean | null; totals: Record<string, number | null> }>;
  }>;
  unidentified: Array<{ filePath: string; reason: string }>;
  totals: { files: number; agencies: number; byRuleAndYear: Record<string, Record<string, number>> };
}

/** a set: one agency 2020–2021 (a carry error in 2021, published late), one 2021–2022 (a stock question), one 2022 alone, one unnamed file */
function makeSet(dir: string): void {
  mkdirSync(join(dir, 'a'), { recursive: true });
  writeFileSync(join(dir, 'a/2020.txt'), read('carry-2020.txt') + SIGNED('2021年1月25日'));
  writeFileSync(join(dir, 'a/2021.txt'), read('carry-2021-bad.txt') + SIGNED('2022年2月20日'));
  writeFileSync(join(dir, 'b-2021.txt'), read('stock-2021.txt'));
  writeFileSync(join(dir, 'b-2022.txt'), read('stock-2022-lower.txt'));
  writeFileSync(join(dir, 'c.txt'), read('copy-2022-rewritten.txt'));
  writeFileSync(join(dir, 'notes.txt'), '这是一份说明，不是年度报告。\n');
}

describe('audit data', () => {
  const t = tempDir();
  beforeAll(() => makeSet(t.dir));
  afterAll(() => t.done());

  test('JSON: agencies and years, years missing, findings by rule, on time, totals side by side', () => {
    const r = runCli(['audit', t.dir, '--rule', 'section-missing:off', '--format', 'json']);
    expect(r.code).toBe(1);
    const a = JSON.parse(r.stdout) as Audit;
    expect(a.years).toEqual([2020, 2021, 2022]);
    expect(a.agencies.map((x) => [x.agency, x.years.map((y) => y.year), x.yearsMissing])).toEqual([
      ['某某市司法局', [2021, 2022], []],
      ['某某县统计局', [2020, 2021], [2022]],
      ['某某县自然资源局', [2022], []],
    ]);
    const stat = a.agencies.find((x) => x.agency === '某某县统计局')!;
    expect(stat.years.map((y) => [y.published, y.onTime])).toEqual([
      ['2021-01-25', true],
      ['2022-02-20', false],
    ]);
    expect(stat.years[1].byRule).toEqual({ 'xy-carry': 2 });
    expect(stat.years.map((y) => [y.totals.applications, y.totals.carriedOver, y.totals.carriedForward])).toEqual([
      [17, 1, 3],
      [26, 4, 4],
    ]);
    const just = a.agencies.find((x) => x.agency === '某某市司法局')!;
    expect(just.years[1]).toMatchObject({ infos: 1, byRule: { 'xy-stock': 1 }, onTime: null });
    expect(a.unidentified.map((u) => u.filePath)).toEqual([join(t.dir, 'notes.txt')]);
    expect(a.totals.byRuleAndYear['xy-carry']).toEqual({ 2021: 2 });
  });

  test('CSV: a row per agency and year, with a BOM, quoted where needed', () => {
    const r = runCli(['audit', t.dir, '--rule', 'section-missing:off', '--format', 'csv']);
    const lines = r.stdout.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    expect(lines[0].split(',').slice(0, 6)).toEqual(['机关', '年度', '文件', '错误', '警告', '提示']);
    expect(lines.filter((l) => l.startsWith('某某县统计局,2021,'))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('（未识别'))).toBe(true);
  });

  test('the output format follows -o; a format audit does not write is a usage error', () => {
    const out = join(t.dir, 'out', 'card.csv');
    expect(runCli(['audit', t.dir, '-o', out]).code).toBe(1);
    expect(readFileSync(out, 'utf8').startsWith('\uFEFF机关,')).toBe(true);
    const bad = runCli(['audit', t.dir, '--format', 'stylish']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/audit 的输出格式「stylish」无效/);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM_PATH].find((p) => p && existsSync(p));
if (!CHROMIUM) console.log('audit.test.ts: Chromium not found (/usr/bin/chromium or CHROMIUM_PATH): the HTML scorecard test is skipped');
const inBrowser = CHROMIUM ? describe : describe.skip;

inBrowser('the HTML scorecard in Chromium', () => {
  const t = tempDir();
  const page = join(t.dir, 'card.html');
  beforeAll(() => {
    makeSet(t.dir);
    const r = runCli(['audit', t.dir, '--rule', 'section-missing:off', '-o', page]);
    expect(r.code).toBe(1);
  });
  afterAll(() => t.done());

  test('opens without network, sorts, filters, shows the chart and links to the places', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const ctx = await browser.newContext();
      const requested: string[] = [];
      await ctx.route('**/*', (route) => {
        const url = route.request().url();
        if (!url.startsWith('file:')) requested.push(url);
        return url.startsWith('file:') ? route.continue() : route.abort();
      });
      const p = await ctx.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(String(e)));
      await p.goto(pathToFileURL(page).href);
      const agencies = () => p.$$eval('#scores tbody tr:not([hidden]) td:first-child', (tds) => tds.map((td) => td.textContent));
      const years = () => p.$$eval('#scores tbody tr:not([hidden]) td:nth-child(2)', (tds) => tds.map((td) => Number(td.textContent)));
      expect(await agencies()).toHaveLength(5);
      // sort by errors, descending on the second click
      await p.click('#scores th:nth-child(4)');
      await p.click('#scores th:nth-child(4)');
      const errs = await p.$$eval('#scores tbody tr td:nth-child(4)', (tds) => tds.map((td) => Number(td.textContent)));
      expect(errs).toEqual([...errs].sort((a, b) => b - a));
      expect(await p.getAttribute('#scores th:nth-child(4)', 'aria-sort')).toBe('descending');
      await p.click('#scores th:nth-child(2)');
      expect(await years()).toEqual([...(await years())].sort((a, b) => a - b));
      // filter
      await p.fill('#filter', '统计局');
      expect(new Set(await agencies())).toEqual(new Set(['某某县统计局']));
      expect(await p.textContent('#shown')).toBe('显示 2 / 5 行');
      await p.fill('#filter', '');
      await p.check('#only-errors');
      expect((await agencies()).length).toBeGreaterThan(0);
      // the chart: a bar for xy-carry in 2021
      expect(await p.$$eval('#chart rect[data-rule="xy-carry"]', (rs) => rs.map((r) => r.getAttribute('data-year')))).toEqual(['2021']);
      // findings link to the file and line
      const href = await p.getAttribute('#agency-1 li a', 'href');
      expect(href).toMatch(/^file:\/\/.*2021\.txt#L9$/);
      expect(errors).toEqual([]);
      expect(requested).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
