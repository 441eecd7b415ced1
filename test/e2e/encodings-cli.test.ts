/**
 * The built CLI's --encoding: a GBK file read as GB18030; a file that cannot be decoded is a fatal message for that
 * file (exit 2) while the others are linted; an unknown encoding is said to be one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { runJson, tempFolder as tempDir } from '../support/cli.js';
import { seedWithWrongTotal } from '../support/reports.js';

test('the built CLI: --encoding reads a GBK file; a file that cannot be decoded is fatal (exit 2) and the others are still linted', () => {
  const { dir, done } = tempDir();
  try {
    const gbk = join(dir, 'gbk.txt');
    writeFileSync(gbk, iconv.encode(seedWithWrongTotal(), 'gbk'));
    const ok = runJson(['--encoding', 'gb18030', gbk]);
    expect(ok.code).toBe(1);
    expect(ok.results[0].messages.map((m) => m.ruleId)).toContain('row-total');

    const other = join(dir, 'other.txt');
    writeFileSync(other, seedWithWrongTotal());
    const bad = runJson(['--encoding', 'utf-8', gbk, other]);
    expect(bad.code).toBe(2);
    const byFile = Object.fromEntries(bad.results.map((r) => [r.filePath, r]));
    expect(byFile[gbk].fatalErrorCount).toBe(1);
    expect(byFile[gbk].messages[0].message).toBe('无法读取：无法按「utf-8」解码这个文件：其中有不属于这种编码的字节');
    expect(byFile[other].messages.map((m) => m.ruleId)).toContain('row-total');

    const unknown = runJson(['--encoding', 'no-such-encoding', other]);
    expect(unknown.code).toBe(2);
    expect(unknown.results[0].messages[0].message).toContain('不支持的编码「no-such-encoding」');
  } finally {
    done();
  }
});
