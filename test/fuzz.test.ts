/**
 * Fuzzing the whole command line in process (fast-check): arbitrary strings and bytes, and mutations of the seeds,
 * of the sample pages and of a .docx, each given to `report-lint --stdin --stdin-filename NAME --format json`
 * (main() with an in-memory standard input). The invariants of test/property.test.ts, end to end: main never
 * throws, its exit code is 0, 1 or 2, its output is JSON, every finding's position is inside the file (the
 * source lines of a page or text, the paragraphs and tables of a .docx), every fix inside the text.
 *
 * `npm test` runs a bounded number of inputs with a fixed seed. The long campaign is `npm run fuzz`
 * (scripts/fuzz.mjs), which runs this file with FUZZ_RUNS, FUZZ_SEED and FUZZ_REPORT set: then each input must
 * also finish within FUZZ_BOUND_MS (a hang), and the figures are written to FUZZ_REPORT.
 */
import { jest } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { main, type Io } from '../src/cli/main.js';
import { reportDocx } from './support/docx.js';
import { sample } from './support/reports.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 0;
const campaign = RUNS > 0;
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const BOUND_MS = Number(process.env.FUZZ_BOUND_MS ?? 20_000);
/** In the campaign, a property's share of the runs (the cheap ones get most); otherwise its bounded number. */
const runs = (bounded: number, share: number) => (campaign ? Math.ceil(RUNS * share) : bounded);

jest.setTimeout(campaign ? 24 * 3600 * 1000 : 240_000);

interface Figures {
  seed: number;
  runs: number;
  failures: Array<{ property: string; counterexample: string; error: string }>;
  slowestMs: number;
  byExit: Record<string, number>;
}
const figures: Figures = { seed: SEED, runs: 0, failures: [], slowestMs: 0, byExit: {} };
afterAll(() => {
  if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(figures, null, 2));
});

class Violation extends Error {}
function check(ok: boolean, what: string): void {
  if (!ok) throw new Violation(what);
}

/** report-lint --stdin on some bytes named `name`; every invariant checked; throws Violation when one fails. */
async function lintBytes(bytes: Uint8Array, name: string): Promise<void> {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    env: { NO_COLOR: '1' },
    cwd: '/',
    stdoutIsTTY: false,
    stderrIsTTY: false,
    readStdin: async () => bytes,
  };
  const t0 = Date.now();
  const code = await main(['--stdin', '--stdin-filename', name, '--format', 'json', '--no-config'], io);
  const ms = Date.now() - t0;
  figures.runs++;
  figures.slowestMs = Math.max(figures.slowestMs, ms);
  figures.byExit[code] = (figures.byExit[code] ?? 0) + 1;
  // the campaign's figures so far, for a look while it runs
  if (process.env.FUZZ_REPORT && figures.runs % 500 === 0) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(figures, null, 2));
  if (campaign) check(ms <= BOUND_MS, `took ${ms} ms (bound ${BOUND_MS} ms)`);
  check([0, 1, 2].includes(code), `exit code ${code}`);
  check(!/内部错误/.test(err) && !/内部错误|报告给开发者/.test(out), `internal error: ${err}${out.slice(0, 300)}`);
  let results: Array<{ messages: Array<Record<string, number | null | undefined | { range: [number, number] }>>; source?: string }>;
  try {
    results = JSON.parse(out);
  } catch {
    throw new Violation(`output is not JSON: ${out.slice(0, 200)}`);
  }
  check(Array.isArray(results) && results.length === 1, 'one result');
  const r = results[0];
  const fatal = r.messages.some((m) => m.fatal);
  check(code === 2 ? fatal : !fatal, `exit code ${code} with fatal=${fatal}`);
  // the lines findings point into: the text as decoded (a .docx: its paragraphs and tables, one a line)
  const text = fatal ? undefined : decodedText(bytes, name);
  const lines = text?.split(/\r\n|\r|\n/);
  for (const m of r.messages) {
    const [line, column, endLine, endColumn] = [m.line, m.column, m.endLine, m.endColumn] as number[];
    check(Number.isInteger(line) && Number.isInteger(column) && line >= 1 && column >= 1, `position ${line}:${column}`);
    check(line < endLine || (line === endLine && column <= endColumn), `start after end ${line}:${column}-${endLine}:${endColumn}`);
    if (lines && !name.endsWith('.docx')) {
      check(endLine <= lines.length, `line ${endLine} beyond ${lines.length} lines`);
      check(column <= lines[line - 1].length + 1 && endColumn <= lines[endLine - 1].length + 1, `column beyond its line at ${line}:${column}-${endLine}:${endColumn}`);
    }
    const fix = m.fix as { range: [number, number] } | undefined;
    if (fix && text !== undefined) check(fix.range[0] >= 0 && fix.range[0] <= fix.range[1] && fix.range[1] <= text.length, `fix range ${fix.range}`);
  }
}

function decodedText(bytes: Uint8Array, name: string): string | undefined {
  if (name.endsWith('.docx')) return undefined;
  const s = Buffer.from(bytes).toString('utf8');
  // only UTF-8 inputs are checked line by line (other encodings are decoded differently)
  return Buffer.from(s, 'utf8').equals(Buffer.from(bytes)) ? s.replace(/^\uFEFF/, '') : undefined;
}

