/**
 * Bounds of a Word file (see ../bounds.ts), checked on the zip before mammoth reads it: a .docx of some kilobytes
 * can unpack to gigabytes (a zip bomb) or hold millions of empty paragraphs, each of which mammoth turns into
 * objects. The zip's directory gives the unpacked sizes; word/document.xml is unpacked here with a cap on its
 * size (whatever its directory entry claims) and its paragraphs and tables are counted.
 *
 * A file that is not a zip as expected is left to mammoth, which says why it cannot be read.
 */
import { inflateRawSync } from 'node:zlib';
import { LIMITS, overLimit } from './limits.js';

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function entries(buf: Buffer): Entry[] | undefined {
  // the end of central directory record: in the last 22 + 65535 bytes
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return out;
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    out.push({
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, Math.min(buf.length, at + 46 + nameLen)),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Throws LimitError when the Word file unpacks to too much or holds too many paragraphs. */
export function checkDocx(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const list = entries(buf);
  if (!list) return;
  let total = 0;
  for (const e of list) {
    total += e.size;
    if (total > LIMITS.docxExpandedBytes) throw overLimit('Word 文件解压后的大小', LIMITS.docxExpandedBytes / 1024 / 1024, 'MB');
  }
  const doc = list.find((e) => e.name === 'word/document.xml');
  if (!doc || doc.localOffset + 30 > buf.length || buf.readUInt32LE(doc.localOffset) !== 0x04034b50) return;
  const start = doc.localOffset + 30 + buf.readUInt16LE(doc.localOffset + 26) + buf.readUInt16LE(doc.localOffset + 28);
  const data = buf.subarray(start, Math.min(buf.length, start + doc.compressedSize));
  let xml: Buffer;
  if (doc.method === 0) xml = data;
  else if (doc.method === 8) {
    try {
      xml = inflateRawSync(data, { maxOutputLength: LIMITS.docxExpandedBytes });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
        throw overLimit('Word 文件正文（document.xml）解压后的大小', LIMITS.docxExpandedBytes / 1024 / 1024, 'MB');
      }
      return; // damaged: mammoth says so
    }
  } else return;
  // <w:p>, <w:p …>, <w:p/> and <w:tbl>: paragraphs (also those in table cells) and tables
  const text = xml.toString('latin1');
  const block = /<w:(?:p|tbl)[\s>/]/g;
  let n = 0;
  while (block.exec(text)) {
    if (++n > LIMITS.docxParagraphs) throw overLimit('Word 文件的段落和表格数', LIMITS.docxParagraphs, '个');
  }
}
