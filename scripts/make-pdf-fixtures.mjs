#!/usr/bin/env node
/**
 * Make the PDF fixtures of test/fixtures/pdf/ the way agencies make their PDFs: a report laid out as a Word-like
 * page (title, headings, paragraphs, tables with merged cells) is printed to PDF by headless Chromium with a CJK
 * font from Debian (fonts-noto-cjk). Each PDF is made from a report of the project written as text (samples/made),
 * whose copy sits beside it (NAME.txt), so the tests can check that the PDF lints like the text.
 *
 *   node scripts/make-pdf-fixtures.mjs [--out DIR] [--only NAME]
 *   # needs chromium, fonts-wqy-microhei, fonts-noto-cjk, poppler-utils (pdftoppm), qpdf
 *
 * The tests read the committed PDFs; they never need Chromium. The fonts: WenQuanYi Micro Hei (fonts-wqy-microhei,
 * TrueType, embedded as a subset as Word embeds 宋体) with Noto CJK (fonts-noto-cjk) as fallback; qpdf makes the
 * encrypted one.
 *
 * Tables: a block of tab-separated lines is a table (split into several at caption rows such as 第二十条第（一）项);
 * its rows before the first row with numbers are its header (<thead>, repeated by Chromium on every page the
 * table runs over). Merged cells come from the text as Word makes them: a header cell followed by empty cells
 * spans them (colspan); a label cell with empty cells under it spans those rows (rowspan); the last label of a row
 * spans the label columns up to the numbers, which are right-aligned under their columns.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// --out DIR: write there instead (the test of this script); --only NAME: that fixture only
const argv = process.argv.slice(2);
const opt = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const out = resolve(opt('--out') ?? join(root, 'test/fixtures/pdf'));
const only = opt('--only');

/** name → [source report, layout options] */
const FIXTURES = {
  // ruled tables, section 三's table over two pages with its header repeated, page header and footer with page numbers
  'ruled-2021': { source: 'samples/made/ok--2021-tab.txt', ruled: true, labelWidth: '34mm', runningHeader: true },
  // the same arithmetic error as the text: balance findings, ruled; narrow label columns so long labels wrap in their cells
  'ruled-wrapped-balance-2021': { source: 'samples/made/balance--2021-tab.txt', ruled: true, labelWidth: '22mm', fontSize: '10pt' },
  // tables without ruling lines (2019 format, a review-total finding), page numbers in the footer
  'unruled-review-2020': { source: 'samples/made/review-total--2020-tab.txt', ruled: false, labelWidth: '30mm', landscape: true, valign: 'top' },
  // a real report (seed 001, 2021 format, as its agency wrote it), ruled, in the default page set-up
  'seed-001-ruled': { source: 'samples/seeds/001_3ae8912727f14c8a.txt', ruled: true, labelWidth: '30mm', runningHeader: true },
  // a label typo in an unruled table
  'unruled-label-variant-2021': { source: 'samples/made/label-variant--2021-tab.txt', ruled: false, labelWidth: '32mm', landscape: true, valign: 'top' },
};

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const isNumber = (s) => /^[-+]?[\d,]+(\.\d+)?$/.test(s.trim());
const HEADING = /^[一二三四五六七八九十]+、\S/;

/** The text of a report → the body of its page. */
function reportHtml(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const html = [];
  let i = 0;
  let titleLines = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.includes('\t')) {
      const block = [];
      while (i < lines.length && lines[i].includes('\t')) block.push(lines[i++].split('\t'));
      for (const t of splitAtCaptions(block)) html.push(tableHtml(t));
      continue;
    }
    i++;
    const s = line.trim();
    if (!s) continue;
    if (HEADING.test(s) && s.length < 40) html.push(`<h2>${esc(s)}</h2>`);
    else if (titleLines < 2 && !html.some((h) => h.startsWith('<h2'))  && s.length < 40) {
      html.push(`<h1>${esc(s)}</h1>`);
      titleLines++;
    } else html.push(`<p>${esc(s)}</p>`);
  }
  return html.join('\n');
}

