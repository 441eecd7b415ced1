/**
 * Autofix: the fix engine (passes, overlaps, the number check), the suggestions of the arithmetic rules, and the
 * built CLI's --fix / --fix-dry-run / --fix-type on copies of seed 002 in every encoding and line ending it may
 * come in: the five label typos fixed, every number untouched, a second run a no-op, the bytes as expected.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import {
  applyFixes,
  defineRule,
  definePlugin,
  fixFile,
  fixText,
  isSafeFix,
  lint,
  unsafeFixReason,
  MAX_PASSES,
  type LintMessage,
  type LintResult,
} from '../src/index.js';
import { decode } from '../src/io/decode.js';
import { writeFixedFile, WriteError } from '../src/io/write.js';
import { ROOT, SEEDS, readSample, replaceLine } from './helpers.js';

const BIN = join(ROOT, 'dist/src/cli/bin.js');
const tmp = () => mkdtempSync(join(tmpdir(), 'report-lint-fix-'));
function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** seed 002 and the same text with its five label typos put right (nothing else differs) */
// its title put right (「…工作报告」 is title-form's, a suggestion only): the five label typos are then its only findings
const SEED = readSample(SEEDS.s002).replace('2020年度政府信息公开工作报告', '2020年度政府信息公开工作年度报告');
const TYPOS: Array<[number, string, string]> = [
  [123, '一、本年新收到政府信息公开申请数量', '一、本年新收政府信息公开申请数量'],
  [132, '二、上年结转政府信息公开数量', '二、上年结转政府信息公开申请数量'],
  [185, '3.危机“三安全一稳定”', '3.危及“三安全一稳定”'],
  [229, '7.属于行政法案卷', '7.属于行政执法案卷'],
  [262, '2.没有现成信息需另行制作', '2.没有现成信息需要另行制作'],
];
const FIXED = TYPOS.reduce(
  (t, [line, from, to]) =>
    replaceLine(t, line, (l) => {
      if (l !== `\t${from}`) throw new Error(`seed 002 line ${line} is not the expected label`);
      return `\t${to}`;
    }),
  SEED,
);
const digits = (s: string) => s.match(/[0-9]/g)!.join('');

const message = (range: [number, number], text: string, ruleId = 'x'): LintMessage => ({
  ruleId, severity: 1, message: '', line: 1, column: 1, endLine: 1, endColumn: 1, fix: { range, text },
});

describe('the number check', () => {
  test('a fix that removes, adds or changes a digit is refused; words around numbers may change', () => {
    const text = '本年新收 12 件，危机“三安全一稳定”，１２ 万元';
    const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as [number, number];
    expect(isSafeFix(text, { range: at('危机'), text: '危及' })).toBe(true);
    expect(isSafeFix(text, { range: at('本年新收 12 件'), text: '本年新收12件' })).toBe(true);
    expect(unsafeFixReason(text, { range: at('12'), text: '13' })).toBe('修正会改动数字');
    expect(isSafeFix(text, { range: at('12'), text: '' })).toBe(false);
    expect(isSafeFix(text, { range: at('本年'), text: '本年 1' })).toBe(false);
    expect(isSafeFix(text, { range: at('12 件'), text: '21 件' })).toBe(false);
    // full-width digits are the same digits; Chinese numerals count as numbers too
    expect(isSafeFix(text, { range: at('１２'), text: '12' })).toBe(true);
    expect(isSafeFix(text, { range: at('三安全一稳定'), text: '三安全二稳定' })).toBe(false);
    expect(unsafeFixReason(text, { range: [5, 2], text: '' })).toBe('修正的位置超出了文本范围');
    expect(unsafeFixReason(text, { range: [0, text.length + 1], text: '' })).toBe('修正的位置超出了文本范围');
  });

  test('a rule that offers a number-changing fix: the finding stays, without its fix; the safe fixes are applied', () => {
    const bad = defineRule({
      meta: { id: 'bad', type: 'problem', severity: 'error', description: { zh: '', en: '' }, docs: '', schema: { type: 'object' }, fixable: true },
      check(_r, ctx) {
        const i = ctx.source.text.indexOf('行政处罚\t12');
        if (i >= 0) ctx.report({ node: { position: ctx.source.position(i + 5, i + 7) }, message: '12 应为 13', fix: { range: [i + 5, i + 7], text: '13' } });
        const j = ctx.source.text.indexOf('危机');
        if (j >= 0) ctx.report({ node: { position: ctx.source.position(j, j + 2) }, message: '错字', fix: { range: [j, j + 2], text: '危及' } });
      },
    });
    const text = readSample(SEEDS.s001) + '\n危机\n';
    const r = lint(text, { plugins: [definePlugin({ name: 't', rules: [bad] })], fix: true });
    expect(r.output).toBe(readSample(SEEDS.s001) + '\n危及\n');
    expect(r.messages).toEqual([expect.objectContaining({ ruleId: 't/bad', message: '12 应为 13' })]);
    expect(r.messages[0].fix).toBeUndefined();
    expect(r.fixableErrorCount).toBe(0);
    // the same through applyFixes directly: the number fix is never applied
    expect(applyFixes('行政处罚 12', [message([5, 7], '13')]).output).toBe('行政处罚 12');
  });
});

