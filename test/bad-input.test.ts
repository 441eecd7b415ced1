/**
 * Bad input never breaks the run: each file gets a clear message, exit code 2 only for files that cannot be
 * used, and the other files are still linted. Big inputs are generated here into a temporary folder.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, parseReport } from '../src/index.js';
import { sections } from '../src/ast.js';
import type { InputKind } from '../src/readers/index.js';
import { runCli, runJson, sample, seedWithWrongTotal, tempDir, type JsonResult } from './helpers/run.js';

let dir: string;
let done: () => void;
const f = (name: string) => join(dir, name);

beforeAll(() => {
  ({ dir, done } = tempDir());
  writeFileSync(f('empty.txt'), '');
  writeFileSync(f('blank.txt'), ' \n\u3000\r\n\t\n');
  writeFileSync(f('binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x10, 0x00, 0x9c, 0x33, 0x00, 0x00, 0x07, 0xee]));
  writeFileSync(f('scan.txt'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 0xab)]));
  // 50 MB of text: refused before it is read
  writeFileSync(f('huge.txt'), Buffer.alloc(50 * 1024 * 1024, '一、总体情况\t1\t2\n'));
  // one 5 MB line of report-like text
  writeFileSync(f('oneline.txt'), '一、总体情况' + '本年度，数据１,２３４件\u3000|\t2021年'.repeat(5 * 1024 * 1024 / 20));
  writeFileSync(f('README.md'), '# report-lint\n\n检查年度报告的工具。\n\n## 安装\n\n```sh\nnpm ci\n```\n\n| 选项 | 说明 |\n|---|---|\n| --quiet | 只报告错误 |\n');
  // a report cut off in the middle of section 三's table
  const seed = sample('seeds/000_fdd122682e06667e.txt');
  writeFileSync(f('cut.txt'), seed.slice(0, seed.indexOf('（四）无法提供')));
  // section 三 with a row of 200 columns
  const wide = seedWithWrongTotal().replace(/^二、上年结转政府信息公开申请数量.*$/m, '二、上年结转政府信息公开申请数量\t' + Array.from({ length: 200 }, (_, i) => String(i)).join('\t'));
  writeFileSync(f('wide.txt'), wide);
});
afterAll(() => done());

const byName = (results: JsonResult[]) => Object.fromEntries(results.map((r) => [r.filePath.slice(dir.length + 1), r]));

test('one run over every bad file: a message for each, exit 2 for the unusable ones, the others linted', () => {
  const names = ['empty.txt', 'blank.txt', 'binary.txt', 'scan.txt', 'huge.txt', 'oneline.txt', 'README.md', 'cut.txt', 'wide.txt'];
  const t0 = Date.now();
  const { code, results } = runJson(names.map(f));
  expect(Date.now() - t0).toBeLessThan(60_000);
  expect(code).toBe(2);
  const r = byName(results);
  expect(Object.keys(r).sort()).toEqual([...names].sort());

  const only = (name: string) => {
    expect(r[name].messages).toHaveLength(1);
    return r[name].messages[0];
  };
  expect(only('empty.txt')).toMatchObject({ ruleId: null, severity: 1, message: '文件是空的（没有文字），没有可检查的内容' });
  expect(only('blank.txt')).toMatchObject({ ruleId: null, severity: 1, message: '文件是空的（没有文字），没有可检查的内容' });
  expect(only('binary.txt')).toMatchObject({ ruleId: null, severity: 2, fatal: true, message: '无法读取：这是二进制文件，不是文本' });
  expect(only('scan.txt').message).toMatch(/^无法读取：这是 PDF 文件，不能直接检查/);
  expect(only('huge.txt')).toMatchObject({ fatal: true });
  expect(only('huge.txt').message).toMatch(/^无法读取：文件太大（50\.0 MB），超过了可以检查的 32\.0 MB/);
  expect(only('README.md')).toMatchObject({ ruleId: null, severity: 1 });
  expect(only('README.md').message).toMatch(/^未识别为政府信息公开工作年度报告/);

  // one 5 MB line: far too long for a heading, so no report, said plainly
  expect(only('oneline.txt')).toMatchObject({ ruleId: null, severity: 1 });
  expect(only('oneline.txt').message).toMatch(/^未识别为政府信息公开工作年度报告/);

  // the cut report: the sections after the cut are missing, the rows read before it are checked
  const cut = r['cut.txt'].messages;
  expect(cut.filter((m) => m.ruleId === 'section-missing').map((m) => m.message)).toEqual([
    expect.stringContaining('缺少第四部分'),
    expect.stringContaining('缺少第五部分'),
    expect.stringContaining('缺少第六部分'),
  ]);
  expect(r['cut.txt'].fatalErrorCount).toBe(0);

  // 200 cells where the format has 7
  const wide = r['wide.txt'].messages.find((m) => m.ruleId === 'cell-count');
  expect(wide?.message).toContain('应有 7 个数字格，实有 200 个');
});

test('exit codes: 0 for a file that is no report (a warning only), 1 for errors, 2 only with unusable input', () => {
  expect(runCli([f('README.md')]).code).toBe(0);
  expect(runCli([f('empty.txt'), f('blank.txt')]).code).toBe(0);
  expect(runCli([f('cut.txt'), f('README.md')]).code).toBe(1);
  expect(runCli([f('binary.txt'), f('README.md')]).code).toBe(2);
  const missing = runJson([f('no-such-file.txt'), f('cut.txt')]);
  expect(missing.code).toBe(2);
  expect(byName(missing.results)['no-such-file.txt'].messages[0].message).toBe('找不到文件或文件夹「' + f('no-such-file.txt') + '」');
});

test('folders are searched for text, Markdown, pages and Word files; Word lock files are skipped', () => {
  const { dir: d, done: finish } = tempDir();
  try {
    for (const name of ['a.txt', 'b.md', 'c.html', 'd.htm', 'e.docx', '~$e.docx', 'f.pdf', 'g.doc']) writeFileSync(join(d, name), '');
    const { results } = runJson([d]);
    expect(results.map((x) => x.filePath.slice(d.length + 1)).sort()).toEqual(['a.txt', 'b.md', 'c.html', 'd.htm', 'e.docx']);
  } finally {
    finish();
  }
});

/** Lines built to make a backtracking regular expression take exponential or quadratic time. */
/**
 * Lines built to make a backtracking regular expression take exponential or quadratic time. About 100,000
 * characters each: a quadratic pattern would need 10^10 steps, far past the bound; linear work takes a moment.
 */
