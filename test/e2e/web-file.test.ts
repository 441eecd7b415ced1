/**
 * The self-contained page opened from disk (file://), in a real Chromium: it reads reports without any server,
 * its settings (preset, rule switches, a .reportlintrc.json, a forced format) give what the CLI gives with the
 * same settings, the table data exported is `report-lint extract`'s, the printable 审核意见表 lists every
 * finding, and it makes no request at all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { LIMIT, ARTIFACTS, cliFindings, describeInBrowser, launch, openFiles, PAGE_FILE, selectFile, shownFindings } from '../support/browser.js';
import { ROOT, runCli, runJson, tempFolder } from '../support/cli.js';

const SEED_000 = join(ROOT, 'samples', 'seeds', '000_fdd122682e06667e.txt');
const SEED_003 = join(ROOT, 'samples', 'seeds', '003_ee5b6e7281e715ed.txt');
const PAGE_2021 = join(ROOT, 'samples', 'pages', 'PT2021.html');

describeInBrowser('the page opened from disk (file://), in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  let done: () => void;
  const requests: string[] = [];

  beforeAll(async () => {
    ({ dir, done } = tempFolder('report-lint-web-'));
    browser = await launch();
    // 125 % zoom: a 1536-pixel-wide screen seen through a device scale of 1.25
    page = await browser.newPage({ viewport: { width: 1229, height: 800 }, deviceScaleFactor: 1.25 });
    page.setDefaultTimeout(LIMIT / 2);
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => requests.push(`page error: ${e.message}`));
    await page.goto(pathToFileURL(PAGE_FILE).href);
  }, LIMIT);

  afterAll(async () => {
    await browser?.close();
    done?.();
  }, LIMIT);

  test('a seed and a page read from disk give the CLI\'s findings', async () => {
    await openFiles(page, [SEED_000, PAGE_2021]);
    const cli = runJson(['--no-config', SEED_000, PAGE_2021]).results;
    await selectFile(page, '000_fdd122682e06667e.txt');
    expect(await shownFindings(page)).toEqual(cliFindings(cli[0].messages));
    await page.screenshot({ path: join(ARTIFACTS, 'seed-000-125pct.png') });
    await selectFile(page, 'PT2021.html');
    expect(await shownFindings(page)).toEqual(cliFindings(cli[1].messages));
    await page.screenshot({ path: join(ARTIFACTS, 'page-PT2021-125pct.png') });
  }, LIMIT);

  test('UTF-16 text, with and without a BOM, is decoded in the page as the CLI decodes it', async () => {
    const text = readFileSync(SEED_003, 'utf8');
    const le = join(dir, 'utf16le-bom.txt');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = join(dir, 'utf16be.txt');
    writeFileSync(be, Buffer.from(text, 'utf16le').swap16());
    await openFiles(page, [le, be]);
    const cli = runJson(['--no-config', le, be]).results;
    expect(cli[0].messages.length).toBeGreaterThan(0);
    await selectFile(page, 'utf16le-bom.txt');
    expect(await page.locator('#doc-encoding').innerText()).toContain('UTF-16 LE（带 BOM）');
    expect(await shownFindings(page)).toEqual(cliFindings(cli[0].messages));
    await selectFile(page, 'utf16be.txt');
    expect(await page.locator('#doc-encoding').innerText()).toContain('UTF-16 BE');
    expect(await shownFindings(page)).toEqual(cliFindings(cli[1].messages));
  }, LIMIT);

  test('the table data exported as JSON is `report-lint extract`\'s; CSV has one line a value, blank cells empty', async () => {
    await selectFile(page, '000_fdd122682e06667e.txt');
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    const got = JSON.parse(readFileSync(await json.path(), 'utf8'));
    const cli = JSON.parse(runCli(['extract', '--no-config', SEED_000]).stdout);
    expect({ ...got, filePath: '' }).toEqual({ ...cli, filePath: '' });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
    const lines = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('表格,行,列,行名称,列名称,数值');
    const values = Object.values(cli.tables as Record<string, Record<string, Record<string, number | null>>>).flatMap((rows) => Object.values(rows).flatMap((cols) => Object.values(cols)));
    expect(lines.length - 1).toBe(values.length);
    const r1 = lines.find((l) => l.startsWith('T3,r1,natural,'))!;
    expect(r1).toBe(`T3,r1,natural,一、本年新收政府信息公开申请数量,自然人,${cli.tables.T3.r1.natural ?? ''}`);
  }, LIMIT);

  test('settings: a rule switched off, the strict preset, a forced format and a .reportlintrc.json give the CLI\'s findings with the same settings', async () => {
    await selectFile(page, '000_fdd122682e06667e.txt');
    await page.locator('.settings summary').click();
    const same = async (args: string[]) => expect(await shownFindings(page)).toEqual(cliFindings(runJson(['--no-config', ...args, SEED_000]).results[0].messages));

    await page.selectOption('#rule-label-variant', 'off');
    await same(['--rule', 'label-variant:off']);
    await page.selectOption('#rule-label-variant', 'default');
    await page.selectOption('#preset', 'report-lint:strict');
    const strict = join(dir, 'strict.json');
    writeFileSync(strict, JSON.stringify({ extends: 'report-lint:strict' }));
    expect(await page.locator('.finding.f-error').count()).toBeGreaterThan(0);
    expect(await shownFindings(page)).toEqual(cliFindings(runJson(['--config', strict, SEED_000]).results[0].messages));
    await page.selectOption('#preset', 'report-lint:recommended');
    await page.selectOption('#force-format', '2021');
    await same(['--report-format', '2021']);
    expect(await page.locator('.format-note').innerText()).toContain('2021');
    await page.selectOption('#force-format', '');

    const rc = join(dir, '.reportlintrc.json');
    writeFileSync(rc, JSON.stringify({ rules: { 'cell-empty': 'error', 'prose-typo': 'off' } }));
    await page.setInputFiles('#config-input', rc);
    await page.waitForFunction(() => document.getElementById('config-name')?.textContent?.includes('.reportlintrc.json'));
    expect(await shownFindings(page)).toEqual(cliFindings(runJson(['--config', rc, SEED_000]).results[0].messages));
    // a configuration with a mistake is refused with the CLI's message, and the page keeps its settings
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ rules: { 'cel-empty': 'off' } }));
    await page.setInputFiles('#config-input', bad);
    await page.waitForFunction(() => document.getElementById('status')?.classList.contains('error'));
    expect(await page.locator('#status').innerText()).toContain('是否想写「cell-empty」');
    await page.locator('#clear-config').click();
    await same([]);
  }, LIMIT);

  test('the printable 审核意见表 lists every finding of every file, and only it is printed', async () => {
    const total = await page.evaluate(() => (globalThis as any).reportLintPage.files.reduce((n: number, f: any) => n + f.result.messages.length, 0));
    // window.print() is a no-op here; the print view is filled before it is called
    await page.evaluate(() => (window.print = () => undefined));
    await page.locator('#export-print').click();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#print-view').isVisible()).toBe(true);
    expect(await page.locator('.desk').isVisible()).toBe(false);
    expect(await page.locator('#print-view tbody tr').count()).toBe(total);
    await page.screenshot({ path: join(ARTIFACTS, 'print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  }, LIMIT);

  test('pasted text is read like a file', async () => {
    await page.locator('#paste').click();
    await page.fill('#paste-text', readFileSync(SEED_003, 'utf8'));
    await page.locator('#paste-form button[type="submit"]').click();
    await page.waitForFunction(() => document.getElementById('doc-name')?.textContent?.startsWith('粘贴的报告'));
    expect(await shownFindings(page)).toEqual(cliFindings(runJson(['--no-config', SEED_003]).results[0].messages));
  }, LIMIT);

  test('the keyboard reaches the findings and the cells; a cell focused shows its place in the format', async () => {
    await selectFile(page, '000_fdd122682e06667e.txt');
    const first = page.locator('.finding').first();
    await first.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('#report-view .hl').count()).toBe(1);
    const cell = page.locator('td.r-cell[data-row="r1"][data-column="natural"]').first();
    await cell.focus();
    expect(await page.locator('#cell-info').innerText()).toContain('列：自然人');
  }, LIMIT);

  test('no request at all besides the page itself', () => {
    expect(requests).toEqual([pathToFileURL(PAGE_FILE).href]);
  }, LIMIT);
});