/** Rows whose only text is their first cell (第二十条第（一）项) open a table of their own. */
function splitAtCaptions(block) {
  const tables = [];
  for (const row of block) {
    const caption = row[0].trim() !== '' && row.slice(1).every((c) => c.trim() === '');
    if (caption || !tables.length) tables.push([]);
    tables[tables.length - 1].push(row);
  }
  return tables;
}

function tableHtml(rows) {
  const trimmed = rows.map((r) => {
    const c = r.map((x) => x.trim());
    while (c.length > 1 && c[c.length - 1] === '') c.pop();
    return c;
  });
  const firstData = trimmed.findIndex((r) => r.some(isNumber));
  const head = firstData < 0 ? trimmed.length : firstData;
  const data = trimmed.slice(head).map((r) => {
    const k = r.findIndex(isNumber);
    return { labels: k < 0 ? r : r.slice(0, k), values: k < 0 ? [] : r.slice(k) };
  });
  const L = Math.max(0, ...data.map((d) => d.labels.length));
  const N = Math.max(0, ...data.map((d) => d.values.length));
  const W = Math.max(L + N, ...trimmed.slice(0, head).map((r) => r.length));
  // the grid: each slot is owned by a cell {text, r, c, rs, cs}
  const grid = [];
  const cells = [];
  const own = (r, c, cell) => ((grid[r] ??= [])[c] = cell);
  const add = (r, c, text) => {
    const cell = { text, r, c, rs: 1, cs: 1 };
    cells.push(cell);
    own(r, c, cell);
    return cell;
  };
  /** extend the cell above down over [c, c + its width) when those slots are free in row r */
  const extendDown = (r, c, free) => {
    const above = grid[r - 1]?.[c];
    if (!above || above.c !== c || !above.text) return false;
    for (let x = c; x < c + above.cs; x++) if (!free(x)) return false;
    above.rs++;
    for (let x = c; x < c + above.cs; x++) own(r, x, above);
    return true;
  };
  for (let r = 0; r < head; r++) {
    const row = trimmed[r];
    const free = (x) => x >= row.length || row[x] === '';
    let last;
    for (let c = 0; c < W; c++) {
      if (grid[r]?.[c]) continue;
      const text = c < row.length ? row[c] : '';
      if (text === '' && extendDown(r, c, free)) {
        last = undefined;
        continue;
      }
      if (text === '' && last && last.r === r) {
        last.cs++;
        own(r, c, last);
        continue;
      }
      last = add(r, c, text);
    }
  }
  data.forEach((d, i) => {
    const r = head + i;
    const labelEnd = W - d.values.length; // label slots [0, labelEnd)
    const free = (x) => x >= d.labels.length || d.labels[x] === '';
    let lastLabel;
    for (let c = 0; c < labelEnd; c++) {
      if (grid[r]?.[c]) continue;
      const text = c < d.labels.length ? d.labels[c] : '';
      if (text === '' && c < d.labels.length && extendDown(r, c, free)) continue;
      if (text === '' && lastLabel) {
        lastLabel.cs++;
        own(r, c, lastLabel);
        continue;
      }
      if (text === '' && c >= d.labels.length && extendDown(r, c, free)) continue;
      lastLabel = add(r, c, text);
    }
    d.values.forEach((v, j) => add(r, labelEnd + j, v));
  });
  const tr = (r) => {
    const tds = cells
      .filter((c) => c.r === r)
      .sort((a, b) => a.c - b.c)
      .map((c) => {
        const span = (c.rs > 1 ? ` rowspan="${c.rs}"` : '') + (c.cs > 1 ? ` colspan="${c.cs}"` : '');
        const cls = isNumber(c.text) ? ' class="n"' : c.c < L && r >= head ? ' class="l"' : '';
        return `<td${span}${cls}>${esc(c.text)}</td>`;
      });
    return `<tr>${tds.join('')}</tr>`;
  };
  const rowsHtml = (from, to) => Array.from({ length: to - from }, (_, k) => tr(from + k)).join('\n');
  return `<table>\n<thead>\n${rowsHtml(0, head)}\n</thead>\n<tbody>\n${rowsHtml(head, trimmed.length)}\n</tbody>\n</table>`;
}

