/**
 * Paths on the command line → the files to lint: files as given, folders searched recursively for report
 * files, glob patterns expanded (tinyglobby).
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export interface FileTarget {
  path: string;
  /** why the path could not be used (it does not exist, nothing matched) */
  error?: string;
  /** named on the command line (not found in a folder or by a glob) */
  explicit?: boolean;
}

// ~$name.docx: the lock file Word leaves beside an open document
const IGNORE = ['**/node_modules/**', '**/.git/**', '**/~$*'];

/** `extensions`: the file name endings searched for in folders (without the dot). */
export async function expandPaths(patterns: string[], extensions: readonly string[], cwd = process.cwd()): Promise<FileTarget[]> {
  const out: FileTarget[] = [];
  const seen = new Set<string>();
  const add = (p: string, explicit = false) => {
    const abs = resolve(cwd, p);
    if (!seen.has(abs)) {
      seen.add(abs);
      out.push({ path: abs, explicit });
    }
  };
  for (const pattern of patterns) {
    let st;
    try {
      st = statSync(resolve(cwd, pattern));
    } catch {
      st = undefined;
    }
    if (st?.isFile()) {
      add(pattern, true);
    } else if (st?.isDirectory()) {
      const found = await glob(`**/*.{${extensions.join(',')}}`, { cwd: resolve(cwd, pattern), ignore: IGNORE, absolute: true, dot: false });
      found.sort().forEach((f) => add(f));
    } else if (isDynamicPattern(pattern)) {
      const found = await glob(pattern, { cwd, ignore: IGNORE, absolute: true });
      if (!found.length) out.push({ path: resolve(cwd, pattern), error: `没有文件符合「${pattern}」` });
      found.sort().forEach((f) => add(f));
    } else {
      out.push({ path: resolve(cwd, pattern), error: `找不到文件或文件夹「${pattern}」` });
    }
  }
  return out;
}
