/**
 * The registry of input kinds: one module each (readers/<kind>.ts), one line each here. Adding an input kind is a
 * new module and a line in KINDS; nothing else in the code names a kind.
 *
 * Also the first step of the lint path: a file's bytes → the text to lint, by its name and its content.
 */
import { decode } from '../io/decode.js';
import { checkSize } from '../io/read.js';
import { textKind } from './text.js';
import { markdownKind } from './markdown.js';
import { htmlKind } from './html.js';
import { docxKind } from './docx.js';
import { pdfKind } from './pdf.js';
import type { InputKindModule, InputText } from './kind.js';

export type { InputKindModule, InputText, MadeText, ReadOptions } from './kind.js';

/** The input kinds, the default (plain text) first. */
export const KINDS: readonly InputKindModule[] = [textKind, markdownKind, htmlKind, docxKind, pdfKind];

/** An input kind's id: text, markdown, html, docx … */
export type InputKind = string;

const DEFAULT = KINDS[0];

/** The kind a file name says (by its ending); plain text for any other name. */
export function kindOfName(filePath?: string): InputKindModule {
  if (!filePath) return DEFAULT;
  const name = filePath.toLowerCase();
  return KINDS.find((k) => [...k.extensions, ...(k.otherNames ?? [])].some((e) => name.endsWith(e))) ?? DEFAULT;
}

/** The kind of an id; throws for an id no module has. */
export function kindById(id: string): InputKindModule {
  const k = KINDS.find((x) => x.id === id);
  if (!k) throw new Error(`没有这种输入类型「${id}」（可用：${KINDS.map((x) => x.id).join('、')}）`);
  return k;
}

/** The file name endings searched in folders. */
export function searchedExtensions(): string[] {
  return KINDS.flatMap((k) => k.extensions.map((e) => e.slice(1)));
}

/**
 * Bytes read from a file or from standard input → the text to lint: `name` (its ending) and the content decide the
 * kind. A binary kind is read when the name says so or its bytes show it (a .docx is a zip); any other file is
 * decoded as text (UTF-8, UTF-16, GB18030 …, or `encoding`), and a plain-text one that turns out to be of a kind
 * that recognises its text (a page under another name) is read as that kind. Throws DecodeError with a message for
 * people when the bytes cannot be used.
 */
export async function inputFromBytes(bytes: Uint8Array, name: string, encoding?: string): Promise<InputText> {
  checkSize(bytes.length);
  const named = kindOfName(name);
  const binary = named.binary ? named : KINDS.find((k) => k.binary && k.sniff?.(bytes));
  if (binary) {
    const made = await binary.toText!(bytes, binary === named);
    return typeof made === 'string' ? { text: made, kind: binary.id } : { ...made, kind: binary.id };
  }
  const sniffed = KINDS.find((k) => !k.binary && k.sniff?.(bytes));
  const decoded = decode(bytes, encoding, { html: Boolean(named.declaresCharset || sniffed?.declaresCharset) });
  let kind = named;
  if (kind.plain) kind = KINDS.find((k) => !k.binary && !k.plain && k.sniff?.(decoded.text)) ?? kind;
  return { text: decoded.text, kind: kind.id, decoded: { bytes, decoded } };
}
