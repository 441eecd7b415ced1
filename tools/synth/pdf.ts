/**
 * PDF text: what text extraction does to a table's labels — split by spaces (禁 止公开), long labels broken over two
 * lines, group labels broken into pieces (三、 / 本年度办 / 理 结 果). The rows themselves are tab rows (tab.ts).
 */
import type { Rng } from './rng.js';

/** Split a label with spaces as PDF text does (禁 止公开, 不 予 公 开). */
export function spaced(label: string, rng: Rng): string {
  if (rng.chance(0.25)) return [...label].join(' ').replace(/([（(]) /g, '$1').replace(/ ([）)])/g, '$1');
  const chars = [...label];
  if (chars.length < 6 || rng.chance(0.4)) return label;
  const at = rng.int(3, chars.length - 2);
  chars.splice(at, 0, ' ');
  return chars.join('');
}

/** Where a long label breaks over two lines: both pieces must read as label words. */
export function breakPoint(label: string, rng: Rng): number | undefined {
  const chars = [...label];
  if (chars.length < 22) return undefined;
  for (let tries = 0; tries < 8; tries++) {
    const at = rng.int(Math.floor(chars.length * 0.55), chars.length - 3);
    const tail = chars.slice(at).join('');
    if ((tail.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 2) return at;
  }
  return undefined;
}

/** 三、本年度办理结果 → 三、 / 本年度办 / 理结果 (only labels with an enumerator and enough words). */
export function groupSplit(label: string): string[] | undefined {
  const m = /^([一二三四五六七八九十]+、)(.+)$/.exec(label);
  if (!m || [...m[2]].length < 5) return undefined;
  const rest = [...m[2]];
  // as in seed 004: 三、 / 本年度办 / 理 结 果
  const at = Math.ceil(rest.length / 2);
  return [m[1], rest.slice(0, at).join(''), rest.slice(at).join(' ')];
}
