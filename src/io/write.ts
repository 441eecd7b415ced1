/**
 * Text → bytes of a file, the way the file was: same encoding (UTF-8, UTF-16 LE/BE, GB18030 …), same BOM; line
 * endings are those of the text (fixes keep them). Written atomically: a temporary file in the same folder, then
 * a rename over the original, so that the file is either the old one or the new one, never half-written.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, readdir, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import type { Decoded } from './decode.js';
import { writeErrorReason } from './errors.js';

export class WriteError extends Error {}

/** The bytes of a text in an encoding, BOM included when the file had one. */
export function encodeText(text: string, encoding: string, bom: boolean): Buffer {
  const enc = canonical(encoding);
  const mark = bom ? '\uFEFF' : '';
  switch (enc) {
    case 'utf-8':
      return Buffer.from(mark + text, 'utf8');
    case 'utf-16le':
      return Buffer.from(mark + text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(mark + text, 'utf16le').swap16();
    default:
      if (!iconv.encodingExists(enc)) throw new WriteError(`无法按「${encoding}」编码写回`);
      return Buffer.concat([bom ? iconv.encode('\uFEFF', enc) : Buffer.alloc(0), iconv.encode(text, enc)]);
  }
}

function canonical(encoding: string): string {
  try {
    return new TextDecoder(encoding).encoding;
  } catch {
    return encoding.toLowerCase();
  }
}

function decodeExactly(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(canonical(encoding), { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Write the fixed text of a file over it. `original` are the bytes that were read and `decoded` what they were
 * read as. Refuses (WriteError, the file left as it is) when the encoding cannot give back the original bytes or
 * the new text exactly, when the file is read-only, or when it changed since it was read.
 */
export async function writeFixedFile(path: string, original: Uint8Array, decoded: Decoded, output: string): Promise<void> {
  const name = encodingName(decoded.encoding);
  // the encoding must give the original bytes back, so that what was not fixed stays byte for byte as it was
  const again = encodeText(decoded.text, decoded.encoding, decoded.bom);
  if (!again.equals(Buffer.from(original.buffer, original.byteOffset, original.byteLength))) {
    throw new WriteError(`这个文件（${name}）中有个别字符无法按原样写回，写回可能改坏文件`);
  }
  let bytes: Buffer;
  try {
    bytes = encodeText(output, decoded.encoding, decoded.bom);
  } catch (e) {
    throw e instanceof WriteError ? e : new WriteError(`修正后的文字无法按${name}保存`);
  }
  const back = decodeExactly(bytes, decoded.encoding);
  if (back !== (decoded.bom ? '\uFEFF' : '') + output) throw new WriteError(`修正后的文字中有${name}无法表示的字符`);

  let real: string;
  try {
    real = await realpath(path);
  } catch (e) {
    throw new WriteError(reason(e));
  }
  const st = await stat(real).catch((e: unknown) => {
    throw new WriteError(reason(e));
  });
  // a file without any write permission is read-only on purpose, even for an administrator
  if ((st.mode & 0o222) === 0) throw new WriteError('文件是只读的');
  await access(real, constants.W_OK).catch((e: unknown) => {
    throw new WriteError(reason(e));
  });
  const now = await readFile(real).catch((e: unknown) => {
    throw new WriteError(reason(e));
  });
  if (!now.equals(Buffer.from(original.buffer, original.byteOffset, original.byteLength))) {
    throw new WriteError('文件在检查期间被改动过，写入会覆盖新的内容');
  }

  await removeStaleTemps(real);
  // a file with other names (hard links), or owned by someone else (a rename would make it ours): written in
  // place, after the check above, so that every name and the owner stay
  const uid = process.getuid?.();
  if (st.nlink > 1 || (uid !== undefined && uid !== 0 && st.uid !== uid)) {
    try {
      const fh = await open(real, 'r+');
      try {
        await fh.write(bytes, 0, bytes.length, 0);
        await fh.truncate(bytes.length);
        await fh.sync();
      } finally {
        await fh.close();
      }
      return;
    } catch (e) {
      throw new WriteError(reason(e));
    }
  }

  const tmp = join(dirname(real), `.${basename(real)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  let created = false;
  try {
    const fh = await open(tmp, 'wx', st.mode & 0o7777);
    created = true;
    try {
      await fh.writeFile(bytes);
      // the mode asked for at creation is cut by the umask: set it exactly
      await fh.chmod(st.mode & 0o7777);
      if (process.getuid?.() === 0) await fh.chown(st.uid, st.gid).catch(() => undefined);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, real);
    created = false;
  } catch (e) {
    throw new WriteError(reason(e));
  } finally {
    if (created) await unlink(tmp).catch(() => undefined);
  }
}

const TEMP_SUFFIX = '.report-lint.tmp';

/**
 * Temporary copies left beside a file by a run that was killed before its rename (.NAME.PID.HEX.report-lint.tmp,
 * PID no longer running) are removed by the next run that fixes the file.
 */
async function removeStaleTemps(real: string): Promise<void> {
  const dir = dirname(real);
  const prefix = `.${basename(real)}.`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const m = /^(\d+)\.[0-9a-f]{8}$/.exec(name.slice(prefix.length, -TEMP_SUFFIX.length));
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    await unlink(join(dir, name)).catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function encodingName(encoding: string): string {
  const e = canonical(encoding);
  return e === 'utf-8' ? 'UTF-8 编码' : e === 'utf-16le' ? 'UTF-16 LE 编码' : e === 'utf-16be' ? 'UTF-16 BE 编码' : `${e.toUpperCase()} 编码`;
}

function reason(e: unknown): string {
  return e instanceof WriteError ? e.message : writeErrorReason(e);
}
