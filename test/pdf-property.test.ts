/**
 * Property tests of the PDF layout reader (fast-check, fixed seed, bounded runs). Generated reports (tools/synth,
 * tab layout, with and without defects) are laid out on pages as a PDF producer would place them: paragraphs
 * wrapped at the text width, tables with their cells in columns (labels wrapped in their cells), ruling lines
 * drawn or not, rows carried over to the next page with the header repeated, a page number in the footer, text
 * drawn in pieces of random length, baselines a little off. Then:
 *  - the reader never throws, and every place is on a page of the document, inside the page, and every span
 *    inside the text;
 *  - with ruling lines, every table cell is read as written and the findings are those of the report as text.
 * A second property feeds the reader real PDFs (pdf-lib, random lines, rectangles and text) through pdf.js.
 */
import { jest } from '@jest/globals';
import fc from 'fast-check';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { lint, parseReport } from '../src/index.js';
import { extractValues } from '../src/cli/extract.js';
import { layoutPages, type PageContent, type TextPiece } from '../src/readers/pdf-layout.js';
import { readPdf } from '../src/readers/pdf.js';
import { DecodeError } from '../src/io/decode.js';
import { synthesize, type Defect } from '../tools/synth/index.js';

// the limit only stops hangs: on a machine shared by many test runs these take minutes
jest.setTimeout(900_000);

const SEED = 20261129;
const W = 595;
const H = 842;
const MARGIN = 56;
const SIZE = 9;

const isCjk = (c: string) => /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(c);
const charW = (c: string) => (isCjk(c) ? SIZE : SIZE * 0.55);
const textW = (s: string) => [...s].reduce((a, c) => a + charW(c), 0);

/** s broken into lines no wider than `width` */
function wrap(s: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const c of s) {
    if (cur && textW(cur + c) > width) {
      out.push(cur);
      cur = '';
    }
    cur += c;
  }
  if (cur || !out.length) out.push(cur);
  return out;
}

interface LayoutOptions {
  ruled: boolean;
  /** pieces are cut at random lengths; spaces put between CJK characters of some pieces */
  cut: number;
  /** baseline jitter (points) */
  jitter: number;
  /** how far down the first page the text starts */
  offset: number;
  rng: () => number;
}

/** A report's text laid out on pages. */
function layOut(text: string, o: LayoutOptions): PageContent[] {
  const pages: PageContent[] = [];
  let page: PageContent;
  let y = 0;
  const newPage = () => {
    page = { width: W, height: H, pieces: [], rules: [] };
    pages.push(page);
    page.pieces.push({ str: `— ${pages.length} —`, x: W / 2 - 12, y: H - 30, width: 24, size: SIZE });
    y = MARGIN + SIZE;
  };
  newPage();
  y += o.offset;
  const draw = (s: string, x: number, baseline: number) => {
    let at = x;
    let rest = s;
    while (rest) {
      const n = o.cut ? 1 + Math.floor(o.rng() * o.cut) : rest.length;
      let piece = rest.slice(0, n);
      rest = rest.slice(n);
      const width = textW(piece);
      if (o.cut && o.rng() < 0.1 && [...piece].every(isCjk)) piece = [...piece].join(' ');
      page.pieces.push({ str: piece, x: at, y: baseline + (o.rng() - 0.5) * 2 * o.jitter, width, size: SIZE });
      at += width;
    }
  };
  const lineH = SIZE * 1.5;
  const blocks = text.split('\n');
  let i = 0;
  while (i < blocks.length) {
    if (!blocks[i].includes('\t')) {
      const s = blocks[i++].trim();
      if (!s) continue;
      const indent = /^[一二三四五六七八九十]+、/.test(s) ? 0 : 2 * SIZE;
      wrap(s, W - 2 * MARGIN - indent).forEach((l, k) => {
        if (y + lineH > H - MARGIN) newPage();
        draw(l, MARGIN + (k === 0 ? indent : 0), y);
        y += lineH;
      });
      y += SIZE * 0.5;
      continue;
    }
    const rows: string[][] = [];
    while (i < blocks.length && blocks[i].includes('\t')) rows.push(blocks[i++].split('\t').map((c) => c.trim()));
    const cols = Math.max(...rows.map((r) => r.length));
    for (const r of rows) while (r.length < cols) r.push('');
    // column widths: by their longest text, fitted to the text width
    const want = Array.from({ length: cols }, (_, c) => Math.max(3 * SIZE, ...rows.map((r) => textW(r[c]) + 6)));
    const total = want.reduce((a, b) => a + b, 0);
    const scale = Math.min(1, (W - 2 * MARGIN) / total);
    const widths = want.map((w) => Math.max(2 * SIZE + 4, w * scale));
    const xs = [MARGIN];
    for (const w of widths) xs.push(xs[xs.length - 1] + w);
    const header = rows.findIndex((r) => r.some((c) => /^-?\d/.test(c)));
    const head = rows.slice(0, Math.max(0, header));
    const put = (r: string[]) => {
      const cellLines = r.map((c, k) => wrap(c, widths[k] - 4));
      const h = Math.max(...cellLines.map((l) => l.length)) * SIZE * 1.3 + 4;
      if (y + h > H - MARGIN) return false;
      const top = y - SIZE;
      cellLines.forEach((ls, k) => ls.forEach((l, n) => l && draw(l, xs[k] + 2, top + 2 + SIZE + n * SIZE * 1.3)));
      if (o.ruled) {
        page.rules.push({ x1: xs[0], y1: top, x2: xs[cols], y2: top }, { x1: xs[0], y1: top + h, x2: xs[cols], y2: top + h });
        for (const x of xs) page.rules.push({ x1: x, y1: top, x2: x, y2: top + h });
      }
      y += h;
      return true;
    };
    rows.forEach((r) => {
      if (!put(r)) {
        newPage();
        // the table goes on: its header repeated
        for (const hr of head) put(hr);
        put(r);
      }
    });
    y += SIZE;
  }
  return pages;
}

