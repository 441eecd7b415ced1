/**
 * Lines of a text with their offsets, and conversion between offsets and unist points.
 * Columns are 1-based UTF-16 code units: the unit of JavaScript strings, of LSP (by default) and of ESLint JSON.
 */
import type { Point, Position } from '../types.js';

export interface Line {
  /** 1-based line number */
  line: number;
  /** offset of the first character */
  start: number;
  /** offset just past the last character, before the line ending */
  end: number;
  text: string;
}

export class SourceText {
  readonly text: string;
  readonly lines: Line[];
  private readonly starts: number[];

  constructor(text: string) {
    this.text = text;
    this.lines = [];
    this.starts = [];
    // CRLF, CR and LF all end a line; each counts as one line break.
    const re = /\r\n|\r|\n/g;
    let start = 0;
    let n = 1;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      this.lines.push({ line: n++, start, end: m.index, text: text.slice(start, m.index) });
      this.starts.push(start);
      start = m.index + m[0].length;
    }
    this.lines.push({ line: n, start, end: text.length, text: text.slice(start) });
    this.starts.push(start);
  }

  /** The point at an offset (clamped into the text). */
  /** the line last found: points are mostly asked for in order, often on the same line */
  private hint = 0;

  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const h = this.hint;
    let lo = 0;
    let hi = this.starts.length - 1;
    if (this.starts[h] <= o && (h === hi || this.starts[h + 1] > o)) lo = hi = h;
    else if (this.starts[h] <= o) lo = h;
    else hi = h;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    const line = this.lines[lo];
    // an offset inside a CRLF pair belongs to the end of the line
    const col = Math.min(o, line.end) - line.start + 1;
    return { line: line.line, column: col, offset: Math.min(o, line.end) === o ? o : line.end };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }

  /** The offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    const l = this.lines[Math.max(0, Math.min(line - 1, this.lines.length - 1))];
    return Math.min(l.start + Math.max(0, column - 1), l.end);
  }
}

/** The span [start, end) of `text` without the white space at either end (any Unicode space, U+3000, U+00A0, zero-width). */
export function trimSpan(text: string, start: number): { start: number; end: number; value: string } {
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return { start: start + a, end: start + b, value: text.slice(a, b) };
}

export function isSpace(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c ||
    c === 0xa0 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff
  );
}

export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}
