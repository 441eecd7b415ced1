/**
 * `npm run bench:web`: the page's speed in a real Chromium (Debian's chromium, driven by playwright-core), and
 * the size of what is shipped. The built page is opened from disk; for each 10 KB report of samples/made:
 *   - the first lint() after the page has loaded (rules, formats and the dictionary made ready on first use);
 *   - lint() again, median and slowest of 20 runs;
 *   - opening the report as a person does (read, lint, read into the AST, draw the report and the findings).
 * Usage: node bench/web.mjs [--chromium PATH]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const page = join(root, 'dist', 'web', 'report-lint.html');
const argPath = process.argv.indexOf('--chromium');
const exe = [argPath > 0 ? process.argv[argPath + 1] : undefined, process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
if (!exe) {
  console.error('bench:web：没有找到 Chromium（apt-get install chromium，或设置 CHROMIUM_PATH）');
  process.exit(2);
}
if (!existsSync(page)) {
  console.error('bench:web：页面未构建，请先运行 npm run build');
  process.exit(2);
}

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const sizes = JSON.parse(readFileSync(join(root, 'dist', 'web', 'sizes.json'), 'utf8'));
console.log(`page: ${kb(statSync(page).size)} in one file (app ${kb(sizes.app)}, styles ${kb(sizes.css)}; embedded, run only when needed: ${Object.entries(sizes.lazy).map(([k, v]) => `${k} ${kb(v)}`).join(', ')})`);

const dir = join(root, 'samples', 'made');
const reports = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const p = await browser.newPage();
  const t0 = Date.now();
  await p.goto(pathToFileURL(page).href, { waitUntil: 'load' });
  const loaded = Date.now() - t0;
  // the page makes the engine ready right after it has loaded (rules, formats, dictionary, compiled schemas)
  await p.waitForFunction(() => globalThis.reportLintPage?.ready === true);
  console.log(`page load: ${loaded} ms; engine ready: ${Date.now() - t0} ms`);
  const first = await p.evaluate(([n, t]) => globalThis.reportLintPage.lintTimed(n, t), [reports[0].name, reports[0].text]);
  console.log(`first lint of a report after that (${reports[0].name}, ${kb(Buffer.byteLength(reports[0].text))}): ${first.ms.toFixed(1)} ms`);
  const rows = [];
  for (const r of reports) {
    const times = [];
    for (let i = 0; i < 20; i++) times.push((await p.evaluate(([n, t]) => globalThis.reportLintPage.lintTimed(n, t), [r.name, r.text])).ms);
    times.sort((a, b) => a - b);
    const o0 = await p.evaluate(async ([n, t]) => {
      const s = performance.now();
      await globalThis.reportLintPage.openText(n, t);
      return performance.now() - s;
    }, [r.name, r.text]);
    rows.push({ name: r.name, bytes: Buffer.byteLength(r.text), median: times[10], max: times[19], open: o0 });
  }
  console.log('report                                     size    lint median  lint max  open+draw');
  for (const r of rows) console.log(`${r.name.padEnd(42)} ${kb(r.bytes).padStart(6)} ${r.median.toFixed(1).padStart(9)} ms ${r.max.toFixed(1).padStart(7)} ms ${r.open.toFixed(1).padStart(7)} ms`);
  const all = rows.map((r) => r.median).sort((a, b) => a - b);
  const worst = Math.max(first.ms, ...rows.map((r) => r.max));
  console.log(`lint of a 10 KB report: median ${all[all.length >> 1].toFixed(1)} ms, slowest ${worst.toFixed(1)} ms (target < 100 ms): ${worst < 100 ? 'met' : 'NOT met'}`);
} finally {
  await browser.close();
}
