/** The text being written, and where each piece of it went (1-based lines, UTF-16 columns, offsets). */
import type { Loc } from './types.js';

export class Writer {
  private lines: string[] = [];
  private cur = '';
  private lineStart = 0;

  get line(): number {
    return this.lines.length + 1;
  }
  put(s: string): void {
    this.cur += s;
  }
  /** Write pre + core + post and return the place of core. */
  mark(core: string, pre = '', post = ''): Loc {
    this.cur += pre;
    const column = this.cur.length + 1;
    const offset = this.lineStart + this.cur.length;
    this.cur += core;
    const loc = { line: this.line, column, endLine: this.line, endColumn: this.cur.length + 1, offset, endOffset: offset + core.length };
    this.cur += post;
    return loc;
  }
  nl(n = 1): void {
    for (let i = 0; i < n; i++) {
      this.lines.push(this.cur);
      this.lineStart += this.cur.length + 1;
      this.cur = '';
    }
  }
  /** End the current line if it has anything, then make sure one blank line precedes what comes next. */
  gap(): void {
    if (this.cur !== '') this.nl();
    if (this.lines.length && this.lines[this.lines.length - 1] !== '') this.nl();
  }
  text(): string {
    return [...this.lines, this.cur].join('\n');
  }
}
