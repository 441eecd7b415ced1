/**
 * The built CLI's --fix / --fix-dry-run / --fix-type on copies of seed 002 in every encoding and line ending it may
 * come in: the five label typos fixed, every number untouched, a second run a no-op, the bytes as expected.
 */
import { chmodSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { LintMessage, LintResult } from '../../src/index.js';
import { decode } from '../../src/io/decode.js';
import { runCli, tempDir } from '../support/cli.js';
import { SEED002 as SEED, SEED002_FIXED as FIXED, SEED002_TYPOS as TYPOS, SEEDS, readSample, replaceLine } from '../support/reports.js';

const tmp = () => tempDir('report-lint-fix-');
const cli = (args: string[], cwd: string) => {
  const { code, stdout, stderr } = runCli(args, { cwd });
  return { code, stdout, stderr };
};
const digits = (s: string) => s.match(/[0-9]/g)!.join('');

describe('the built CLI: --fix on copies of seed 002', () => {
  const variants: Array<[string, (t: string) => Buffer]> = [
    ['UTF-8, LF', (t) => Buffer.from(t, 'utf8')],
    ['UTF-8 with BOM, CRLF', (t) => Buffer.from('\uFEFF' + t.split('\n').join('\r\n'), 'utf8')],
    ['GB18030', (t) => iconv.encode(t, 'gb18030')],
    ['GB18030, CRLF', (t) => iconv.encode(t.split('\n').join('\r\n'), 'gb18030')],
    ['UTF-16 LE with BOM', (t) => Buffer.from('\uFEFF' + t, 'utf16le')],
    ['UTF-16 BE with BOM, CRLF', (t) => Buffer.from('\uFEFF' + t.split('\n').join('\r\n'), 'utf16le').swap16()],
  ];
  for (const [name, encode] of variants) {
    test(`${name}: the typos fixed, the bytes exactly as expected, a second run changes nothing (not even the mtime)`, () => {
      const dir = tmp();
      const file = join(dir, '002.txt');
      writeFileSync(file, encode(SEED));
      chmodSync(file, 0o640);
      const r = cli(['--fix', '002.txt'], dir);
      expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
      const bytes = readFileSync(file);
      expect(bytes.equals(encode(FIXED))).toBe(true);
      const text = decode(bytes).text;
      expect(digits(text)).toBe(digits(SEED.split('\n').join(text.includes('\r\n') ? '\r\n' : '\n')));
      expect(statSync(file).mode & 0o777).toBe(0o640);
      expect(readdirSync(dir)).toEqual(['002.txt']);

      const past = new Date('2021-03-01T08:00:00Z');
      utimesSync(file, past, past);
      const again = cli(['--fix', '002.txt'], dir);
      expect(again.code).toBe(0);
      expect(readFileSync(file).equals(bytes)).toBe(true);
      expect(statSync(file).mtime.getTime()).toBe(past.getTime());
    });
  }

  test('numbers: every digit of the file, in order, is the same after --fix; only the five label lines differ', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), SEED);
    cli(['--fix', 'a.txt'], dir);
    const after = readFileSync(join(dir, 'a.txt'), 'utf8');
    expect(digits(after)).toBe(digits(SEED));
    const a = SEED.split('\n');
    const b = after.split('\n');
    expect(b).toHaveLength(a.length);
    expect(b.map((l, i) => (l === a[i] ? 0 : i + 1)).filter(Boolean)).toEqual(TYPOS.map(([line]) => line));
  });

  test('--fix-dry-run: nothing written; with --format json the fixed text is in output, only for files that change', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), SEED);
    writeFileSync(join(dir, 'b.txt'), readSample(SEEDS.s001));
    const past = new Date('2021-03-01T08:00:00Z');
    utimesSync(join(dir, 'a.txt'), past, past);
    const r = cli(['--fix-dry-run', '--format', 'json', 'a.txt', 'b.txt'], dir);
    expect(r.code).toBe(0);
    const [a, b] = JSON.parse(r.stdout) as LintResult[];
    expect(a.output).toBe(FIXED);
    expect(a.messages).toEqual([]);
    expect(b).not.toHaveProperty('output');
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(SEED);
    expect(statSync(join(dir, 'a.txt')).mtime.getTime()).toBe(past.getTime());
    // stylish: the findings left after fixing (none)
    expect(cli(['--fix-dry-run', 'a.txt'], dir).stdout).toBe('');
  });

  test('the stylish summary says how many findings --fix can fix', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), SEED);
    const r = cli(['a.txt'], dir);
    expect(r.stdout).toContain('✖ 共 5 个问题（0 个错误，5 个警告）\n  其中 5 个可以用 --fix 自动修正\n');
  });

  test('--fix-type: only fixes of rules of those types', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), SEED);
    const r = cli(['--fix', '--fix-type', 'problem,layout', '--format', 'json', 'a.txt'], dir);
    expect(JSON.parse(r.stdout)[0].warningCount).toBe(5);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(SEED);
    cli(['--fix', '--fix-type', 'layout', '--fix-type', 'suggestion', 'a.txt'], dir);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(FIXED);
  });

  test('a file reached through a symbolic link: the file is fixed, the link stays a link', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'real.txt'), SEED);
    symlinkSync(join(dir, 'real.txt'), join(dir, 'link.txt'));
    expect(cli(['--fix', 'link.txt'], dir).code).toBe(0);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe(FIXED);
  });

  test('a read-only file: a clear message, exit 2, the file whole and no temporary file left', () => {
    const dir = tmp();
    const file = join(dir, 'a.txt');
    writeFileSync(file, SEED);
    chmodSync(file, 0o444);
    const r = cli(['--fix', 'a.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/1:1\s+错误\s+无法写入修正，文件保持原样：文件是只读的/);
    // the findings shown are those of the file as it is
    expect(r.stdout).toContain('✖ 共 6 个问题（1 个错误，5 个警告）');
    expect(readFileSync(file, 'utf8')).toBe(SEED);
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  test('a GB18030 file with a byte its encoder would not give back (0x80 for €): refused, the file whole', () => {
    const dir = tmp();
    const file = join(dir, 'a.txt');
    const bytes = Buffer.concat([iconv.encode(SEED, 'gb18030'), Buffer.from([0x80])]);
    writeFileSync(file, bytes);
    expect(decode(bytes)).toMatchObject({ encoding: 'gb18030' });
    const r = cli(['--fix', '--format', 'json', 'a.txt'], dir);
    expect(r.code).toBe(2);
    const [res] = JSON.parse(r.stdout);
    expect(res.messages[0]).toMatchObject({
      fatal: true,
      message: '无法写入修正，文件保持原样：这个文件（GB18030 编码）中有个别字符无法按原样写回，写回可能改坏文件',
    });
    expect(res).not.toHaveProperty('output');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  test('usage errors: --fix with --fix-dry-run, --fix-type alone or with a bad type', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), SEED);
    for (const [args, text] of [
      [['--fix', '--fix-dry-run', 'a.txt'], '--fix 与 --fix-dry-run 不能同时使用'],
      [['--fix-type', 'problem', 'a.txt'], '--fix-type 要与 --fix 或 --fix-dry-run 一起使用'],
      [['--fix', '--fix-type', 'style', 'a.txt'], '--fix-type 的值「style」无效，应为 problem、suggestion、layout'],
    ] as const) {
      const r = cli([...args], dir);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toContain(text);
    }
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(SEED);
  });
});

describe('suggestions of the arithmetic rules in the JSON output (never applied by --fix)', () => {
  test('review-total (002, one cell per line): in the JSON output as ESLint’s suggestions [{desc, fix}]', () => {
    const dir = tmp();
    const text = replaceLine(SEED, 396, () => '\t2');
    writeFileSync(join(dir, 'r.txt'), text);
    const out = JSON.parse(cli(['r.txt', '--format', 'json'], dir).stdout)[0];
    const m = out.messages.find((x: LintMessage) => x.ruleId === 'review-total');
    expect(m.suggestions).toEqual([
      { desc: '若结果维持、结果纠正、其他结果、尚未审结的数字无误，把「行政复议·总计」改为 2', fix: { range: expect.any(Array), text: '2' } },
      { desc: '若「行政复议·总计」无误，「行政复议·结果纠正」应为 0', fix: { range: expect.any(Array), text: '0' } },
    ]);
    expect(text.slice(...(m.suggestions[1].fix.range as [number, number]))).toBe('2');
  });
});