const DEFECTS: Array<Defect | undefined> = [
  undefined,
  { kind: 'number', cell: 'T3.r3_1.natural', delta: 2 },
  { kind: 'blank', cell: 'T3.r1.total' },
  { kind: 'label-typo', row: 'T3.r3_3_1' },
  { kind: 'number', cell: 'T4.n.rv_maintain', delta: 1 },
];

const report = fc.record({ seed: fc.integer({ min: 1, max: 1_000_000 }), format: fc.constantFrom('2019', '2021'), defect: fc.constantFrom(...DEFECTS) });

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkSpans(pages: PageContent[], text: string, spans: ReturnType<typeof layoutPages>['spans']) {
  let last = 0;
  for (const s of spans) {
    expect(s.page).toBeGreaterThanOrEqual(1);
    expect(s.page).toBeLessThanOrEqual(pages.length);
    expect(s.x).toBeGreaterThanOrEqual(0);
    expect(s.x).toBeLessThanOrEqual(pages[s.page - 1].width);
    expect(s.y).toBeGreaterThanOrEqual(0);
    expect(s.y).toBeLessThanOrEqual(pages[s.page - 1].height);
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(s.end).toBeLessThanOrEqual(text.length);
    last = s.end;
  }
}

test('laid-out generated reports: never a throw, every place on a page and in the text', () => {
  fc.assert(
    fc.property(report, fc.boolean(), fc.integer({ min: 0, max: 6 }), fc.double({ min: 0, max: 2.5, noNaN: true }), fc.integer({ min: 0, max: 400 }), (r, ruled, cut, jitter, offset) => {
      const s = synthesize({ seed: r.seed, layout: 'tab', format: r.format, defect: r.defect, targetBytes: 6000 });
      const pages = layOut(s.text, { ruled, cut, jitter, offset, rng: rng(r.seed) });
      const { text, spans } = layoutPages(pages);
      checkSpans(pages, text, spans);
      const res = lint(text, { filePath: 'r.pdf', kind: 'pdf' });
      for (const m of res.messages) expect(m.fatal).toBeUndefined();
    }),
    { seed: SEED, numRuns: 25 },
  );
});

test('ruled tables over pages: every cell read as written, the findings of the text', () => {
  fc.assert(
    fc.property(report, fc.integer({ min: 0, max: 500 }), (r, offset) => {
      const s = synthesize({ seed: r.seed, layout: 'tab', format: r.format, defect: r.defect, targetBytes: 6000, spanStyle: 'after-label' });
      const pages = layOut(s.text, { ruled: true, cut: 0, jitter: 0.6, offset, rng: rng(r.seed) });
      const { text } = layoutPages(pages);
      const values = (t: string) => {
        const { filePath: _f, ...rest } = extractValues(parseReport(t, { filePath: 'r.txt' }), 'r');
        return rest;
      };
      expect(pages.length).toBeGreaterThanOrEqual(2);
      const v = values(text);
      expect(v).toEqual(values(s.text));
      expect(Object.keys(v.tables)).toEqual(expect.arrayContaining(['T3', 'T4']));
      expect(v.unbound).toEqual([]);
      const findings = (t: string) => lint(t, { filePath: 'r.txt' }).messages.map((m) => `${m.ruleId} ${m.message}`);
      const f = findings(text);
      expect(f).toEqual(findings(s.text));
      if (r.defect) expect(f.length).toBeGreaterThan(0);
      else expect(f).toEqual([]);
    }),
    { seed: SEED, numRuns: 20 },
  );
});

