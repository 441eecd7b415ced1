/**
 * Bytes → text. UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without one when the zero bytes show
 * it), and GB18030 (which covers GBK and GB2312) for text saved by Chinese Windows. An HTML page's own
 * `<meta charset>` is followed when it is right. Files that are not text (PDF, old Word .doc, pictures,
 * archives, anything with zero bytes) are refused with a message that says what they are.
 */
export class DecodeError extends Error {}

export interface Decoded {
  text: string;
  encoding: string;
  bom: boolean;
}

export interface DecodeOptions {
  /** the bytes are an HTML page: its <meta charset> is tried first */
  html?: boolean;
}

export function decode(bytes: Uint8Array, forced?: string, opts: DecodeOptions = {}): Decoded {
  if (forced) {
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(forced, { fatal: true, ignoreBOM: true });
    } catch {
      throw new DecodeError(`不支持的编码「${forced}」（可用 utf-8、gb18030、gbk、utf-16le、utf-16be、big5 等）`);
    }
    try {
      const text = decoder.decode(bytes);
      return { text: text.replace(/^\uFEFF/, ''), encoding: decoder.encoding, bom: text.startsWith('\uFEFF') };
    } catch {
      throw new DecodeError(`无法按「${forced}」解码这个文件：其中有不属于这种编码的字节`);
    }
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strict('utf-8', bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strict('utf-16le', bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strict('utf-16be', bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  const what = binaryKind(bytes);
  if (what) throw new DecodeError(what);
  if (bytes.includes(0)) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return utf16;
    throw new DecodeError('这是二进制文件，不是文本');
  }
  // valid UTF-8 is UTF-8 (text in GBK is practically never valid UTF-8, whatever a page declares)
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // a file cut off inside its last character (an interrupted copy or download) is still UTF-8
    const cut = incompleteUtf8Tail(bytes);
    if (cut) {
      try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut)) + '\uFFFD', encoding: 'utf-8', bom: false };
      } catch {
        /* not UTF-8 */
      }
    }
  }
  const declared = opts.html ? metaCharset(bytes) : undefined;
  for (const enc of declared && declared !== 'utf-8' ? [declared, 'gb18030'] : ['gb18030']) {
    try {
      const d = new TextDecoder(enc, { fatal: true });
      return { text: d.decode(bytes), encoding: d.encoding, bom: false };
    } catch {
      /* the next one */
    }
  }
  throw new DecodeError('既不是 UTF-8 也不是 GB18030/GBK 编码的文本，无法读取（可用 --encoding 指定编码）');
}

/** The number of bytes at the end that begin a UTF-8 sequence and stop before it is complete (0 if none). */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= bytes.length; k++) {
    const b = bytes[bytes.length - k];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

function strict(enc: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new DecodeError(`文件以 ${enc.toUpperCase()} 的 BOM 开头，但内容无法按 ${enc.toUpperCase()} 解码`);
  }
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

export const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_SIGNATURE);
}

/** What a file that is not text is, said for the people who gave it, or undefined for anything else. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
  if (startsWith(bytes, ascii('%PDF-'))) {
    return '这是 PDF 文件，不能直接检查：请把报告另存为文本（.txt）、网页（.html）或 Word（.docx）文件再检查';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return '这是旧版 Word（.doc）、WPS 或 Excel（.xls）文件，不能直接检查：请另存为 Word（.docx）或文本（.txt）文件再检查';
  }
  if (isZip(bytes)) {
    return '这是压缩文件（zip，也可能是改了扩展名的 Word、Excel 或 WPS 文件），不是文本：Word 文件请以 .docx 为扩展名';
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, ascii('GIF8'))) {
    return '这是图片文件，不是文本：report-lint 不能识别图片中的文字';
  }
  if (startsWith(bytes, ascii('Rar!')) || startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(bytes, [0x1f, 0x8b])) {
    return '这是压缩文件，不是文本：请先解压';
  }
  return undefined;
}

/**
 * UTF-16 without a BOM (Windows "Unicode" text saved by some tools): taken when the bytes decode as UTF-16 in one
 * byte order and nearly every character is one a report is written in (Chinese, also beyond U+FFFF, ASCII, CJK punctuation, white
 * space); the other order, or binary data, gives rare characters and controls.
 */
function utf16WithoutBom(bytes: Uint8Array): Decoded | undefined {
  if (bytes.length < 4 || bytes.length % 2) return undefined;
  for (const enc of ['utf-16le', 'utf-16be']) {
    let text: string;
    try {
      text = new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      continue;
    }
    let plausible = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 0x20 && c < 0x7f) || c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x3000 && c <= 0x303f) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || c === 0xa0 || (c >= 0x2010 && c <= 0x2027) || (c >= 0xd840 && c <= 0xd87f) || (c >= 0xdc00 && c <= 0xdfff)) plausible++;
    }
    if (plausible >= text.length * 0.95) return { text, encoding: enc, bom: false };
  }
  return undefined;
}

/** The encoding a page declares in its first 1024 bytes (<meta charset=…> or http-equiv Content-Type), if one. */
export function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const m = /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})/i.exec(head);
  if (!m) return undefined;
  try {
    return new TextDecoder(m[1]).encoding;
  } catch {
    return undefined;
  }
}
