/**
 * Text normalised for matching (full-width digits as ASCII, white space removed: PDF text writes
 * 「2020 年 1 月 1 日」), with the way back to offsets in the written text, and places inside paragraphs.
 */
import type { SourceText } from '../text/lines.js';
import { isSpace } from '../text/lines.js';
import type { Position } from '../types.js';

export interface MappedText {
  /** the normalised text */
  text: string;
  /** idx[i] = index in the written text of the normalised character i; idx[text.length] = the written length */
  idx: number[];
}

/** Full-width digits → ASCII, full-width colon → ':', white space (U+3000, U+00A0, tabs …) dropped. */
export function mapText(s: string): MappedText {
  let text = '';
  const idx: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) continue;
    let ch = s[i];
    if (c >= 0xff10 && c <= 0xff19) ch = String.fromCharCode(c - 0xff10 + 0x30);
    text += ch;
    idx.push(i);
  }
  idx.push(s.length);
  return { text, idx };
}

/** The written span [start, end) of the normalised span [a, b). */
export function writtenSpan(m: MappedText, a: number, b: number): [number, number] {
  const start = m.idx[a];
  const end = b > a ? m.idx[b - 1] + 1 : start;
  return [start, end];
}

/** Something with a position in the source and a text, as paragraphs and titles are. */
export interface TextNode {
  value: string;
  position: Position;
}

/**
 * The source position of the characters [start, end) of a node's value. In plain text a paragraph's value is its
 * source text; in a page it is the decoded text of the markup, so the piece is looked up in the source, and the
 * whole node is the place when it cannot be found.
 */
export function placeIn(source: SourceText, node: TextNode, start: number, end: number): { position: Position } {
  const base = node.position.start.offset!;
  const stop = node.position.end.offset!;
  const raw = source.text.slice(base, stop);
  if (raw === node.value) return { position: source.position(base + start, base + end) };
  const piece = node.value.slice(start, end);
  // the piece as written, or its first line (a title joins its lines with a space)
  let k = raw.indexOf(piece);
  if (k >= 0) return { position: source.position(base + k, base + k + piece.length) };
  k = start < raw.length && raw.slice(start, end) === piece ? start : -1;
  if (k >= 0) return { position: source.position(base + k, base + k + piece.length) };
  return { position: node.position };
}
