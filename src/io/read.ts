/**
 * Reading a file's bytes, within the size limit (checked before the file is read), and saying in words why a
 * file could not be read.
 */
import { DecodeError } from './decode.js';
import { readRegularFile, tooLarge } from './read-file.js';

/** Files larger than this are not read: an annual report is well under 1 MB, a web page with its site a few MB. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export function checkSize(size: number): void {
  if (size > MAX_FILE_BYTES) throw tooLarge(size, MAX_FILE_BYTES);
}

/**
 * A file's bytes: only a regular file (a link to /dev/zero, a pipe is refused, saying what it is), never more
 * than the size limit (see read-file.ts).
 */
export async function readBytes(path: string): Promise<Uint8Array> {
  return readRegularFile(path, MAX_FILE_BYTES);
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
    case 'ELOOP':
      return '无法读取：符号链接循环指向自己';
    case 'ENXIO':
      return '无法读取：这是没有写入方的管道或套接字，不是普通文件';
    default:
      return `无法读取：${e instanceof Error ? e.message : String(e)}`;
  }
}
