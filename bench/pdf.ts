/**
 * PDF pages per second: the PDF fixtures (test/fixtures/pdf, printed by Chromium from reports) read through
 * pdf.js and the layout reader (readPdf), and linted whole (lintFile, what the CLI does per file), in rounds after
 * a warm-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintFile } from '../src/index.js';
import { defaultEnv } from '../src/session.js';
import { readPdf } from '../src/readers/pdf.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/pdf');

export async function pdfBench(rounds = 5): Promise<void> {
  const names = readdirSync(DIR).filter((f) => f.endsWith('.pdf') && !/^(scanned|encrypted)/.test(f));
  const files = names.map((n) => ({ path: join(DIR, n), bytes: readFileSync(join(DIR, n)) }));
  const pagesOf = new Map<string, number>();
  for (const f of files) pagesOf.set(f.path, (await readPdf(f.bytes)).pages); // warm-up: pdf.js loaded, code compiled
  const pages = [...pagesOf.values()].reduce((a, b) => a + b, 0) * rounds;
  const mb = (files.reduce((a, f) => a + f.bytes.length, 0) * rounds) / 1024 / 1024;

  let t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of files) await readPdf(f.bytes);
  const read = (performance.now() - t0) / 1000;

  const env = defaultEnv();
  let findings = 0;
  t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const f of files) findings += (await lintFile(f.path, { env })).messages.length;
  const lint = (performance.now() - t0) / 1000;

  console.log(`\nPDF：${files.length} 个文件（${names.join('、')}）× ${rounds} 轮，共 ${pages} 页，${mb.toFixed(1)} MB`);
  console.log(`  读取（pdf.js + 版面 → 文本）：${(pages / read).toFixed(1)} 页/秒，${((read * 1000) / pages).toFixed(1)} ms/页`);
  console.log(`  检查（读取 + 检查，lintFile）：${(pages / lint).toFixed(1)} 页/秒，${((lint * 1000) / pages).toFixed(1)} ms/页，${findings} 个问题`);
}
