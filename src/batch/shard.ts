/**
 * --shard i/n: a stable split of a run's files by path, so that n jobs (a CI matrix, a Kubernetes Indexed Job) lint
 * a corpus between them and each file is linted by exactly one. A file's shard is a hash of its path relative to
 * the working directory (with / as separator), so it does not move when other files come or go.
 */
import { relative, sep } from 'node:path';

export class ShardError extends Error {}

export function parseShard(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new ShardError(`--shard 的写法是「第几份/共几份」，如 --shard 2/4（从 1 数起）；收到「${text}」`);
  return { index, count };
}

/** FNV-1a of the path's UTF-16 code units */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** the shard (1-based) a file belongs to */
export function shardOf(path: string, cwd: string, count: number): number {
  const rel = relative(cwd, path).split(sep).join('/');
  return (fnv(rel) % count) + 1;
}
