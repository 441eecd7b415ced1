/**
 * Reading the bytes of an input, never more than a limit and only from a regular file: a link to /dev/zero, a
 * pipe (FIFO), a socket or a device is refused with a message that says what it is, without waiting on it
 * (opened without blocking, looked at through the open descriptor, so that what is read is what was looked at).
 * Standard input is read up to the limit and no further.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { DecodeError } from './decode.js';

/** What a path that is not a regular file is, for people. */
function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isDirectory()) return '这是文件夹，不是文件';
  if (st.isFIFO()) return '这是管道（FIFO），不是普通文件，未读取';
  if (st.isSocket()) return '这是套接字，不是普通文件，未读取';
  if (st.isCharacterDevice() || st.isBlockDevice()) return '这是设备文件，不是普通文件，未读取';
  return '这不是普通文件，未读取';
}

export function tooLarge(size: number, max: number): DecodeError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const what = size > max ? `（${mb(size)} MB）` : '';
  return new DecodeError(`文件太大${what}，超过了可以检查的 ${mb(max)} MB：年度报告一般不到 1 MB，请确认这是不是报告文件`);
}

/** The bytes of a regular file (links followed), at most `max` of them; DecodeError for anything else or more. */
export async function readRegularFile(path: string, max: number): Promise<Buffer> {
  // O_NONBLOCK: opening a FIFO with no writer would wait forever
  const fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new DecodeError(kindOf(st));
    if (st.size > max) throw tooLarge(st.size, max);
    // the file may grow while it is read: read on to its end, but never more than max + 1 bytes
    let buf = Buffer.alloc(Math.min(max + 1, Math.max(st.size + 1, 64 * 1024)));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (buf.length > max) break;
        const bigger = Buffer.alloc(Math.min(max + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    if (n > max) throw tooLarge(n, max);
    return buf.subarray(0, n);
  } finally {
    await fh.close();
  }
}

/** All of a stream (standard input) up to `max` bytes; DecodeError as soon as there is more. */
export async function readStreamBounded(stream: NodeJS.ReadableStream & { destroy?: () => void }, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    n += b.length;
    if (n > max) {
      stream.destroy?.();
      throw tooLarge(0, max);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}
