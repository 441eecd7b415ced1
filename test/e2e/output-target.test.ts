/**
 * --output-file onto what is not a plain new file: an input, a link, a pipe, a folder, a place where no file can
 * be made. Checked before anything is linted (exit 2, the reason said); a link is never replaced, a pipe is
 * written through, an existing file keeps its mode.
 */
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempFolder } from '../support/cli.js';
import { sample } from '../support/reports.js';

const ROOT_SAMPLES = join(ROOT, 'samples');


let dir: string;
let done: () => void;
beforeAll(() => ({ dir, done } = tempFolder()));
afterAll(() => done());

const report = () => sample('made/label-variant--2021-tab.txt');

test('an output that is one of the inputs is refused before anything is written (also with --fix): the report stays whole', () => {
  const r = join(dir, 'same.txt');
  writeFileSync(r, report());
  for (const args of [[r, '-o', r], ['--fix', r, '-o', r], [dir, '--output-file', r]]) {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/它就是被检查的文件之一/);
    expect(readFileSync(r, 'utf8')).toBe(report());
  }
});

test('an output through a link writes the file it points to; the link stays a link', () => {
  const target = join(dir, 'real-out.json');
  const link = join(dir, 'link-out.json');
  writeFileSync(target, 'old');
  symlinkSync('real-out.json', link);
  const run = runCli([join(ROOT_SAMPLES, 'made', 'label-variant--2021-tab.txt'), '-f', 'json', '-o', link]);
  expect(run.code).toBe(0);
  expect(lstatSync(link).isSymbolicLink()).toBe(true);
  expect(readlinkSync(link)).toBe('real-out.json');
  expect(JSON.parse(readFileSync(target, 'utf8'))[0].warningCount).toBeGreaterThan(0);
});

test('an existing output keeps its mode (0600 stays 0600)', () => {
  const out = join(dir, 'private.txt');
  writeFileSync(out, 'old');
  chmodSync(out, 0o600);
  expect(runCli([join(ROOT_SAMPLES, 'made', 'ok--2021-tab.txt'), '-o', out]).code).toBe(0);
  expect(statSync(out).mode & 0o777).toBe(0o600);
});

test('a named pipe is written through (never replaced by a file); a pipe nobody reads is refused, not waited on', async () => {
  const fifo = join(dir, 'out.fifo');
  execFileSync('mkfifo', [fifo]);
  const alone = runCli([join(ROOT_SAMPLES, 'made', 'ok--2021-tab.txt'), '-o', fifo]);
  expect(alone.code).toBe(2);
  expect(alone.stderr).toMatch(/没有读取方的管道/);
  const reader = spawn('cat', [fifo]);
  let got = '';
  reader.stdout.on('data', (b: Buffer) => (got += b.toString()));
  const closed = new Promise((res) => reader.on('close', res));
  // until the reader has its end open (it starts in its own time), the pipe has no reader
  let run = runCli([join(ROOT_SAMPLES, 'made', 'label-variant--2021-tab.txt'), '-f', 'json', '-o', fifo]);
  for (let i = 0; i < 100 && /没有读取方/.test(run.stderr); i++) {
    await new Promise((res) => setTimeout(res, 200));
    run = runCli([join(ROOT_SAMPLES, 'made', 'label-variant--2021-tab.txt'), '-f', 'json', '-o', fifo]);
  }
  await closed;
  expect(run.code).toBe(0);
  expect(JSON.parse(got)[0].warningCount).toBeGreaterThan(0);
  expect(statSync(fifo).isFIFO()).toBe(true);
});

test('a folder, or a place where no file can be made (/proc), fails at once with exit 2 and the reason', () => {
  const folder = join(dir, 'a-folder');
  mkdirSync(folder);
  const a = runCli([join(ROOT_SAMPLES, 'made', 'ok--2021-tab.txt'), '-o', folder]);
  expect(a.code).toBe(2);
  expect(a.stderr).toMatch(/这是一个文件夹/);
  const b = runCli([join(ROOT_SAMPLES, 'made', 'ok--2021-tab.txt'), '-o', '/proc/report-lint-out.txt']);
  expect(b.code).toBe(2);
  expect(b.stderr).toMatch(/无法在文件夹「\/proc」中创建文件/);
  expect(b.stdout).toBe('');
});
