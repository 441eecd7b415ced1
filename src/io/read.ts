/**
 * Reading a file's bytes, within the size limit (checked before the file is read), and saying in words why a
 * file could not be read.
 */
import { readFile, stat } from 'node:fs/promises';
import { DecodeError } from './decode.js';

/** Files larger than this are not read: an annual report is well under 1 MB, a web page with its site a few MB. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export function checkSize(size: number): void {
  if (size <= MAX_FILE_BYTES) return;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  throw new DecodeError(`文件太大（${mb(size)} MB），超过了可以检查的 ${mb(MAX_FILE_BYTES)} MB：年度报告一般不到 1 MB，请确认这是不是报告文件`);
}

/** A file's bytes; a file over the size limit is refused before it is read. */
export async function readBytes(path: string): Promise<Uint8Array> {
  const st = await stat(path);
  if (st.isFile()) checkSize(st.size);
  return readFile(path);
}

/** Why a file could not be read, for people. */
export function readErrorMessage(e: unknown): string {
  if (e instanceof DecodeError) return `无法读取：${e.message}`;
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return '无法读取：文件不存在';
    case 'EACCES':
    case 'EPERM':
      return '无法读取：没有读取权限';
    case 'EISDIR':
      return '无法读取：这是文件夹，不是文件';
    default:
      return `无法读取：${e instanceof Error ? e.message : String(e)}`;
  }
}