const N = 100_000;
const PATHOLOGICAL: Array<[string, string]> = [
  ['white space runs', ('x' + ' '.repeat(2000)).repeat(N / 2000) + 'x'],
  ['a space run with no end', '一、总体情况' + '\u3000'.repeat(N) + '。'],
  ['pipes', '|' + ' |'.repeat(N / 2) + 'x'],
  ['pipe table rows', '| a | b |\n'.repeat(N / 20) + '|' + '-|'.repeat(N / 4)],
  ['years', '2021年'.repeat(N / 5)],
  ['years without 年', '2021 '.repeat(N / 5)],
  ['a year then spaces', '2021' + ' '.repeat(N) + 'x'],
  ['angle brackets', '<'.repeat(N)],
  ['ampersands', '&'.repeat(N / 2) + '&#' + '9'.repeat(N / 2)],
  ['open brackets', '一、' + '（'.repeat(N)],
  ['thousands separators', '\t' + '1,'.repeat(N / 2) + 'x'],
  ['tabs', '\t'.repeat(N) + '0'],
  ['hashes', '#'.repeat(N) + ' a'],
  ['headings', '一、总体情况\n'.repeat(N / 20)],
  ['numerals', '一二三四五六七八九十'.repeat(N / 10) + '、'],
  ['style attributes', '<p style="' + ' ;'.repeat(N / 2) + 'display">' + '<b style="font-weight:' + ' '.repeat(N) + '">x</b></p>'],
  ['comments and doctype', '<!--' + '-'.repeat(N) + '<!doctype'],
  ['carriage returns', '\r'.repeat(N)],
  ['cells', '一、本年新收政府信息公开申请数量' + '\t0'.repeat(N / 2)],
];

describe('no regular expression backtracks catastrophically: pathological lines finish in bounded time', () => {
  const kinds: InputKind[] = ['text', 'html', 'docx'];
  test.each(PATHOLOGICAL)('%s', (_, text) => {
    for (const kind of kinds) {
      const t0 = Date.now();
      const r = lint(text, { filePath: kind === 'text' ? 'r.md' : `r.${kind}`, kind });
      // generous: linear work on these sizes takes well under a second, even through Markdown
      expect(Date.now() - t0).toBeLessThan(10_000);
      for (const m of r.messages) expect(m.line).toBeGreaterThanOrEqual(1);
    }
  });
});

test('a report that is all headings and nothing else', () => {
  const { report } = parseReport('一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n', { filePath: 'r.txt' });
  expect(sections(report)).toHaveLength(3);
});
