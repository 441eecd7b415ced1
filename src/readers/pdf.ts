/**
 * The `pdf` input kind: a report published as a PDF (printed from Word, or from a web page).
 *
 * Read with Mozilla's pdf.js (`pdfjs-dist`, its legacy build, which runs on Node without a browser): it is the
 * PDF reader of Firefox, kept up to date, and gives what this reader needs and no more: each page's text pieces
 * with their positions (getTextContent) and the paths it draws (getOperatorList), from which the ruling lines of
 * tables are taken. It is loaded only when a PDF is read, so the CLI starts as fast as before for text files.
 * (unpdf wraps the same pdf.js with a serverless build; it adds nothing here and needs Node 22.)
 *
 * The pages' layout becomes a text the text reader reads (pdf-layout.ts): table rows as tab-separated cells,
 * paragraphs and headings as lines. Every piece of that text keeps its page and position, so messages say
 * 第 3 页第 12 行 and carry `place: { page, line, x, y }`.
 */
import { DecodeError } from '../io/decode.js';
import type { DocumentPlace } from '../types.js';
import type { InputKindModule, MadeText } from './kind.js';
import { parseStructure } from './text.js';
import { layoutPages, type PageContent, type PdfSpan, type Rule, type TextPiece } from './pdf-layout.js';

/** Annual reports are 5 to 30 pages; a PDF with more is not read (time and memory stay bounded). */
export const MAX_PDF_PAGES = 300;

export interface PdfText {
  text: string;
  /** where an offset of the text was in the PDF */
  place(offset: number): DocumentPlace | undefined;
  pages: number;
  /** pages that have no text (scanned pictures), 1-based */
  imagePages: number[];
}

/**
 * The `pdf` input kind. Its text is made from the pages' layout and read by the text reader; places come from
 * toText (page, line on the page, position), and every message says its page. A PDF is never rewritten.
 */
export const pdfKind: InputKindModule = {
  id: 'pdf',
  noun: 'PDF 文件',
  extensions: ['.pdf'],
  mime: 'application/pdf',
  binary: true,
  /** a PDF starts with %PDF- */
  sniff: (head) => typeof head !== 'string' && head.length >= 5 && Buffer.from(head.subarray(0, 5)).toString('latin1') === '%PDF-',
  toText: (bytes) => pdfInput(bytes),
  read: (text, rec, opts) => ({
    skeleton: parseStructure(text, rec, { markdown: false }),
    input: { kind: 'pdf', place: opts.place ?? (() => undefined), canEdit: () => false },
  }),
  localize(m, place) {
    if (place) m.message += `（PDF 文件${place.text}）`;
  },
  localizeRelated(r, place) {
    if (place) r.message += `（${place.text}）`;
  },
};

/** A PDF read for linting: its text, places, and what could not be read. */
export async function pdfInput(bytes: Uint8Array): Promise<MadeText> {
  const pdf = await readPdf(bytes);
  const notes = pdf.imagePages.length
    ? [`PDF 文件第 ${pdf.imagePages.join('、')} 页没有文字（只有图片，可能是扫描页），这些页上的内容未检查：如需检查，请先用 OCR（文字识别）转成文字`]
    : [];
  return { text: pdf.text, place: pdf.place, notes };
}

/** Bytes of a PDF → its text and places. Throws DecodeError with a message for people when it cannot be read. */
export async function readPdf(bytes: Uint8Array, opts: { maxPages?: number } = {}): Promise<PdfText> {
  const maxPages = opts.maxPages ?? MAX_PDF_PAGES;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdf.js takes the buffer over: give it a copy
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string })?.name;
    if (name === 'PasswordException') throw new DecodeError('PDF 文件有密码保护（已加密），无法读取：请提供未加密的 PDF，或把报告另存为文本（.txt）、网页或 Word（.docx）文件再检查');
    throw new DecodeError(`不是可以读取的 PDF 文件：文件可能已损坏或不完整（${e instanceof Error ? e.message : String(e)}）`);
  }
  try {
    if (doc.numPages > maxPages) {
      throw new DecodeError(`PDF 文件有 ${doc.numPages} 页，超过了可以读取的 ${maxPages} 页：年度报告一般不到 30 页，请确认这是不是报告文件`);
    }
    const OPS = pdfjs.OPS;
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      pages.push(await readPage(doc, n, OPS).catch((e: unknown) => {
        if (e instanceof DecodeError) throw e;
        const why = e instanceof Error ? e.message : String(e);
        if (/DOMMatrix|Path2D|ImageData/.test(why)) {
          throw new DecodeError(`无法读取 PDF：pdf.js 需要的可选依赖 @napi-rs/canvas 没有安装（${why}）：请在支持它的平台上重新运行 npm ci`);
        }
        throw new DecodeError(`PDF 文件第 ${n} 页无法读取：文件可能已损坏（${why}）`);
      }));
    }
    const layout = layoutPages(pages);
    // pages with pictures and no text but page numbers: scanned pages
    const imagePages: number[] = [];
    for (const n of layout.emptyPages) if (pages[n - 1].images) imagePages.push(n);
    if (!layout.text.trim() && imagePages.length) {
      throw new DecodeError(
        `PDF 文件没有文字层（${doc.numPages} 页都只有图片，是扫描件或图片版报告）：无法检查其中的文字和数字，请先用 OCR（文字识别）转成文字，或提供可以复制文字的 PDF、Word 或网页版本`,
      );
    }
    return { text: layout.text, place: placeFinder(layout.spans), pages: doc.numPages, imagePages };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

