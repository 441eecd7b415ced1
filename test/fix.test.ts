/**
 * Autofix: the fix engine (passes, overlaps, the number check), the suggestions of the arithmetic rules, fixFile and
 * the writer. The built CLI's --fix on copies of seed 002 is in e2e/fix-cli.test.ts.
 */
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
import { SEED002, SEED002_FIXED, SEED002_TYPOS, SEEDS, readSample, replaceLine } from './support/reports.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'report-lint-fix-'));

const SEED = SEED002;
const TYPOS = SEED002_TYPOS;
const FIXED = SEED002_FIXED;
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
