/**
 * The reviewer's desk (issue 11) served by `report-lint web`, in a real Chromium: each seed, a page, a .docx and
 * a GB18030 text give the CLI's findings; a finding clicked shows its cell; a typo edited in the page goes away,
 * the fixed file is downloaded in its own encoding and line breaks; the review exported as .xlsx reads back; and
 * the page makes no network request after it has loaded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import type { Browser, Page, Request } from 'playwright-core';
import { reportDocx } from '../support/docx.js';
import { LIMIT, ARTIFACTS, cliFindings, describeInBrowser, launch, openFiles, selectFile, shownFindings } from '../support/browser.js';
import { BIN, ROOT, runCli, runJson, tempFolder } from '../support/cli.js';
import { sample, seedWithWrongTotal, withEol } from '../support/reports.js';

const SEEDS = readdirSync(join(ROOT, 'samples', 'seeds')).filter((f) => f.endsWith('.txt')).sort();

describeInBrowser('report-lint web, in Chromium', () => {
  let server: ChildProcess;
  let url: string;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let done: () => void;
  const requests: string[] = [];

  beforeAll(async () => {
    ({ dir, done } = tempFolder('report-lint-web-'));
    server = spawn(process.execPath, [BIN, 'web', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (d) => {
        out += d;
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) resolve(m[0]);
      });
      server.once('exit', (code) => reject(new Error(`report-lint web exited (${code}): ${out}`)));
    });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    page.setDefaultTimeout(LIMIT / 2);
    page.on('pageerror', (e) => requests.push(`page error: ${e.message}`));
    await page.goto(url);
    // from here on, every request the page makes is recorded (blob: URLs of downloads are not requests to anywhere)
    page.on('request', (r: Request) => {
      if (!/^(blob|data):/.test(r.url())) requests.push(r.url());
    });
  }, LIMIT);

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    done?.();
  }, LIMIT);

  test('the server gives the page with its policy, and nothing else', async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'none'");
    expect(await res.text()).toContain('年度报告审核台');
    expect((await fetch(url + 'x.js')).status).toBe(404);
    expect((await fetch(url, { method: 'POST', body: 'report' })).status).toBe(405);
  }, LIMIT);

  test('each seed: the file list counts and the findings are the CLI\'s (rule, message, line, column)', async () => {
    await openFiles(page, SEEDS.map((s) => join(ROOT, 'samples', 'seeds', s)));
    const cli = runJson(['--no-config', ...SEEDS.map((s) => join('samples', 'seeds', s))]).results;
    for (const [i, seed] of SEEDS.entries()) {
      const counts = page.locator(`#file-list button.file[data-file="${seed}"] .file-counts`);
      expect(await counts.getAttribute('data-errors')).toBe(String(cli[i].errorCount));
      expect(await counts.getAttribute('data-warnings')).toBe(String(cli[i].warningCount));
      await selectFile(page, seed);
      expect(await shownFindings(page)).toEqual(cliFindings(cli[i].messages));
    }
    await selectFile(page, SEEDS[2]);
    await page.screenshot({ path: join(ARTIFACTS, 'seed-002.png') });
  }, LIMIT);

  test('a page from samples/pages: the findings and their places (第 n 个表格第 r 行第 c 格) are the CLI\'s', async () => {
    const file = join(ROOT, 'samples', 'pages', 'PT2019.html');
    await openFiles(page, [file]);
    await selectFile(page, 'PT2019.html');
    const cli = runJson(['--no-config', file]).results[0];
    expect(await shownFindings(page)).toEqual(cliFindings(cli.messages));
    // the tables are drawn as grids with their numbers
    expect(await page.locator('#report-view table.r-table').count()).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: join(ARTIFACTS, 'page-PT2019.png') });
  }, LIMIT);

  test('a .docx (its reader run only then) gives the CLI\'s findings, cells found by table, row and column', async () => {
    const file = join(dir, '统计局年报.docx');
    writeFileSync(file, await reportDocx({ t3Cell: ['r1', 3, '5'], heading5: '五、存在的问题及改进情况' }));
    expect(await page.evaluate(() => (globalThis as any).reportLintPage.lazyLoaded('mammoth'))).toBe(false);
    await openFiles(page, [file]);
    await selectFile(page, '统计局年报.docx');
    expect(await page.evaluate(() => (globalThis as any).reportLintPage.lazyLoaded('mammoth'))).toBe(true);
    const cli = runJson(['--no-config', file]).results[0];
    expect(cli.messages.length).toBeGreaterThan(0);
    expect(await shownFindings(page)).toEqual(cliFindings(cli.messages));
    // every finding on a cell is marked on that cell of the grid
    for (const m of cli.messages.filter((x) => x.location?.column)) {
      const loc = m.location!;
      const cell = page.locator(`td[data-table="${loc.table}"][data-row="${loc.row}"][data-column="${loc.column}"]`);
      expect(await cell.getAttribute('class')).toMatch(/f-(error|warn)/);
    }
  }, LIMIT);

  test('click a finding: its cell is highlighted and scrolled to, with the cells of its relation', async () => {
    const file = join(dir, 'wrong-total.txt');
    writeFileSync(file, seedWithWrongTotal());
    await openFiles(page, [file]);
    await selectFile(page, 'wrong-total.txt');
    const cli = runJson(['--no-config', file]).results[0];
    const m = cli.messages.find((x) => x.ruleId === 'row-total')!;
    expect(m).toBeDefined();
    await page.locator(`.finding[data-rule="row-total"][data-line="${m.line}"]`).first().click();
    const hl = page.locator('#report-view .hl');
    await expect(hl.count()).resolves.toBe(1);
    expect(await hl.getAttribute('data-row')).toBe(m.location!.row);
    expect(await hl.getAttribute('data-column')).toBe(m.location!.column);
    expect(await hl.evaluate((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })).toBe(true);
    const related = await page.locator('#report-view .hl-related').evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.row}.${(e as HTMLElement).dataset.column}`));
    const rel = (m as { related?: Array<{ location?: Record<string, string> }> }).related ?? [];
    expect(related.sort()).toEqual(rel.map((r) => `${r.location!.row}.${r.location!.column}`).sort());
    // focusing a cell shows what the language server's hover shows: its row and column, and its relations with their sums
    await hl.focus();
    const info = await page.locator('#cell-info').innerText();
    expect(info).toContain('行：一、本年新收政府信息公开申请数量');
    expect(info).toContain('列：总计');
    expect(info).toMatch(/row-total.*不成立/s);
    // errors and warnings are told apart without colour: a ✖ or a ▲ before the cell's value, solid or dashed frames
    expect(await hl.evaluate((e) => getComputedStyle(e, '::before').content)).toBe('"✖"');
    await page.screenshot({ path: join(ARTIFACTS, 'finding-clicked.png') });
  }, LIMIT);

  test('a GB18030 report with CRLF: typo edited in the page goes away; the fixed file downloaded is the CLI\'s --fix, byte for byte', async () => {
    const text = withEol(sample('seeds/002_e5e51e0cfe3bc0cf.txt'), 'CRLF');
    const file = join(dir, '辽中区-gbk.txt');
    writeFileSync(file, iconv.encode(text, 'gb18030'));
    await openFiles(page, [file]);
    await selectFile(page, '辽中区-gbk.txt');
    expect(await page.locator('#doc-encoding').innerText()).toContain('GB18030');
    const cli = runJson(['--no-config', file]).results[0];
    expect(await shownFindings(page)).toEqual(cliFindings(cli.messages));
    const before = cli.messages.filter((m) => m.ruleId === 'label-variant').length;
    expect(before).toBe(5);

    await page.locator('#tab-editor').click();
    // select the extra 到 of 一、本年新收到政府信息公开申请数量 and delete it with the keyboard
    await page.evaluate(() => {
      const view = (globalThis as any).reportLintPage.editorView();
      const doc: string = view.state.doc.toString();
      const at = doc.indexOf('本年新收到') + 4;
      view.dispatch({ selection: { anchor: at, head: at + 1 } });
      view.focus();
    });
    await page.keyboard.press('Backspace');
    await page.waitForFunction((n) => document.querySelectorAll('.finding[data-rule="label-variant"]').length === n, before - 1);
    expect(await page.locator('.finding-msg', { hasText: '本年新收到' }).count()).toBe(0);
    // a warning's mark on the report: ▲ and a dashed frame
    await page.locator('#tab-report').click();
    const warned = page.locator('#report-view th.f-warn').first();
    expect(await warned.evaluate((e) => [getComputedStyle(e, '::before').content, getComputedStyle(e).outlineStyle])).toEqual(['"▲"', 'dashed']);
    await page.locator('#tab-editor').click();
    await page.screenshot({ path: join(ARTIFACTS, 'editor.png') });

    // the rest by the engine's fixes, then download
    await page.locator('#fix-all').click();
    await page.waitForFunction(() => document.querySelectorAll('.finding[data-rule="label-variant"]').length === 0, undefined);
    // the GB18030 encoder (iconv-lite) is run only now, when a file is written back in it
    expect(await page.evaluate(() => (globalThis as any).reportLintPage.lazyLoaded('iconv'))).toBe(false);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#download-fixed').click()]);
    expect(await page.evaluate(() => (globalThis as any).reportLintPage.lazyLoaded('iconv'))).toBe(true);
    expect(dl.suggestedFilename()).toBe('辽中区-gbk.txt');
    const got = join(dir, 'downloaded.txt');
    await dl.saveAs(got);
    const copy = join(dir, 'cli-fixed.txt');
    copyFileSync(file, copy);
    expect(runCli(['--no-config', '--fix', copy]).code).toBe(0);
    expect(readFileSync(got).equals(readFileSync(copy))).toBe(true);
    expect(iconv.decode(readFileSync(got), 'gb18030')).toContain('一、本年新收政府信息公开申请数量\r\n');
  }, LIMIT);

  test('the 审核意见表 exported as .xlsx reads back with every finding of every file', async () => {
    const total = await page.evaluate(() => (globalThis as any).reportLintPage.files.reduce((n: number, f: any) => n + f.result.messages.length, 0));
    const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('#export-xlsx').click()]);
    expect(dl.suggestedFilename()).toBe('审核意见表.xlsx');
    const path = join(dir, 'review.xlsx');
    await dl.saveAs(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.getWorksheet('审核意见表')!;
    expect(ws.getRow(1).values).toEqual([undefined, '序号', '文件', '严重程度', '部分', '表格', '行', '列', '位置', '问题', '应为', '实际', '规则']);
    expect(ws.rowCount).toBe(total + 1);
    const rows: string[][] = [];
    ws.eachRow((r, i) => i > 1 && rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const rowTotal = rows.find((r) => r[1] === 'wrong-total.txt' && r[11] === 'row-total')!;
    expect(rowTotal[2]).toBe('错误');
    expect(rowTotal[3]).toBe('三、收到和处理政府信息公开申请情况');
    expect(rowTotal[5]).toBe('一、本年新收政府信息公开申请数量');
    expect(rowTotal[6]).toBe('总计');
    expect(rowTotal[9]).not.toBe('');
    const summary = wb.getWorksheet('文件汇总')!;
    expect(summary.rowCount).toBe((await page.locator('#file-list button.file').count()) + 1);
  }, LIMIT);

  test('no network request of any kind after the page has loaded', () => {
    expect(requests).toEqual([]);
  }, LIMIT);
});