function page(body, o, title) {
  const border = o.ruled ? '0.6pt solid #000' : 'none';
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
@page { size: A4${o.landscape ? ' landscape' : ''}; margin: 22mm 20mm 20mm 20mm;
  ${o.runningHeader ? `@top-center { content: "${esc(title)}"; font: 9pt "WenQuanYi Micro Hei", "Noto Serif CJK SC"; color: #444; }` : ''}
  @bottom-center { content: "— " counter(page) " —"; font: 9pt "WenQuanYi Micro Hei", "Noto Serif CJK SC"; } }
body { font-family: "WenQuanYi Micro Hei", "Noto Serif CJK SC", serif; font-size: ${o.fontSize ?? '11pt'}; line-height: 1.6; }
h1 { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; text-align: center; margin: 4pt 0; }
h2 { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; font-size: 12pt; margin: 10pt 0 4pt; }
p { text-indent: 2em; margin: 0 0 4pt; text-align: justify; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 9pt; line-height: 1.35; }
td { border: ${border}; padding: 2pt 3pt; vertical-align: ${o.valign ?? 'middle'}; text-align: center; }
td.l { text-align: left; width: ${o.labelWidth}; }
thead td { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; }
</style></head><body>
${body}
</body></html>`;
}

function chromium(html, pdf, tmp) {
  const file = join(tmp, 'page.html');
  writeFileSync(file, html);
  execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${file}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

mkdirSync(out, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'pdf-fixtures-'));
try {
  for (const [name, o] of Object.entries(FIXTURES)) {
    if (only && name !== only) continue;
    const text = readFileSync(join(root, o.source), 'utf8');
    const title = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join('');
    chromium(page(reportHtml(text), o, title), join(out, `${name}.pdf`), tmp);
    copyFileSync(join(root, o.source), join(out, `${name}.txt`));
    console.log(`${name}.pdf  ← ${o.source}`);
  }
  if (!only) {
  // a scanned report: the pages of a report as pictures, no text layer (图片版)
  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '2', join(out, 'ruled-2021.pdf'), join(tmp, 'scan')]);
  const imgs = ['scan-1.png', 'scan-2.png'].map((f) => `<img src="${join(tmp, f)}" style="display:block;width:200mm;height:282mm;page-break-after:always">`);
  chromium(`<!DOCTYPE html><html><head><style>@page{size:A4;margin:0}body{margin:0}</style></head><body>${imgs.join('')}</body></html>`, join(out, 'scanned.pdf'), tmp);
  console.log('scanned.pdf  ← pictures of the pages of ruled-2021.pdf');
  // an encrypted PDF (a password is needed to open it): qpdf, from qpdf
  execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', join(out, 'scanned.pdf'), join(out, 'encrypted.pdf')]);
  console.log('encrypted.pdf  ← scanned.pdf with a password');
  // a report with one page scanned among text pages: the text pages of ruled-2021 and a picture of one page
  const mixed = reportHtml(readFileSync(join(root, FIXTURES['ruled-2021'].source), 'utf8'));
  chromium(
    page(`${mixed}\n<div style="page-break-before:always"><img src="${join(tmp, 'scan-1.png')}" style="width:100%"></div>`, FIXTURES['ruled-2021'], '附件'),
    join(out, 'image-page.pdf'),
    tmp,
  );
  console.log('image-page.pdf  ← ruled-2021 with a scanned page at the end');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
