/**
 * Bytes → text. UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and GB18030 (which covers GBK) for text
 * saved by Chinese Windows. A file with NUL bytes and no UTF-16 BOM is taken for binary.
 */
export class DecodeError extends Error {}

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  bom: boolean;
}

export function decode(bytes: Uint8Array, forced?: string): Decoded {
  if (forced) {
    try {
      // ignoreBOM keeps a BOM in the text, so that it is known (and written back by --fix)
      const text = new TextDecoder(forced, { fatal: true, ignoreBOM: true }).decode(bytes);
      return { text: text.replace(/^\uFEFF/, ''), encoding: forced as Decoded['encoding'], bom: text.startsWith('\uFEFF') };
    } catch (e) {
      throw new DecodeError(e instanceof RangeError ? `不支持的编码「${forced}」` : `无法按「${forced}」解码这个文件`);
    }
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strict('utf-8', bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strict('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strict('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  if (bytes.includes(0)) throw new DecodeError('这是二进制文件，不是文本');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030', bom: false };
    } catch {
      throw new DecodeError('既不是 UTF-8 也不是 GB18030/GBK 编码的文本，无法读取（可用 --encoding 指定编码）');
    }
  }
}

function strict(enc: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(enc, { fatal: true }).decode(bytes);
  } catch {
    throw new DecodeError(`文件以 ${enc.toUpperCase()} 的 BOM 开头，但内容无法按 ${enc.toUpperCase()} 解码`);
  }
}
