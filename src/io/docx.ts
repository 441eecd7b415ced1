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
import { DecodeError } from './decode.js';
import { loadZip, numberedParagraphs, type NumberedParagraph } from './docx-numbering.js';

const fragment = unified().use(rehypeParse, { fragment: true });

/** The bytes of a .docx as HTML, one paragraph or table a line. Throws DecodeError when the file is no .docx. */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  // loaded when a .docx comes, not for every run
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
