/**
 * Red-team inputs: small generated files that once took minutes, gigabytes or the whole stack. Each is run through
 * the built CLI in a child process that is killed after a generous time (a hang fails the test, no time is
 * measured); each must be answered either with the report's findings or with one message naming the limit it
 * went over.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import stringWidth from 'string-width';
import { lint } from '../../src/index.js';
import { BIN, ROOT, tempFolder, type JsonResult } from '../support/cli.js';
import { seedWithWrongTotal } from '../support/reports.js';
import { reportDocx } from '../support/docx.js';


let dir: string;
let done: () => void;
beforeAll(() => ({ dir, done } = tempFolder()));
afterAll(() => done());

/** The CLI on a file, killed after `killAfter` ms; its JSON results. */
function run(name: string, content: string | Uint8Array, args: string[] = [], killAfter = 120_000) {
  const path = join(dir, name);
  writeFileSync(path, content);
  const r = spawnSync(process.execPath, [BIN, ...args, path], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
    timeout: killAfter,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  expect(r.signal).toBeNull(); // not killed: it did not hang
  expect(r.stderr).not.toMatch(/内部错误|at .*\.js:\d+/);
  return { code: r.status, stdout: r.stdout, results: args.includes('json') ? (JSON.parse(r.stdout) as JsonResult[]) : [] };
}

const json = ['--format', 'json'];
const fatalOf = (results: JsonResult[]) => results[0].messages.filter((m) => m.fatal).map((m) => m.message);

test('a page whose table cells span a huge grid (rowspan × colspan) is refused, naming the limit on table cells', () => {
  const rows = Array.from({ length: 300 }, () => '<tr><td rowspan="9999" colspan="999">1</td><td>总计</td></tr>').join('');
  const r = run('grid.html', `<html><body><h1>一、总体情况</h1><table>${rows}</table></body></html>`, json);
  expect(r.code).toBe(2);
  expect(fatalOf(r.results)).toEqual([expect.stringMatching(/表格的格子数.*上限（100,000 格）/)]);
});

test('1,500 nested <div> are refused, naming the limit on nesting', () => {
  const r = run('divs.html', `<html><body>${'<div>'.repeat(1500)}一、总体情况${'</div>'.repeat(1500)}</body></html>`, json);
  expect(r.code).toBe(2);
  expect(fatalOf(r.results)).toEqual([expect.stringMatching(/嵌套层数.*上限（256 层）/)]);
});

test('400 unclosed inline elements before 2,000 paragraphs are refused before the page is parsed, naming the limit', () => {
  const open = Array.from({ length: 400 }, (_, i) => `<font class="c${i}">`).join('');
  const r = run('unclosed.html', `<html><body>${open}${'<p>一、总体情况</p>\n'.repeat(2000)}</body></html>`, json);
  expect(r.code).toBe(2);
  expect(fatalOf(r.results)).toEqual([expect.stringMatching(/未关闭的.*格式标签.*上限（500,000 个）/)]);
});

test('a small .docx holding 150,000 empty paragraphs is refused before mammoth reads it, naming the limit', async () => {
  const zip = await JSZip.loadAsync(await reportDocx());
  const xml = await zip.file('word/document.xml')!.async('string');
  await zip.file('word/document.xml', xml.replace('<w:body>', '<w:body>' + '<w:p/>'.repeat(150_000)));
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  expect(bytes.length).toBeLessThan(200_000);
  const r = run('many.docx', bytes, json);
  expect(r.code).toBe(2);
  expect(fatalOf(r.results)).toEqual([expect.stringMatching(/段落和表格数.*上限（100,000 个）/)]);
});

test('a .docx whose document.xml unpacks beyond the limit is refused, whatever its zip directory says', async () => {
  const zip = await JSZip.loadAsync(await reportDocx());
  await zip.file('word/document.xml', '<w:document>' + ' '.repeat(70 * 1024 * 1024) + '</w:document>');
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  const r = run('bomb.docx', bytes, json);
  expect(r.code).toBe(2);
  expect(fatalOf(r.results)).toEqual([expect.stringMatching(/解压后的大小.*上限（64 MB）/)]);
});

test('a Markdown text of 200 KB of `*a` emphasis runs is read in linear time and linted', () => {
  const text = seedWithWrongTotal() + '\n\n' + '*a'.repeat(100_000) + '\n';
  const r = run('emph.md', text, json);
  expect(r.results[0].messages.some((m) => m.ruleId === 'row-total')).toBe(true);
  expect(fatalOf(r.results)).toEqual([]);
});

test('5,000 nested > in Markdown, and 1 million lines after a report: no stack overflow, every finding kept', () => {
  const quoted = run('quotes.md', seedWithWrongTotal() + '\n\n' + '>'.repeat(5000) + ' 引文\n', json);
  expect(fatalOf(quoted.results)).toEqual([]);
  expect(quoted.results[0].messages.some((m) => m.ruleId === 'row-total')).toBe(true);
  const long = run('long.txt', seedWithWrongTotal() + '\n' + 'x\n'.repeat(1_000_000), json);
  expect(fatalOf(long.results)).toEqual([]);
  expect(long.results[0].messages.some((m) => m.ruleId === 'row-total')).toBe(true);
});

test('the API: a page with 140,000 paragraphs before the report is linted without throwing', () => {
  const page = `<html><body>${'<p>站点导航</p>\n'.repeat(140_000)}<p><b>一、总体情况</b></p><p>本年度……</p><p><b>二、主动公开政府信息情况</b></p><p>本年度……</p></body></html>`;
  const r = lint(page, { filePath: 'big.html' });
  expect(r.messages.filter((m) => m.fatal)).toEqual([]);
  expect(r.messages.some((m) => m.ruleId === 'section-missing')).toBe(true);
});

test('codeframe on a one-line (minified) page shows a bounded part of the line around each finding', () => {
  const page = '<html><body>' + '<p>一、总体情况截止</p><p>二、主动公开截止</p>'.repeat(3000) + '</body></html>';
  const r = run('min.html', page, ['--format', 'codeframe']);
  const frames = r.stdout.split('\n').filter((l) => l.startsWith('> 1 | '));
  expect(frames.length).toBeGreaterThan(0);
  for (const f of frames) expect(f.length).toBeLessThan(400);
  // the mark sits under the finding: the first finding is 总体情况截止 at column 18 of the line
  const lines = r.stdout.split('\n');
  const i = lines.findIndex((l) => l.startsWith('> 1 | '));
  const shown = lines[i].slice('> 1 | '.length);
  const marks = lines[i + 1].slice(lines[i + 1].indexOf('| ') + 2);
  expect(stringWidth(shown.slice(0, shown.indexOf('总体情况截止')))).toBe(marks.indexOf('^'));
  // a finding far into the line is shown cut, with its text in view
  const far = lines.findLastIndex((l) => l.startsWith('> 1 | …'));
  expect(far).toBeGreaterThan(i);
  expect(lines[far]).toMatch(/截止/);
});
