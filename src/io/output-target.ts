/**
 * Where --output-file writes, checked before anything is linted so that a path that cannot be written fails at
 * once (exit 2) with the reason:
 *  - a regular file (or a new one) is written atomically: a temporary file beside the target, renamed over it,
 *    with the target's mode kept; the folder is created when missing;
 *  - a link is never replaced: what it points to is written (a link to a file: that file, atomically);
 *  - a device, a pipe or a terminal (/dev/null, /dev/stdout, a FIFO) is written through, never replaced by a file
 *    (a pipe nobody reads is refused instead of waited on);
 *  - a file that is one of the inputs is refused: writing the output over a report would destroy it.
 */
import { closeSync, constants, fchmodSync, lstatSync, mkdirSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { OutputError } from './output.js';
import { writeErrorReason } from './errors.js';

export interface OutputTarget {
  write(text: string): void;
}

function fail(path: string, why: string): OutputError {
  return new OutputError(`无法写入输出文件「${path}」：${why}`);
}

function statOrUndefined(p: string, follow: boolean): Stats | undefined {
  try {
    return follow ? statSync(p) : lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The regular file a path stands for: itself, or what its links point to (which may not exist yet). */
function linkTarget(path: string): string {
  let p = path;
  for (let hops = 0; hops < 40; hops++) {
    const st = statOrUndefined(p, false);
    if (!st?.isSymbolicLink()) return p;
    p = resolve(dirname(p), readlinkSync(p));
  }
  const e = new Error('too many links') as NodeJS.ErrnoException;
  e.code = 'ELOOP';
  throw e;
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** Check the output path now and return how to write it; throws OutputError with the reason. */
export function openOutput(path: string, inputs: readonly string[]): OutputTarget {
  try {
    const st = statOrUndefined(path, true);
    if (st?.isDirectory()) throw fail(path, '这是一个文件夹');
    if (st && !st.isFile()) return writeThrough(path, st);
    for (const input of inputs) {
      const i = statOrUndefined(input, true);
      if (st && i && sameFile(st, i)) throw fail(path, '它就是被检查的文件之一，写入结果会覆盖这份报告');
    }
    const real = st ? realpathSync(path) : linkTarget(path);
    const dir = dirname(real);
    mkdirSync(dir, { recursive: true });
    // can a file be made there? (a read-only folder, /proc …): found now, not after the lint
    const probe = tempName(real);
    try {
      closeSync(openSync(probe, 'wx', 0o600));
    } catch (e) {
      throw fail(path, `无法在文件夹「${dir}」中创建文件（${writeErrorReason(e)}）`);
    }
    rmSync(probe, { force: true });
    return { write: (text) => writeAtomic(path, real, text, st) };
  } catch (e) {
    if (e instanceof OutputError) throw e;
    throw fail(path, writeErrorReason(e));
  }
}

function tempName(real: string): string {
  return join(dirname(real), `.${basename(real)}.${process.pid}.${randomBytes(4).toString('hex')}.report-lint.tmp`);
}

function writeAtomic(path: string, real: string, text: string, before: Stats | undefined): void {
  const tmp = tempName(real);
  try {
    // a new file gets the usual mode (0666 less the umask), a file replaced keeps its own
    const fd = openSync(tmp, 'wx', 0o666);
    try {
      writeAll(fd, Buffer.from(text, 'utf8'));
      const mode = (statOrUndefined(real, true) ?? before)?.mode;
      if (mode !== undefined) fchmodSync(fd, mode & 0o7777);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, real);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw fail(path, writeErrorReason(e));
  }
}

/** A device, pipe or terminal: written to, never replaced. A pipe without a reader is refused, not waited on. */
function writeThrough(path: string, st: Stats): OutputTarget {
  const flags = constants.O_WRONLY | (st.isFIFO() ? constants.O_NONBLOCK : 0);
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw fail(path, code === 'ENXIO' ? '这是没有读取方的管道' : writeErrorReason(e));
  }
  return {
    write: (text) => {
      try {
        writeAll(fd, Buffer.from(text, 'utf8'));
      } catch (e) {
        throw fail(path, writeErrorReason(e));
      } finally {
        closeSync(fd);
      }
    },
  };
}

function writeAll(fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      // a pipe opened without blocking is full: wait for its reader a little
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}