async function property(name: string, arb: fc.Arbitrary<{ bytes: Uint8Array; name: string }>, bounded: number, share: number): Promise<void> {
  const details = await fc.check(
    fc.asyncProperty(arb, async (x) => lintBytes(x.bytes, x.name)),
    { seed: SEED, numRuns: runs(bounded, share), endOnFailure: true },
  );
  if (details.failed) {
    const ce = JSON.stringify(details.counterexample, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v))?.slice(0, 2000) ?? '';
    figures.failures.push({ property: name, counterexample: ce, error: String(details.errorInstance ?? details.error) });
    throw new Error(`${name}: ${String(details.errorInstance)}\ncounterexample: ${ce}`);
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const names = fc.constantFrom('r.txt', 'r.md', 'r.html', 'r.htm');

const pieces = fc.constantFrom(
  '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '（一）予以公开', '一、本年新收政府信息公开申请数量', '总计', '2021年',
  '政府信息公开工作年度报告', '0', '12', '１２', '1,234', '1.5万元', '\t', '\n', '\r\n', '\r', ' ', '\u3000', '\u00a0', '\u200b', '\ufeff',
  '|', '---', '# ', '> ', '*a', '**', '`', '[', '](', '<p>', '</p>', '<b>', '<font>', '<div>', '<table>', '<tr>', '<td rowspan=3>',
  '<td colspan=2>', '</td>', '</tr>', '</table>', '&nbsp;', '&#12288;', '&', '<', '>', '<br>', '<!--', '-->', '<script>', '𠀀', '\u0000',
  '截止', '<!-- report-lint-disable -->',
);
const reportish = fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 160 }).map((a) => a.join(''));

type Mutation = { kind: 'delete' | 'duplicate' | 'swap' | 'insert' | 'digit' | 'cut'; at: number; other: number; piece: string };
const mutation = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('delete', 'duplicate', 'swap', 'insert', 'digit', 'cut'),
  at: fc.nat(),
  other: fc.nat(),
  piece: fc.oneof(pieces, fc.string({ maxLength: 6 })),
});

/** Mutations by line (text) or by chunk of about `unit` characters (pages, Word XML). */
function mutate(text: string, muts: Mutation[], sep: string | RegExp): string {
  let parts = typeof sep === 'string' ? text.split(sep) : text.split(sep);
  for (const m of muts) {
    if (!parts.length) break;
    const i = m.at % parts.length;
    const j = m.other % parts.length;
    switch (m.kind) {
      case 'delete':
        parts.splice(i, 1);
        break;
      case 'duplicate':
        parts.splice(i, 0, parts[i]);
        break;
      case 'swap':
        [parts[i], parts[j]] = [parts[j], parts[i]];
        break;
      case 'insert': {
        const k = m.other % (parts[i].length + 1);
        parts[i] = parts[i].slice(0, k) + m.piece + parts[i].slice(k);
        break;
      }
      case 'digit':
        parts[i] = parts[i].replace(/\d/g, (d, k: number) => (k % 3 === m.other % 3 ? String(m.other % 10) : d));
        break;
      case 'cut':
        parts = parts.slice(0, i + 1);
        break;
    }
  }
  return parts.join(typeof sep === 'string' ? sep : '');
}

const SEEDS = ['000_fdd122682e06667e', '001_3ae8912727f14c8a', '002_e5e51e0cfe3bc0cf', '003_ee5b6e7281e715ed', '004_4455f420e810b9a4'].map((n) =>
  sample(`seeds/${n}.txt`),
);
const PAGES = ['PT2019.html', 'PT2021.html'].map((n) => sample(`pages/${n}`));

test('mutations of the sample pages (by tag)', async () => {
  const arb = fc.tuple(fc.nat(PAGES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 8 }));
  await property('pages', arb.map(([p, muts]) => ({ bytes: utf8(mutate(PAGES[p], muts, /(?=<)/)), name: 'r.html' })), 20, 0.025);
});

test('mutations of a .docx (its document.xml, by element)', async () => {
  const zip = await JSZip.loadAsync(await reportDocx());
  const xml = await zip.file('word/document.xml')!.async('string');
  const arb = fc.array(mutation, { minLength: 1, maxLength: 6 });
  const docs = arb.map((muts) => mutate(xml, muts, /(?=<w:p[ >])/));
  // each document zipped in turn (asynchronously), then linted with the same invariants
  const total = runs(10, 0.025);
  for (let batch = 0; batch * 100 < total; batch++) {
   for (const doc of fc.sample(docs, { seed: SEED + batch, numRuns: Math.min(100, total - batch * 100) })) {
    zip.file('word/document.xml', doc);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    try {
      await lintBytes(bytes, 'r.docx');
    } catch (e) {
      figures.failures.push({ property: 'docx', counterexample: doc.slice(0, 2000), error: String(e) });
      throw e;
    }
   }
  }
});

test('any string, as text, Markdown or a page', async () => {
  await property('strings', fc.record({ bytes: reportish.map(utf8), name: names }), 120, 0.45);
});

test('any bytes, under any name', async () => {
  await property('bytes', fc.record({ bytes: fc.uint8Array({ maxLength: 600 }), name: fc.constantFrom('r.txt', 'r.md', 'r.html', 'r.docx') }), 120, 0.35);
});

test('mutations of the seeds (by line)', async () => {
  const arb = fc.tuple(fc.nat(SEEDS.length - 1), fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.constantFrom('r.txt', 'r.md'));
  await property('seeds', arb.map(([s, muts, name]) => ({ bytes: utf8(mutate(SEEDS[s], muts, '\n')), name })), 40, 0.15);
});
