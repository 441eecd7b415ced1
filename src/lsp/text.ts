/**
 * Positions for the language server: the lines of one version of a document, and conversion between the
 * linter's positions (1-based lines, 1-based columns in UTF-16 code units, offsets into the text) and LSP
 * positions (0-based lines, 0-based characters in the negotiated position encoding: UTF-16, UTF-8 or UTF-32).
 */
import type { Position, Range } from 'vscode-languageserver';

export type PositionEncoding = 'utf-16' | 'utf-8' | 'utf-32';

export const SUPPORTED_ENCODINGS: readonly PositionEncoding[] = ['utf-16', 'utf-8', 'utf-32'];

/**
 * The encoding to use: the first one of the client's list (its order of preference) that the server supports;
 * UTF-16, which every client must support, when the client names none or none that we know.
 */
export function negotiateEncoding(offered: readonly string[] | undefined): PositionEncoding {
  for (const e of offered ?? []) {
    const name = e.toLowerCase() as PositionEncoding;
    if (SUPPORTED_ENCODINGS.includes(name)) return name;
  }
  return 'utf-16';
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Code units of one code point (given by its first UTF-16 unit) in an encoding. */
function unitsOf(cp: number, encoding: PositionEncoding): number {
  switch (encoding) {
    case 'utf-32':
      return 1;
    case 'utf-16':
      return cp > 0xffff ? 2 : 1;
    case 'utf-8':
      // a lone surrogate is written as U+FFFD (3 bytes) by every UTF-8 encoder
      return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
}

/** The character of a UTF-16 index in a line, counted in another encoding. */
export function fromUtf16(line: string, index: number, encoding: PositionEncoding): number {
  let i = Math.max(0, Math.min(index, line.length));
  // never split a surrogate pair
  if (i > 0 && i < line.length && isLow(line.charCodeAt(i)) && isHigh(line.charCodeAt(i - 1))) i--;
  if (encoding === 'utf-16') return i;
  let n = 0;
  for (let k = 0; k < i; ) {
    const cp = line.codePointAt(k)!;
    n += unitsOf(cp, encoding);
    k += cp > 0xffff ? 2 : 1;
  }
  return n;
}

/** The UTF-16 index of a character given in another encoding (clamped to the line; never inside a code point). */
export function toUtf16(line: string, character: number, encoding: PositionEncoding): number {
  const want = Math.max(0, character);
  if (encoding === 'utf-16') {
    let i = Math.min(want, line.length);
    if (i > 0 && i < line.length && isLow(line.charCodeAt(i)) && isHigh(line.charCodeAt(i - 1))) i--;
    return i;
  }
  let n = 0;
  let k = 0;
  while (k < line.length) {
    const cp = line.codePointAt(k)!;
    const u = unitsOf(cp, encoding);
    if (n + u > want) break;
    n += u;
    k += cp > 0xffff ? 2 : 1;
  }
  return k;
}

/** One version of a document's text, with its lines; converts positions in the negotiated encoding. */
export class LineIndex {
  readonly text: string;
  readonly encoding: PositionEncoding;
  /** offset of each line's first character */
  private readonly starts: number[] = [];
  /** offset just past each line's last character, before its line break */
  private readonly ends: number[] = [];

  constructor(text: string, encoding: PositionEncoding) {
    this.text = text;
    this.encoding = encoding;
    // the same line breaks as the linter's SourceText: CRLF, CR and LF
    const re = /\r\n|\r|\n/g;
    let start = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      this.starts.push(start);
      this.ends.push(m.index);
      start = m.index + m[0].length;
    }
    this.starts.push(start);
    this.ends.push(text.length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The text of a 0-based line, without its line break ('' past the end). */
  line(n: number): string {
    if (n < 0 || n >= this.starts.length) return '';
    return this.text.slice(this.starts[n], this.ends[n]);
  }

  /** LSP position of a linter point: 1-based line, 1-based UTF-16 column. */
  fromLinter(line: number, column: number): Position {
    const l = Math.max(0, Math.min(line - 1, this.lineCount - 1));
    return { line: l, character: fromUtf16(this.line(l), column - 1, this.encoding) };
  }

  rangeFromLinter(p: { line: number; column: number; endLine: number; endColumn: number }): Range {
    return { start: this.fromLinter(p.line, p.column), end: this.fromLinter(p.endLine, p.endColumn) };
  }

  /** LSP position of the end of a 0-based line (before its line break). */
  lineEnd(n: number): Position {
    const l = Math.max(0, Math.min(n, this.lineCount - 1));
    const text = this.line(l);
    return { line: l, character: fromUtf16(text, text.length, this.encoding) };
  }

  /** LSP position of an offset into the text. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    const col = Math.min(o, this.ends[lo]) - this.starts[lo];
    return { line: lo, character: fromUtf16(this.line(lo), col, this.encoding) };
  }

  /** Offset into the text of an LSP position (clamped into the text; a character past the line's end means its end). */
  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.lineCount) return this.text.length;
    return this.starts[p.line] + toUtf16(this.line(p.line), p.character, this.encoding);
  }

  /** The same position in UTF-16 characters (what vscode-languageserver-textdocument works in). */
  toUtf16Position(p: Position): Position {
    if (this.encoding === 'utf-16') return p;
    if (p.line < 0) return { line: 0, character: 0 };
    if (p.line >= this.lineCount) return { line: this.lineCount - 1, character: this.line(this.lineCount - 1).length };
    return { line: p.line, character: toUtf16(this.line(p.line), p.character, this.encoding) };
  }
}
