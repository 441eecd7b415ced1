/**
 * Word .docx → HTML through mammoth, for the HTML reader. Tables keep their cells, merged cells their rowspan and
 * colspan.
 *
 * Locations in a .docx are logical: the converted HTML is laid out with one paragraph or table on each line, so
 * that a finding's line is the number of its paragraph or table in the document (both counted, in order, empty
 * paragraphs included), and the engine says in the message which paragraph, or which table, row and cell.
 */
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import type { Element, Root } from 'hast';
import { decodeHTML } from 'entities';
import { binaryKind, DecodeError, isZip } from '../io/decode.js';
import { checkDocx } from '../io/docx-bounds.js';
import type { DocumentPlace } from '../types.js';
import type { InputKindModule } from './kind.js';
import { htmlInput, parseHtmlStructure, tablePlace } from './html.js';
import { loadZip, numberedParagraphs, type NumberedParagraph } from '../io/docx-numbering.js';

const fragment = unified().use(rehypeParse, { fragment: true });

/** The bytes of a .docx as HTML, one paragraph or table a line. Throws DecodeError when the file is no .docx. */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  // loaded when a .docx comes, not for every run
  checkDocx(bytes);
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Word's automatic numbering (一、 from numbering.xml): mammoth drops it; it is written back into the text
    const numbered = await numberedParagraphs(await loadZip(buffer)).catch(() => undefined);
    const result = await mammoth.convertToHtml(
      { buffer },
      {
        transformDocument: numbered ? (doc: MammothElement) => withNumbers(doc, numbered) : undefined,
        ignoreEmptyParagraphs: false,
        // pictures are not read (their data would only fill the HTML)
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (e) {
    throw new DecodeError(`不是可以读取的 Word 文件（.docx）：文件可能已损坏，或是改了扩展名的其他文件（${e instanceof Error ? e.message : String(e)}）`);
  }
  return oneBlockALine(html);
}

/** Top-level paragraphs, headings and tables each on a line of their own; the items of a list likewise. */
export function oneBlockALine(html: string): string {
  const tree = fragment.parse(html) as Root;
  const out: string[] = [];
  for (const node of tree.children) {
    if (!node.position) continue;
    const s = node.position.start.offset!;
    const e = node.position.end.offset!;
    if (node.type === 'element' && (node.tagName === 'ul' || node.tagName === 'ol')) {
      const items = node.children.filter((c): c is Element => c.type === 'element' && !!c.position);
      if (items.length) {
        const open = html.slice(s, items[0].position!.start.offset!);
        const close = html.slice(items[items.length - 1].position!.end.offset!, e);
        items.forEach((li, i) => {
          const text = html.slice(li.position!.start.offset!, li.position!.end.offset!);
          out.push((i === 0 ? open : '') + text + (i === items.length - 1 ? close : ''));
        });
        continue;
      }
    }
    const text = html.slice(s, e);
    if (node.type === 'text' && text.trim() === '') continue;
    out.push(text.replace(/\r\n|\r|\n/g, ' '));
  }
  return out.join('\n');
}

/**
 * A Word .docx, converted to HTML by mammoth and read as a page. Its places are logical: the line of a finding is
 * the number of its paragraph or table in the document (both counted, in order, empty paragraphs included), the
 * column is 1, and the message says where in words. It is never rewritten: fixes are not offered.
 */
export const docxKind: InputKindModule = {
  id: 'docx',
  noun: 'Word 文件',
  extensions: ['.docx'],
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  binary: true,
  sniff: (head) => typeof head !== 'string' && isZip(head),
  async toText(bytes, named) {
    if (!isZip(bytes)) throw new DecodeError(binaryKind(bytes) ?? '不是 Word（.docx）文件：内容不是 .docx 格式');
    try {
      return await docxToHtml(bytes);
    } catch (e) {
      // a zip that is not a Word document, under another name
      if (!named) throw new DecodeError(binaryKind(bytes)!);
      throw e;
    }
  },
  read(text, rec) {
    const { skeleton, map } = parseHtmlStructure(text, rec);
    // the converted document has one paragraph or table on each line (docxToHtml)
    const lines = skeleton.source.lines;
    const kinds = lines.map((l) => (l.text.startsWith('<table') ? 'table' : 'p'));
    const numbers: number[] = [];
    let p = 0;
    let t = 0;
    for (const k of kinds) numbers.push(k === 'table' ? ++t : ++p);
    const place = (offset: number): DocumentPlace | undefined => {
      const line = skeleton.source.point(offset).line;
      const k = kinds[line - 1];
      if (k === 'table') {
        const cell = tablePlace(map, offset);
        const n = numbers[line - 1];
        if (cell) return { ...cell, table: n, text: `第 ${n} 个表格第 ${cell.row} 行第 ${cell.cell} 格` };
        return { table: n, text: `第 ${n} 个表格` };
      }
      return k ? { paragraph: numbers[line - 1], text: `第 ${numbers[line - 1]} 段` } : undefined;
    };
    const display = lines.map((l) => lineText(l.text)).join('\n');
    return { skeleton, input: { ...htmlInput('docx', map), place, canEdit: () => false, display } };
  },
  localize(m, place) {
    m.column = 1;
    m.endColumn = 1;
    m.message += `（Word 文件${place ? place.text : `第 ${m.line} 段或表格`}）`;
  },
  localizeRelated(r, place) {
    r.column = 1;
    r.endColumn = 1;
    if (place) r.message += `（${place.text}）`;
  },
};

/**
 * The text of one line of generated HTML (mammoth's output is well formed): a paragraph's text; a table's cells
 * joined by「|」and its rows by「/」.
 */
function lineText(html: string): string {
  const text = (s: string) => decodeHTML(s.replace(/<[^<>]*>/g, ' ')).replace(/[\s\u00a0]+/g, ' ').trim();
  if (!html.startsWith('<table')) return text(html);
  return html
    .split('</tr>')
    .map((row) => row.split(/<\/t[dh]>/).slice(0, -1).map(text).join(' | '))
    .filter((r) => r !== '')
    .join(' / ');
}

/** An element of mammoth's document model (the parts this module uses). */
interface MammothElement {
  type: string;
  children?: MammothElement[];
  numbering?: { level: string; isOrdered: boolean } | null;
  value?: string;
  [key: string]: unknown;
}

/**
 * Write the number of every numbered paragraph (一、 （二） 3.) in front of its text, as Word shows it, and make
 * it a plain paragraph. mammoth's numbered paragraphs and the document's, counted in order, must agree in number
 * and levels; otherwise the document is left as mammoth reads it.
 */
function withNumbers(doc: MammothElement, numbered: NumberedParagraph[]): MammothElement {
  const paragraphs: MammothElement[] = [];
  const visit = (e: MammothElement) => {
    if (e.type === 'paragraph' && e.numbering) paragraphs.push(e);
    for (const c of e.children ?? []) visit(c);
  };
  visit(doc);
  if (paragraphs.length !== numbered.length || paragraphs.some((p, i) => Number(p.numbering!.level) !== numbered[i].level)) return doc;
  paragraphs.forEach((p, i) => {
    const text = numbered[i].text;
    if (!text) return;
    const first = firstRun(p);
    const run: MammothElement = first ? { ...first, children: [{ type: 'text', value: text }] } : { type: 'run', children: [{ type: 'text', value: text }], isBold: false };
    p.children = [run, ...(p.children ?? [])];
    p.numbering = null;
  });
  return doc;
}

function firstRun(e: MammothElement): MammothElement | undefined {
  for (const c of e.children ?? []) {
    if (c.type === 'run') return c;
    const r = firstRun(c);
    if (r) return r;
  }
  return undefined;
}
