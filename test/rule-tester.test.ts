/**
 * The rule tester itself: it passes what is right and fails — with a message that says why — a valid case with a
 * finding, an invalid case with a finding more or less than listed, a wrong message or place, a fix output that
 * differs or is left unsaid, and wrong suggestions; a plugin rule is tested under its namespaced id.
 */
import cellValue from '../rules/cell-value.js';
import labelVariant from '../rules/label-variant.js';
import rowTotal from '../rules/row-total.js';
import { defineRule } from '../src/index.js';
import { RuleTester } from './support/rule-tester.js';
import { edit, section3With, smallReport } from './support/reports.js';

const tester = new RuleTester();
const report = smallReport();
const five = edit(report, '(一) 予以公开\t5', '(一) 予以公开\t五');
const FIVE = '「（一）予以公开」「自然人」填的是「五」，不是数字';
const typo = edit(report, '一、本年新收政府信息公开申请数量', '一、本年新收到政府信息公开申请数量');

describe('valid cases', () => {
  test('a report without a finding of the rule passes, even when other rules would find something', () => {
    expect(() => tester.checkValid('cell-value', cellValue, typo)).not.toThrow();
  });
  test('a finding fails the case, and the message shows it', () => {
    expect(() => tester.checkValid('cell-value', cellValue, five)).toThrow(/should have no finding[\s\S]*21:20-21:21 error cell-value: 「（一）予以公开」「自然人」填的是「五」/);
  });
});

describe('invalid cases', () => {
  test('the exact findings pass', () => {
    expect(() => tester.checkInvalid('cell-value', cellValue, { code: five, errors: [{ message: FIVE, line: 21, column: 20, endLine: 21, endColumn: 21 }], output: null })).not.toThrow();
  });
  test('a finding more than listed fails, and so does one fewer', () => {
    const two = edit(five, '(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t1', '(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t一');
    expect(() => tester.checkInvalid('cell-value', cellValue, { code: two, errors: [FIVE], output: null })).toThrow(/should have 1 finding\(s\), has 2/);
    expect(() => tester.checkInvalid('cell-value', cellValue, { code: five, errors: [FIVE, FIVE], output: null })).toThrow(/should have 2 finding\(s\), has 1/);
  });
  test('a wrong message, line or column fails, naming the field', () => {
    expect(() => tester.checkInvalid('cell-value', cellValue, { code: five, errors: ['「（一）予以公开」填的是「五」'], output: null })).toThrow(/finding 1 .*: message/);
    expect(() => tester.checkInvalid('cell-value', cellValue, { code: five, errors: [{ message: FIVE, line: 22 }], output: null })).toThrow(/finding 1 .*: line/);
    expect(() => tester.checkInvalid('cell-value', cellValue, { code: five, errors: [{ message: FIVE, column: 19 }], output: null })).toThrow(/finding 1 .*: column/);
  });
  test('an invalid case must list its errors', () => {
    expect(() => tester.checkInvalid('cell-value', cellValue, { code: five, errors: [] })).toThrow(/at least one error/);
  });
  test('fix output: right passes; wrong, null for a fix, or left unsaid fails', () => {
    const errors = ['行名「一、本年新收到政府信息公开申请数量」与格式不一致（多了「到」），应为「一、本年新收政府信息公开申请数量」'];
    expect(() => tester.checkInvalid('label-variant', labelVariant, { code: typo, errors, output: report })).not.toThrow();
    expect(() => tester.checkInvalid('label-variant', labelVariant, { code: typo, errors, output: typo + '\n' })).toThrow(/the text after --fix/);
    expect(() => tester.checkInvalid('label-variant', labelVariant, { code: typo, errors, output: null })).toThrow(/output: null, but --fix changes the report/);
    expect(() => tester.checkInvalid('label-variant', labelVariant, { code: typo, errors })).toThrow(/say what the fixed text is/);
    expect(() => tester.checkInvalid('cell-value', cellValue, { code: five, errors: [FIVE], output: five })).toThrow(/output' is the text unchanged/);
  });
  test('suggestions: each description and the text it gives', () => {
    const code = smallReport(section3With('(一) 予以公开', 'total', 8));
    const message = '「（一）予以公开」的总计应为 7（六类申请人之和），实为 8';
    expect(() => tester.checkInvalid('row-total', rowTotal, { code, errors: [{ message, suggestions: [{ desc: '若六类申请人数字无误，把总计改为 7', output: report }] }], output: null })).toThrow(
      /finding 1 .*: suggestions/,
    );
  });
});

describe('rules that are not built in', () => {
  const noLastYear = defineRule({
    meta: { id: 'no-last-year', type: 'suggestion', severity: 'warn', description: { zh: '不写“去年”', en: 'no 去年' }, docs: '', schema: { type: 'object', properties: {}, additionalProperties: false } },
    check(_report, ctx) {
      const i = ctx.source.text.indexOf('去年');
      if (i >= 0) ctx.report({ node: { position: ctx.source.position(i, i + 2) }, message: '「去年」请写明年份' });
    },
  });
  const lastYear = edit(report, '我局将继续做好政府信息公开工作。', '去年以来，我局持续做好政府信息公开工作。');
  test('are run as a plugin under their namespaced id, with the built-in rules off', () => {
    new RuleTester().checkValid('local/no-last-year', noLastYear, typo);
    expect(() => new RuleTester().checkInvalid('local/no-last-year', noLastYear, { code: lastYear, errors: [{ message: '「去年」请写明年份', line: 49, column: 1, severity: 1 }] })).not.toThrow();
  });
  test('need a namespace, and a built-in id cannot be taken by another rule', () => {
    expect(() => new RuleTester().checkValid('no-last-year', noLastYear, report)).toThrow(/namespace/);
    expect(() => new RuleTester().checkValid('cell-value', noLastYear, report)).toThrow(/other than the one given/);
  });
});

test('run() refuses a rule without valid or without invalid cases', () => {
  expect(() => tester.run('cell-value', cellValue, { valid: [report], invalid: [] })).toThrow(/needs valid and invalid cases/);
});
