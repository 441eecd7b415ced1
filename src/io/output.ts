/**
 * Writing an output file (--output-file) so that no reader ever sees half of it: the text goes to a temporary file
 * in the same folder, which is then renamed over the target. The folder is created when missing.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeErrorReason as reason } from './errors.js';

export class OutputError extends Error {}

export function writeFileAtomic(path: string, text: string): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* nothing was written there */
    }
    throw new OutputError(`无法写入输出文件「${path}」：${reason(e)}`);
  }
}