describe('passes', () => {
  test('fixes in the order of their ranges; one that overlaps or touches the previous one waits', () => {
    const text = 'abcdefgh';
    const ms = [message([4, 6], 'EF'), message([0, 2], 'AB'), message([1, 3], 'XX'), message([2, 3], 'C'), message([6, 7], 'G')];
    const r = applyFixes(text, ms);
    expect(r.output).toBe('ABcdEFgh');
    expect(r.applied.map((m) => m.fix!.text)).toEqual(['AB', 'EF']);
  });

  test('line breaks a fix inserts follow the text’s own (CRLF)', () => {
    expect(applyFixes('a\r\nb', [message([3, 4], 'b\nc')]).output).toBe('a\r\nb\r\nc');
  });

  test('a fix that waited is applied in a later pass, recomputed on the new text', () => {
    // one rule wants 甲乙 → 丙乙, another 乙丁 → 乙戊: the two ranges overlap in 乙
    const rule = (id: string, from: string, to: string) =>
      defineRule({
        meta: { id, type: 'layout', severity: 'warn', description: { zh: '', en: '' }, docs: '', schema: { type: 'object' }, fixable: true },
        check(_r, ctx) {
          const i = ctx.source.text.indexOf(from);
          if (i >= 0) ctx.report({ node: { position: ctx.source.position(i, i + from.length) }, message: id, fix: { range: [i, i + from.length], text: to } });
        },
      });
    const plugins = [definePlugin({ name: 't', rules: [rule('one', '甲乙', '丙乙'), rule('two', '乙丁', '乙戊')] })];
    const text = readSample(SEEDS.s001) + '\n甲乙丁\n';
    let passes = 0;
    const out = fixText(text, (t) => {
      passes++;
      return lint(t, { plugins });
    });
    expect(out.output.endsWith('\n丙乙戊\n')).toBe(true);
    expect(out).toMatchObject({ passes: 2, fixCount: 2 });
    expect(passes).toBe(3);
    expect(out.result.messages).toEqual([]);
    expect(out.result.output).toBe(out.output);
  });

  test(`at most ${MAX_PASSES} passes, even for fixes that never settle`, () => {
    const flip = defineRule({
      meta: { id: 'flip', type: 'layout', severity: 'warn', description: { zh: '', en: '' }, docs: '', schema: { type: 'object' }, fixable: true },
      check(_r, ctx) {
        const i = ctx.source.text.search(/[甲乙]\n$/);
        if (i >= 0) ctx.report({ node: { position: ctx.source.position(i, i + 1) }, message: 'flip', fix: { range: [i, i + 1], text: ctx.source.text[i] === '甲' ? '乙' : '甲' } });
      },
    });
    const out = fixText(readSample(SEEDS.s001) + '\n甲\n', (t) => lint(t, { plugins: [definePlugin({ name: 't', rules: [flip] })] }));
    expect(out.passes).toBe(MAX_PASSES);
    expect(out.output.endsWith('\n甲\n')).toBe(true); // ten flips
  });

  test('002: the five typos fixed in one pass, nothing else changed; fixing again changes nothing', () => {
    const r = lint(SEED, { fix: true });
    expect(r.output).toBe(FIXED);
    expect(r.messages).toEqual([]);
    expect(digits(r.output!)).toBe(digits(SEED));
    expect(lint(FIXED, { fix: true })).not.toHaveProperty('output');
  });

  test('fixes of suppressed findings are not applied; fixTypes limits the fixes by the rule’s type', () => {
    const lines = SEED.split('\n');
    lines.splice(184, 0, 'report-lint-disable-next-line label-variant -- 原文如此');
    const r = lint(lines.join('\n'), { fix: true });
    expect(r.output!.split('\n')[185]).toBe('\t3.危机“三安全一稳定”');
    expect(r.output!.split('\n').filter((l, i) => l !== lines[i]).length).toBe(4);
    // label-variant is a 'suggestion' rule
    expect(lint(SEED, { fix: true, fixTypes: ['problem', 'layout'] })).not.toHaveProperty('output');
    expect(lint(SEED, { fix: true, fixTypes: ['suggestion'] }).output).toBe(FIXED);
  });
});

