/**
 * Paths on the command line → the files to lint: files as given, folders searched recursively for report
 * files, glob patterns expanded (tinyglobby).
 *
 * A folder is searched without recursion and without following links to folders (as ESLint 9 does: a link could
 * lead outside the folder, or round in a loop); links to files are followed. Nothing is passed over in silence:
 * a folder that cannot be read is an error, a link to a folder, a broken or looping link and a pipe, socket or
 * device with a report's name are each said to be skipped, with the reason.
 */
import { statSync, type Dirent, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export interface FileTarget {
  path: string;
  /** why the path could not be used (it does not exist, nothing matched) */
  error?: string;
  /** named on the command line (not found in a folder or by a glob) */
  explicit?: boolean;
  /** found in a folder and not read, and why (a link to a folder, a pipe …): said as a warning */
  skipped?: string;
}

/** A name for people: control characters (which a terminal would obey) shown as \xNN escapes. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}


function notRegular(st: Stats | Dirent): string {
  if (st.isFIFO()) return '这是管道（FIFO），不是普通文件，未读取';
  if (st.isSocket()) return '这是套接字，不是普通文件，未读取';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '这是设备文件，不是普通文件，未读取';
  return '这不是普通文件，未读取';
}

function whyNot(e: unknown): string {
  switch ((e as NodeJS.ErrnoException)?.code) {
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'ELOOP':
      return '符号链接循环指向自己';
    case 'ENOENT':
      return '不存在（符号链接指向的文件已不存在）';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/** The report files of a folder and its subfolders, and what was skipped there, sorted by path. */
async function searchFolder(root: string, extensions: readonly string[]): Promise<FileTarget[]> {
  const REPORT_NAME = new RegExp(`\\.(?:${extensions.map((e) => e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
  const found: FileTarget[] = [];
  const pending = [root];
  while (pending.length) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      found.push({ path: dir, error: `无法读取文件夹（${whyNot(e)}），其中的报告未检查` });
      continue;
    }
    for (const ent of entries) {
      const name = ent.name;
      // hidden files and folders, node_modules, and ~$name.docx: the lock file Word leaves beside an open document
      if (name.startsWith('.') || name === 'node_modules' || name.startsWith('~$')) continue;
      const path = join(dir, name);
      if (ent.isDirectory()) {
        pending.push(path);
        continue;
      }
      const report = REPORT_NAME.test(name);
      if (ent.isFile()) {
        if (report) found.push({ path });
        continue;
      }
      if (ent.isSymbolicLink()) {
        let st: Stats;
        try {
          st = await stat(path);
        } catch (e) {
          if (report) found.push({ path, skipped: `符号链接无法跟随：${whyNot(e)}，未检查` });
          continue;
        }
        if (st.isDirectory()) found.push({ path, skipped: '这是指向文件夹的符号链接，查找文件夹时不进入（要检查其中的报告，请直接给出这个文件夹）' });
        else if (!report) continue;
        else if (st.isFile()) found.push({ path });
        else found.push({ path, skipped: notRegular(st) });
        continue;
      }
      if (report) found.push({ path, skipped: notRegular(ent) });
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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
    let failure: unknown;
    try {
      st = statSync(resolve(cwd, pattern));
    } catch (e) {
      st = undefined;
      failure = e;
    }
    const code = (failure as NodeJS.ErrnoException | undefined)?.code;
    if (st?.isDirectory()) {
      for (const t of await searchFolder(resolve(cwd, pattern), extensions)) {
        if (t.error || t.skipped) {
          if (!seen.has(t.path)) out.push(t);
          seen.add(t.path);
        } else add(t.path);
      }
    } else if (st) {
      // a file, or a pipe or device named on purpose: the reader reads regular files only and says why not
      add(pattern, true);
    } else if (isDynamicPattern(pattern)) {
      const found = await glob(pattern, { cwd, ignore: IGNORE, absolute: true });
      if (!found.length) out.push({ path: resolve(cwd, pattern), error: `没有文件符合「${printable(pattern)}」` });
      found.sort().forEach((f) => add(f));
    } else if (code && code !== 'ENOENT' && code !== 'ENOTDIR') {
      out.push({ path: resolve(cwd, pattern), error: `无法读取「${printable(pattern)}」：${whyNot(failure)}` });
    } else {
      out.push({ path: resolve(cwd, pattern), error: `找不到文件或文件夹「${printable(pattern)}」` });
    }
  }
  return out;
}
