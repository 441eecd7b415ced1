/**
 * Plugins (a local file and a package folder), namespaced rule ids, a custom template and custom dictionary
 * entries taking effect — using samples/plugin-example/, a working plugin. Loading it from a package folder with
 * the built CLI is in e2e/plugins-cli.test.ts.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintFiles, parse, formatFromData, builtinFormats } from '../src/index.js';
import { ROOT, SEEDS, readSample, rowOf } from './support/reports.js';

const EXAMPLE = join(ROOT, 'samples/plugin-example');

function dirWith(config: unknown, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-lint-plugin-'));
  writeFileSync(join(dir, '.reportlintrc.json'), JSON.stringify(config));
  for (const [p, t] of Object.entries(files)) writeFileSync(join(dir, p), t);
  return dir;
}

// a 2021 report: 第二十条第（五）项 with the province's extra row 行政确认, and prose with 去年 and 信息公开办
const REPORT_2021 = readSample(SEEDS.s001)
  .replace('行政许可\t0\t\t', '行政许可\t0\t\t\n行政确认\t7\t\t')
  .replace('(二) 依申请公开情况。2021 年，', '(二) 依申请公开情况。去年由局信息公开办负责，2021 年，');

describe('samples/plugin-example', () => {
  test('loaded from a local file: its rule runs under its namespace, with its options validated', async () => {
    const dir = dirWith({ plugins: [join(EXAMPLE, 'index.js')], rules: { 'example/no-relative-year': ['error', { words: ['去年'] }] } }, { 'r.txt': readSample(SEEDS.s004) });
    const [r] = await lintFiles(['r.txt'], { cwd: dir });
    const mine = r.messages.filter((m) => m.ruleId === 'example/no-relative-year');
    expect(mine).toEqual([
      expect.objectContaining({ severity: 2, line: 23, expected: '2019年', actual: '去年', message: '「去年」是相对时间，报告在次年发布时容易让人误解，建议写明「2019年」' }),
    ]);
    const text = readSample(SEEDS.s004).split('\n')[22];
    expect(text.slice(mine[0].column - 1, mine[0].endColumn - 1)).toBe('去年');
  });

  test("the plugin's template (a province's extra row) and dictionary take effect", async () => {
    const withPlugin = dirWith({ plugins: [join(EXAMPLE, 'index.js')] }, { 'r.txt': REPORT_2021 });
    const withoutPlugin = dirWith({}, { 'r.txt': REPORT_2021 });
    const [a] = await lintFiles(['r.txt'], { cwd: withPlugin });
    const [b] = await lintFiles(['r.txt'], { cwd: withoutPlugin });
    // with the template, 行政确认 is a row of the format: nothing to say about it
    expect(a.messages.filter((m) => m.line === 26)).toEqual([]);
    expect(a.messages.filter((m) => m.ruleId === 'prose-typo')).toEqual([
      expect.objectContaining({ line: 9, actual: '信息公开办', expected: '政务公开办公室', fix: expect.objectContaining({ text: '政务公开办公室' }) }),
    ]);
    // without it, 信息公开办 is fine and the row is not known (no finding claims it either)
    expect(b.messages.filter((m) => m.ruleId === 'prose-typo')).toEqual([]);
    const fmt = formatFromData(JSON.parse(readFileSync(join(EXAMPLE, 'province-2021.json'), 'utf8')), 'province-2021.json');
    const { report } = parse(REPORT_2021, { formats: [fmt, ...builtinFormats()] });
    expect(rowOf(report, 'T2_5', 'confirmation').children.map((c) => [c.columnId, c.value])).toEqual([['decisions', 7]]);
    expect(report.format).toBe('2021');
  });
});

describe('configured dictionaries and templates', () => {
  test('a dictionary file adds prose and label entries; its label entry rewrites a label that is too far off for the typo matcher', async () => {
    const dict = [
      '- pattern: 网上公开',
      '  expected: 网站公开',
      '  context: prose',
      '  specs:',
      '    - from: 坚持网上公开',
      '      to: 坚持网站公开',
      '- pattern: 收费及管理费用',
      '  expected: 行政事业性收费',
      '  context: label',
      '  specs:',
      '    - from: 收费及管理费用',
      '      to: 行政事业性收费',
    ].join('\n');
    const text = readSample(SEEDS.s001).replace('行政事业性收费\t0', '收费及管理费用\t0').replace('(三) 政府信息管理情况。', '(三) 政府信息管理情况。坚持网上公开，');
    const dir = dirWith({ dictionaries: ['./agency.yaml'] }, { 'agency.yaml': dict, 'r.txt': text });
    const [r] = await lintFiles(['r.txt'], { cwd: dir });
    expect(r.messages.map((m) => `${m.line} ${m.ruleId} ${m.actual}→${m.expected}`)).toEqual([
      '11 prose-typo 网上公开→网站公开',
      '32 label-variant 收费及管理费用→行政事业性收费',
    ]);
  });

  test('a template file that extends a built-in format', async () => {
    const tpl = { extends: '2021', id: 'X-2021', name: 'x', tables: [{ id: 'T2_6', rows: [{ id: 'inspection', label: '行政检查', data: true }] }] };
    const text = readSample(SEEDS.s001).replace('行政强制\t0\t\t', '行政强制\t0\t\t\n行政检查\tN/A\t\t');
    const dir = dirWith({ templates: ['./t.json'] }, { 't.json': JSON.stringify(tpl), 'r.txt': text });
    const [r] = await lintFiles(['r.txt'], { cwd: dir });
    // the new row is read and checked like any other: N/A is not a number
    expect(r.messages.map((m) => [m.line, m.ruleId, m.message])).toEqual([[30, 'cell-value', '「行政检查」「本年处理决定数量」填的是「N/A」，不是数字']]);
  });
});
