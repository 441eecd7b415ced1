/**
 * Bad input never breaks the run: each file gets a clear message, exit code 2 only for files that cannot be
 * used, and the other files are still linted. Big inputs are generated here into a temporary folder.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseReport } from '../../src/index.js';
import { sections } from '../../src/ast.js';
import type { InputKind } from '../../src/readers/index.js';
import { HANG_MS, ROOT, runCli, runJson, tempFolder as tempDir, type JsonResult } from '../support/cli.js';
import { sample, seedWithWrongTotal } from '../support/reports.js';

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
  // runCli stops a run that hangs (HANG_MS); how long it takes is for `npm run bench`, not for a test
  const { code, results } = runJson(names.map(f));
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
  // bytes that start as a PDF are read as one, whatever the name: these are no PDF
  expect(only('scan.txt')).toMatchObject({ ruleId: null, severity: 2, fatal: true });
  expect(only('scan.txt').message).toMatch(/^无法读取：不是可以读取的 PDF 文件：文件可能已损坏或不完整/);
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

test('folders are searched for text, Markdown, pages, Word files and PDFs; Word lock files are skipped', () => {
  const { dir: d, done: finish } = tempDir();
  try {
    for (const name of ['a.txt', 'b.md', 'c.html', 'd.htm', 'e.docx', '~$e.docx', 'f.pdf', 'g.doc']) writeFileSync(join(d, name), '');
    const { results } = runJson([d]);
    expect(results.map((x) => x.filePath.slice(d.length + 1)).sort()).toEqual(['a.txt', 'b.md', 'c.html', 'd.htm', 'e.docx', 'f.pdf']);
  } finally {
    finish();
  }
});

/**
 * Lines built to make a backtracking regular expression take exponential or quadratic time. About 100,000
 * characters each: linear work takes a moment, an exponential pattern never ends and a quadratic one needs some
 * 10^10 steps; the worker's hang guard stops such a run and the test fails saying why. How fast the linter is on
 * long lines is measured by `npm run bench`, not here.
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

/**
 * Lint a text as each input kind in a worker thread running the built API, so that a run that never ends (a
 * regular expression backtracking without end) can be stopped: HANG_MS is a hang guard, not a measure of speed
 * (that is `npm run bench`). Resolves with the lines of the findings, per kind.
 */
function lintInWorker(text: string, kinds: InputKind[]): Promise<number[][]> {
  const api = pathToFileURL(join(ROOT, 'dist', 'src', 'index.js')).href;
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.api).then(({ lint }) => {
      const lines = workerData.kinds.map((kind) =>
        lint(workerData.text, { filePath: kind === 'text' ? 'r.md' : 'r.' + kind, kind }).messages.map((m) => m.line));
      parentPort.postMessage({ lines });
    }).catch((e) => parentPort.postMessage({ error: String((e && e.stack) || e) }));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { api, text, kinds } });
    const guard = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`linting did not finish in ${HANG_MS / 1000} s: a regular expression that backtracks without end?`));
    }, HANG_MS);
    worker.once('message', (m: { lines?: number[][]; error?: string }) => {
      clearTimeout(guard);
      void worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m.lines!);
    });
    worker.once('error', (e) => {
      clearTimeout(guard);
      reject(e);
    });
  });
}

describe('no regular expression backtracks catastrophically: pathological lines are linted, and the run ends', () => {
  const kinds: InputKind[] = ['text', 'html', 'docx'];
  test.each(PATHOLOGICAL)(
    '%s',
    async (_, text) => {
      const lines = await lintInWorker(text, kinds);
      expect(lines).toHaveLength(kinds.length);
      for (const l of lines.flat()) expect(l).toBeGreaterThanOrEqual(1);
    },
    HANG_MS + 60_000,
  );
});

test('a report that is all headings and nothing else', () => {
  const { report } = parseReport('一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n', { filePath: 'r.txt' });
  expect(sections(report)).toHaveLength(3);
});
