/**
 * A real Chromium for the page's tests (Debian's `chromium` package, driven by playwright-core; nothing is
 * downloaded). Where none is installed, the tests say so in one line and are skipped.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './root.js';

// CHROMIUM_PATH, when set, is the only one tried (set it to a path that does not exist to see the tests skipped)
const CANDIDATES = process.env.CHROMIUM_PATH !== undefined ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM = CANDIDATES.find((p) => existsSync(p));
export const PAGE_FILE = join(ROOT, 'dist', 'web', 'report-lint.html');
/** a limit for each test and hook of the page's tests, only to stop a hang (a busy machine is slow) */
export const LIMIT = 300_000;
/** screenshots and downloads of the page tests (git-ignored) */
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'web');

/** `describe` where a Chromium is installed; elsewhere `describe.skip`, said once. */
export function describeInBrowser(name: string, fn: () => void): void {
  if (CHROMIUM) {
    describe(name, fn);
    return;
  }
  // one line, without jest's console decoration
  process.stderr.write(`跳过浏览器测试「${name}」：没有找到 Chromium（apt-get install chromium fonts-noto-cjk，或设置 CHROMIUM_PATH）\n`);
  describe.skip(name, fn);
}

export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

export interface ShownFinding {
  rule: string;
  line: number;
  column: number;
  place: string;
  message: string;
}

/** The findings the page shows for the current file, as (rule, line, column, place, message), sorted. */
export async function shownFindings(page: Page): Promise<ShownFinding[]> {
  const list = await page.$$eval('.finding', (els) =>
    els.map((e) => ({
      rule: (e as HTMLElement).dataset.rule ?? '',
      line: Number((e as HTMLElement).dataset.line),
      column: Number((e as HTMLElement).dataset.column),
      place: (e as HTMLElement).dataset.place ?? '',
      message: e.querySelector('.finding-msg')?.textContent ?? '',
    })),
  );
  return sortFindings(list);
}

export function sortFindings(list: ShownFinding[]): ShownFinding[] {
  return [...list].sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message));
}

/** The CLI's JSON messages in the same shape. */
export function cliFindings(messages: Array<{ ruleId: string | null; line: number; column: number; message: string; place?: { text: string } }>): ShownFinding[] {
  return sortFindings(messages.map((m) => ({ rule: m.ruleId ?? '', line: m.line, column: m.column, place: m.place?.text ?? '', message: m.message })));
}

/** Open files through the page's file picker and wait until they are listed. */
export async function openFiles(page: Page, paths: string[]): Promise<void> {
  const before = await page.locator('#file-list button.file').count();
  await page.setInputFiles('#file-input', paths);
  await page.waitForFunction((n) => document.querySelectorAll('#file-list button.file').length === n, before + paths.length);
}

/** Show one opened file (by its name) and wait until its findings are drawn. */
export async function selectFile(page: Page, name: string): Promise<void> {
  await page.locator(`#file-list button.file[data-file="${name}"]`).click();
  await page.waitForFunction((n) => document.getElementById('doc-name')?.textContent === n, name);
}