test('random real PDFs (pdf-lib: text, lines, rectangles on random pages) through pdf.js: a text or a clear refusal', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.array(
          fc.oneof(
            fc.record({ t: fc.constant('text' as const), s: fc.stringMatching(/^[0-9A-Za-z .,:\-]{1,30}$/), x: fc.integer({ min: -50, max: 650 }), y: fc.integer({ min: -50, max: 900 }), size: fc.integer({ min: 4, max: 30 }) }),
            fc.record({ t: fc.constant('line' as const), x: fc.integer({ min: 0, max: 595 }), y: fc.integer({ min: 0, max: 842 }), dx: fc.integer({ min: -300, max: 300 }), dy: fc.integer({ min: -300, max: 300 }), w: fc.double({ min: 0.1, max: 3, noNaN: true }) }),
            fc.record({ t: fc.constant('rect' as const), x: fc.integer({ min: 0, max: 595 }), y: fc.integer({ min: 0, max: 842 }), w: fc.integer({ min: 0, max: 300 }), h: fc.integer({ min: 0, max: 300 }) }),
          ),
          { maxLength: 40 },
        ),
        { minLength: 1, maxLength: 4 },
      ),
      async (pagesSpec) => {
        const doc = await PDFDocument.create();
        const font = await doc.embedFont(StandardFonts.Helvetica);
        for (const spec of pagesSpec) {
          const p = doc.addPage([595, 842]);
          for (const d of spec) {
            if (d.t === 'text') p.drawText(d.s, { x: d.x, y: d.y, size: d.size, font });
            else if (d.t === 'line') p.drawLine({ start: { x: d.x, y: d.y }, end: { x: d.x + d.dx, y: d.y + d.dy }, thickness: d.w, color: rgb(0, 0, 0) });
            else p.drawRectangle({ x: d.x, y: d.y, width: d.w, height: d.h, borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
          }
        }
        const bytes = await doc.save();
        try {
          const r = await readPdf(bytes);
          expect(typeof r.text).toBe('string');
          for (let o = 0; o <= r.text.length; o += Math.max(1, r.text.length >> 3)) {
            const place = r.place(o);
            if (!place) continue;
            expect(place.page).toBeGreaterThanOrEqual(1);
            expect(place.page).toBeLessThanOrEqual(pagesSpec.length);
          }
        } catch (e) {
          // a PDF with no text at all is refused with a message, nothing else
          expect(e).toBeInstanceOf(DecodeError);
        }
      },
    ),
    { seed: SEED, numRuns: 15 },
  );
});

describe('ruling lines as producers draw them, through pdf.js', () => {
  /** A 3 × 3 table (the first row's last two cells merged), its borders drawn as `how` says. */
  async function tablePdf(how: 'lines' | 'rectangles'): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const p = doc.addPage([595, 842]);
    const xs = [100, 220, 300, 380];
    const ys = [700, 680, 660, 640]; // PDF y: up
    const cells = [
      ['Item', 'Count', null],
      ['Permits', '12', '7'],
      ['Fees', '0', '1,234'],
    ];
    cells.forEach((row, r) =>
      row.forEach((t, c) => {
        if (t) p.drawText(t, { x: xs[c] + 4, y: ys[r] - 14, size: 10, font });
      }),
    );
    const black = rgb(0, 0, 0);
    if (how === 'lines') {
      for (const y of ys) p.drawLine({ start: { x: xs[0], y }, end: { x: xs[3], y }, thickness: 0.5, color: black });
      for (const [k, x] of xs.entries()) {
        // the line between the merged cells of the first row is not drawn
        const from = k === 2 ? ys[1] : ys[0];
        p.drawLine({ start: { x, y: from }, end: { x, y: ys[3] }, thickness: 0.5, color: black });
      }
    } else {
      // every cell its own stroked rectangle; the merged one a rectangle over two slots
      const rect = (c0: number, c1: number, r: number) => p.drawRectangle({ x: xs[c0], y: ys[r + 1], width: xs[c1] - xs[c0], height: ys[r] - ys[r + 1], borderColor: black, borderWidth: 0.5 });
      rect(0, 1, 0);
      rect(1, 3, 0);
      for (const r of [1, 2]) for (const c of [0, 1, 2]) rect(c, c + 1, r);
    }
    return doc.save();
  }

  test.each(['lines', 'rectangles'] as const)('stroked %s: one row a line, cells by the grid, the merged cell once', async (how) => {
    const { text, place } = await readPdf(await tablePdf(how));
    expect(text).toBe('Item\tCount\t\nPermits\t12\t7\nFees\t0\t1,234\n');
    expect(place(text.indexOf('1,234'))).toMatchObject({ page: 1, text: '第 1 页' });
  });
});