describe('suggestions of the arithmetic rules (never applied by --fix)', () => {
  const base = readSample(SEEDS.s001);
  const applySuggestion = (text: string, s: { fix: { range: [number, number]; text: string } }) =>
    text.slice(0, s.fix.range[0]) + s.fix.text + text.slice(s.fix.range[1]);

  test('row-total: the total as the parts make it, and each part as the total makes it (when not negative)', () => {
    // 001 line 41: （一）予以公开, 自然人 0 → 5 (the 总计 stays 0)
    const text = replaceLine(base, 41, (l) => l.replace('予以公开\t0', '予以公开\t5'));
    const r = lint(text);
    const rt = r.messages.find((m) => m.ruleId === 'row-total')!;
    expect(rt.suggestions!.map((s) => s.desc)).toEqual(['若六类申请人数字无误，把总计改为 5', '若总计无误，自然人应为 0']);
    const [total, natural] = rt.suggestions!;
    expect(text.slice(...total.fix.range)).toBe('0');
    expect(total.fix.text).toBe('5');
    expect(text.slice(...natural.fix.range)).toBe('5');
    expect(natural.fix.range[0]).toBe(text.split('\n').slice(0, 40).join('\n').length + 1 + text.split('\n')[40].indexOf('予以公开\t5') + 5);
    // applied by hand, the first makes that row add up
    expect(lint(applySuggestion(text, total)).messages.filter((m) => m.ruleId === 'row-total')).toEqual([]);
    // --fix applies none of them
    expect(lint(text, { fix: true })).not.toHaveProperty('output');
    expect(r.fixableErrorCount + r.fixableWarningCount).toBe(0);
  });

  test('outcome-total and balance', () => {
    const text = replaceLine(base, 39, (l) => l.replace(/0\t$/, '3\t'));
    const r = lint(text);
    const bal = r.messages.find((m) => m.ruleId === 'balance')!;
    expect(bal.suggestions!.map((s) => s.desc)).toEqual([
      '若其他三个数字无误，「一、本年新收政府信息公开申请数量」「总计」应为 0',
      '若其他三个数字无误，「（七）总计」「总计」应为 3',
      '若其他三个数字无误，「四、结转下年度继续办理」「总计」应为 3',
    ]);
    const oc = replaceLine(base, 63, (l) => l.replace('总计\t0', '总计\t2'));
    const o = lint(oc).messages.find((m) => m.ruleId === 'outcome-total')!;
    // the total first, then each of the 21 parts of the 2021 format (（六） has three sub-rows there)
    expect(o.suggestions!).toHaveLength(22);
    expect(o.suggestions!.slice(0, 3).map((s) => s.desc)).toEqual([
      '若（一）至（六）各项数字无误，把「（七）总计」「自然人」改为 0',
      '若（七）总计「自然人」无误，「（一）予以公开」「自然人」应为 2',
      '若（七）总计「自然人」无误，「（二）部分公开」「自然人」应为 2',
    ]);
  });

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

describe('fixFile and the writer (API)', () => {
  test('a number-changing fix of a plugin rule is never written; the safe fix is', async () => {
    const rule = defineRule({
      meta: { id: 'r', type: 'problem', severity: 'error', description: { zh: '', en: '' }, docs: '', schema: { type: 'object' }, fixable: true },
      check(_r, ctx) {
        const t = ctx.source.text;
        for (const [from, to] of [['全年公开信息 12 条', '全年公开信息 13 条'], ['危机', '危及']]) {
          const i = t.indexOf(from);
          if (i >= 0) ctx.report({ node: { position: ctx.source.position(i, i + from.length) }, message: from, fix: { range: [i, i + from.length], text: to } });
        }
      },
    });
    const dir = tmp();
    const file = join(dir, 'a.txt');
    const text = readSample(SEEDS.s001) + '\n全年公开信息 12 条，危机。\n';
    writeFileSync(file, text);
    const r = await fixFile(file, { plugins: [definePlugin({ name: 'p', rules: [rule] })] });
    expect(readFileSync(file, 'utf8')).toBe(readSample(SEEDS.s001) + '\n全年公开信息 12 条，危及。\n');
    expect(r.messages.map((m) => m.message)).toEqual(['全年公开信息 12 条']);
  });

  test('the file changed since it was read: not overwritten', async () => {
    const dir = tmp();
    const file = join(dir, 'a.txt');
    writeFileSync(file, SEED + '\n新加的一行\n');
    const stale = Buffer.from(SEED, 'utf8');
    await expect(writeFixedFile(file, stale, decode(stale), FIXED)).rejects.toThrow(new WriteError('文件在检查期间被改动过，写入会覆盖新的内容'));
    expect(readFileSync(file, 'utf8')).toBe(SEED + '\n新加的一行\n');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  test('a fixed text the encoding cannot hold (GBK forced, a character outside it): refused', async () => {
    const dir = tmp();
    const file = join(dir, 'a.txt');
    const bytes = iconv.encode(SEED, 'gbk');
    writeFileSync(file, bytes);
    await expect(writeFixedFile(file, bytes, decode(bytes, 'gbk'), FIXED + '😀')).rejects.toThrow('修正后的文字中有GBK 编码无法表示的字符');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
