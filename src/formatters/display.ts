/**
 * Helpers for formatters that print for people: display width of Chinese text, tab expansion, relative paths.
 */
import { relative, isAbsolute } from 'node:path';
import stringWidth from 'string-width';
import { printable } from '../io/files.js';

export { printable };

export function width(s: string): number {
  return stringWidth(s);
}

export function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

export function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - width(s))) + s;
}

/** A path for people: relative to cwd when it is below it; control characters in names shown as \xNN. */
export function displayPath(path: string, cwd: string): string {
  if (!isAbsolute(path)) return printable(path);
  const r = relative(cwd, path);
  return printable(r && !r.startsWith('..') && !isAbsolute(r) ? r : path);
}

export const TAB = '    ';

/** Show a source line: tabs as spaces, other control characters as visible marks. */
export function visibleLine(s: string): string {
  return s.replace(/\t/g, TAB).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\u2423');
}

/** Display width of the first `units` UTF-16 units of a line, as visibleLine shows it. */
export function displayColumn(line: string, units: number): number {
  return width(visibleLine(line.slice(0, units)));
}
