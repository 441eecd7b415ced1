/**
 * Encodings and line endings: every supported encoding decodes; a forced encoding overrides; a finding's line and
 * column point at the same characters in the original bytes, whatever the encoding and the line endings. The
 * built CLI's --encoding is in e2e/encodings-cli.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decode, DecodeError } from '../src/io/decode.js';
import { lintFile } from '../src/index.js';
import { tempFolder as tempDir } from './support/cli.js';
import { offsetOf, seedWithWrongTotal, withEol } from './support/reports.js';

const TEXT = '一、总体情况\r\n本年度收到申请 1,234 件（１２ 件）\t𠀀\u3000\n二、其他\n';

describe('decode', () => {
  test.each([
    ['UTF-8', Buffer.from(TEXT, 'utf8'), 'utf-8', false],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf-8', true],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')]), 'utf-16le', true],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')]), 'utf-16be', true],
    ['UTF-16 LE without BOM', iconv.encode(TEXT, 'utf-16le'), 'utf-16le', false],
    ['UTF-16 BE without BOM', iconv.encode(TEXT, 'utf-16be'), 'utf-16be', false],
    // 𠀀 (U+20000) is outside GBK: GB18030 writes it in four bytes
    ['GB18030', iconv.encode(TEXT, 'gb18030'), 'gb18030', false],
  ])('%s', (_, bytes, encoding, bom) => {
    const d = decode(bytes);
    expect(d).toEqual({ text: TEXT, encoding, bom });
  });

  test('GBK (text saved by Chinese Windows) is read as GB18030, which covers it', () => {
    const gbk = TEXT.replace('𠀀', '');
    expect(decode(iconv.encode(gbk, 'gbk')).text).toBe(gbk);
  });

  test('a forced encoding is used as given; a wrong or unknown one is a DecodeError that says which', () => {
    const gbk = iconv.encode('二、主动公开政府信息情况', 'gbk');
    expect(decode(gbk, 'gbk').text).toBe('二、主动公开政府信息情况');
    expect(decode(Buffer.from('\ufeff一', 'utf8'), 'utf-8')).toEqual({ text: '一', encoding: 'utf-8', bom: true });
    expect(() => decode(gbk, 'utf-8')).toThrow(new DecodeError('无法按「utf-8」解码这个文件：其中有不属于这种编码的字节'));
    expect(() => decode(gbk, 'klingon')).toThrow(DecodeError);
    expect(() => decode(gbk, 'klingon')).toThrow(/不支持的编码「klingon」/);
  });

  test('a UTF-8 file cut off inside its last character is still read, the broken character shown as �', () => {
    const bytes = Buffer.from('一、总体情况\n本年度', 'utf8');
    expect(decode(bytes.subarray(0, bytes.length - 1)).text).toBe('一、总体情况\n本年\uFFFD');
  });

  test('bytes that are no text in any supported encoding are refused', () => {
    expect(() => decode(Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x80]))).toThrow(/既不是 UTF-8 也不是 GB18030/);
    expect(() => decode(Buffer.from([1, 0, 2, 0, 0, 0, 0xff, 0x00, 0x13, 0x00]))).toThrow('这是二进制文件，不是文本');
  });

  test('a page declaring a charset is read in it when its bytes are not UTF-8', () => {
    const page = '<html><head><meta charset="big5"></head><body>政府資訊公開</body></html>';
    expect(decode(iconv.encode(page, 'big5'), undefined, { html: true }).text).toBe(page);
    // a page that declares gb2312 but is saved as UTF-8 is read as what it is
    const utf8 = page.replace('big5', 'gb2312');
    expect(decode(Buffer.from(utf8, 'utf8'), undefined, { html: true }).text).toBe(utf8);
  });
});

describe('positions point at the same characters in the original bytes', () => {
  const encodings: Array<[string, (s: string) => Buffer, number]> = [
    ['utf-8', (s) => Buffer.from(s, 'utf8'), 0],
    ['utf-8 with BOM', (s) => Buffer.from(s, 'utf8'), 3],
    ['utf-16le with BOM', (s) => iconv.encode(s, 'utf-16le'), 2],
    ['utf-16be with BOM', (s) => iconv.encode(s, 'utf-16be'), 2],
    ['gb18030', (s) => iconv.encode(s, 'gb18030'), 0],
  ];
  const boms: Record<string, number[]> = { 'utf-8 with BOM': [0xef, 0xbb, 0xbf], 'utf-16le with BOM': [0xff, 0xfe], 'utf-16be with BOM': [0xfe, 0xff] };
  let dir: string;
  let done: () => void;
  beforeAll(() => ({ dir, done } = tempDir()));
  afterAll(() => done());

  for (const [name, encode, bomLength] of encodings) {
    for (const eol of ['LF', 'CRLF', 'CR', 'mixed'] as const) {
      test(`${name}, ${eol}`, async () => {
        const text = withEol(seedWithWrongTotal(), eol);
        const bytes = Buffer.concat([Buffer.from(boms[name] ?? []), encode(text)]);
        const file = join(dir, `report-${name}-${eol}.txt`.replace(/ /g, '_'));
        writeFileSync(file, bytes);
        const r = await lintFile(file);
        const m = r.messages.find((x) => x.ruleId === 'row-total');
        expect(m).toBeDefined();
        const start = offsetOf(text, m!.line, m!.column);
        const end = offsetOf(text, m!.endLine, m!.endColumn);
        expect(text.slice(start, end)).toBe('7');
        // the same place in the bytes: the bytes before it are the encoded text before it
        const at = bomLength + encode(text.slice(0, start)).length;
        const want = encode('7');
        expect(bytes.subarray(at, at + want.length)).toEqual(want);
      });
    }
  }
});
