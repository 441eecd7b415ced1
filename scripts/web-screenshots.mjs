/**
 * The screenshots of docs/web.md, taken in Chromium from the built page: seed 002 with its findings, and a
 * report with a wrong total with the finding clicked and its cell's information shown.
 * Usage: npm run build && node scripts/web-screenshots.mjs
 */
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'report-lint-shots-'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto(pathToFileURL(join(root, 'dist', 'web', 'report-lint.html')).href);
  // seed 001 with 一、本年新收's 总计 written 7
  const lines = readFileSync(join(root, 'samples', 'seeds', '001_3ae8912727f14c8a.txt'), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量\t'));
  const cells = lines[i].split('\t');
  let k = cells.length - 1;
  while (cells[k] === '') k--;
  cells[k] = '7';
  lines[i] = cells.join('\t');
  writeFileSync(join(tmp, '平湖市统计局2021年报.txt'), lines.join('\n'));
  await page.setInputFiles('#file-input', [join(root, 'samples', 'seeds', '002_e5e51e0cfe3bc0cf.txt'), join(tmp, '平湖市统计局2021年报.txt')]);
  await page.waitForFunction(() => document.querySelectorAll('#file-list button.file').length === 2);
  await page.locator('#file-list button.file').first().click();
  await page.locator('.finding').first().click();
  await page.screenshot({ path: join(root, 'docs', 'web-findings.png') });
  await page.locator('#file-list button.file').nth(1).click();
  await page.locator('.finding[data-rule="row-total"]').click();
  await page.locator('#report-view .hl').focus();
  await page.screenshot({ path: join(root, 'docs', 'web-cell.png') });
} finally {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
}