interface PdfDoc {
  getPage(n: number): Promise<PdfPage>;
}
interface PdfPage {
  view: number[];
  getTextContent(opts: object): Promise<{ items: Array<object> }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  cleanup(): void;
}

/** One page: its text pieces and the lines and pictures it draws, in points from its top-left corner. */
async function readPage(doc: PdfDoc, n: number, OPS: Ops): Promise<PageContent> {
  const page = await doc.getPage(n);
  const [x0, y0, x1, y1] = page.view;
  const height = y1 - y0;
  const width = x1 - x0;
  // PDF space (y up, from the media box's corner) → points from the page's top-left corner
  const toPage = (x: number, y: number): [number, number] => [x - x0, y1 - y];
  const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
  const pieces: TextPiece[] = [];
  for (const item of content.items) {
    const it = item as { str?: string; transform?: number[]; width?: number; height?: number };
    if (!it.str || !it.transform || !/\S/.test(it.str)) continue;
    const [a, b, , d, e, f] = it.transform;
    if (Math.abs(b) > 1e-3 * Math.abs(a || 1)) continue; // rotated text (a stamp, a margin note) is not read
    const [x, y] = toPage(e, f);
    const size = Math.abs(d) || Math.abs(a) || it.height || 10;
    pieces.push({ str: it.str, x, y, width: it.width ?? 0, size });
  }
  const { rules, images } = await pageDrawing(page, OPS, toPage);
  page.cleanup();
  return { width, height, pieces, rules, images };
}

type Ops = Record<string, number>;
type Matrix = [number, number, number, number, number, number];

const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Most lines a page may draw before its drawing is taken for a picture, not tables. */
const MAX_PATH_OPS = 50000;

/**
 * The straight lines a page draws: stroked horizontal and vertical segments, and thin filled rectangles (how
 * Word and Chromium draw table borders), in page points.
 */
async function pageDrawing(
  page: { getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }> },
  OPS: Ops,
  toPage: (x: number, y: number) => [number, number],
): Promise<{ rules: Rule[]; images: number }> {
  const ops = await page.getOperatorList();
  const rules: Rule[] = [];
  const imageOps = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObject]);
  let images = 0;
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stroke = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fill = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  let paths = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (imageOps.has(fn)) images++;
    else if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = mul(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      if (++paths > MAX_PATH_OPS) return { rules: [], images };
      const paint = args[0] as number;
      if (!stroke.has(paint) && !fill.has(paint)) continue;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      const pts = pathPoints(data);
      for (const poly of pts) {
        const p = poly.map(([x, y]) => toPage(...apply(ctm, x, y)));
        if (fill.has(paint) && p.length >= 4) {
          const xs = p.map((q) => q[0]);
          const ys = p.map((q) => q[1]);
          const bx1 = Math.min(...xs);
          const bx2 = Math.max(...xs);
          const by1 = Math.min(...ys);
          const by2 = Math.max(...ys);
          // a thin filled rectangle is a line
          if (by2 - by1 <= 2.5 && bx2 - bx1 > 2.5) rules.push({ x1: bx1, y1: (by1 + by2) / 2, x2: bx2, y2: (by1 + by2) / 2 });
          else if (bx2 - bx1 <= 2.5 && by2 - by1 > 2.5) rules.push({ x1: (bx1 + bx2) / 2, y1: by1, x2: (bx1 + bx2) / 2, y2: by2 });
          else if (stroke.has(paint)) addSegments(rules, p);
        } else if (stroke.has(paint)) addSegments(rules, p);
      }
    }
  }
  return { rules, images };
}

function addSegments(rules: Rule[], p: Array<[number, number]>): void {
  for (let k = 0; k + 1 < p.length; k++) {
    const [ax, ay] = p[k];
    const [bx, by] = p[k + 1];
    if (Math.abs(ay - by) <= 0.5 || Math.abs(ax - bx) <= 0.5) rules.push({ x1: ax, y1: ay, x2: bx, y2: by });
  }
}

/**
 * pdf.js's path data (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4) → its subpaths of straight
 * segments; a subpath with a curve is left out (rounded shapes are not table lines).
 */
function pathPoints(data: ArrayLike<number>): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let cur: Array<[number, number]> = [];
  let curved = false;
  const end = () => {
    if (cur.length >= 2 && !curved) out.push(cur);
    cur = [];
    curved = false;
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i];
    if (op === 0) {
      end();
      cur.push([data[i + 1], data[i + 2]]);
      i += 3;
    } else if (op === 1) {
      cur.push([data[i + 1], data[i + 2]]);
      i += 3;
    } else if (op === 2) {
      curved = true;
      cur.push([data[i + 5], data[i + 6]]);
      i += 7;
    } else if (op === 3) {
      curved = true;
      cur.push([data[i + 3], data[i + 4]]);
      i += 5;
    } else if (op === 4) {
      if (cur.length) cur.push(cur[0]);
      i += 1;
    } else break; // unknown: stop reading this path
  }
  end();
  return out;
}

/** offset → the span that holds it (or the nearest before it) → the place in words. */
function placeFinder(spans: PdfSpan[]): (offset: number) => DocumentPlace | undefined {
  return (offset) => {
    if (!spans.length) return undefined;
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (spans[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const s = offset < spans[lo].start && lo + 1 < spans.length ? spans[lo + 1] : spans[lo];
    return { page: s.page, line: s.line, x: s.x, y: s.y, text: s.table ? `第 ${s.page} 页` : `第 ${s.page} 页第 ${s.line} 行` };
  };
}
