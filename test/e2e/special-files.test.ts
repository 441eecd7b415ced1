/**
 * Paths that are not regular files: links to devices, pipes, looping and broken links, links to folders, folders
 * that cannot be read, names with control characters, and standard input longer than the size limit. Only
 * regular files are read, never past the limit; what is skipped is said, with the reason. Each run is a child
 * process killed after a generous time, so that a hang fails the test.
 */
import { spawnSync, spawn, execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, tempFolder, type JsonResult } from '../support/cli.js';
import { seedWithWrongTotal } from '../support/reports.js';


let dir: string;
let done: () => void;
beforeAll(() => {
  ({ dir, done } = tempFolder());
  chmodSync(dir, 0o755);
});
afterAll(() => {
  // folders made unreadable must be readable again to be removed
  try {
    execFileSync('chmod', ['-R', 'u+rwx', dir]);
  } catch {
    /* nothing made unreadable */
  }
  done();
});

const root = process.getuid?.() === 0;
/** Permissions do not stop root: the runs that need them are made as `nobody` (setpriv), where root runs the tests. */
const asUser = root ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
const canDropRoot = (() => {
  if (!root) return true;
  try {
    accessSync('/usr/bin/setpriv', constants.X_OK);
    execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(BIN)})`]);
    return true;
  } catch {
    return false;
  }
})();

function run(args: string[], opts: { user?: boolean; input?: string } = {}) {
  const [cmd, ...pre] = opts.user ? asUser : [process.execPath];
  const r = spawnSync(cmd, [...pre, BIN, '--format', 'json', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: '1' },
    timeout: 60_000,
    killSignal: 'SIGKILL',
    input: opts.input,
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(r.signal).toBeNull();
  return { code: r.status, results: JSON.parse(r.stdout) as JsonResult[], stderr: r.stderr };
}

const byName = (results: JsonResult[], name: string) => results.find((r) => r.filePath.endsWith(name))!;

test('a link to /dev/zero is not read: named, it is refused as a device file; found in a folder, it is skipped with a warning', () => {
  const d = join(dir, 'zero');
  mkdirSync(d);
  writeFileSync(join(d, 'report.txt'), seedWithWrongTotal());
  symlinkSync('/dev/zero', join(d, 'zero.txt'));
  const named = run([join(d, 'zero.txt')]);
  expect(named.code).toBe(2);
  expect(named.results[0].messages[0]).toMatchObject({ fatal: true, message: expect.stringMatching(/设备文件/) });
  const folder = run([d]);
  expect(folder.code).toBe(1); // the report's error; the device is only skipped
  expect(byName(folder.results, 'zero.txt').messages).toEqual([expect.objectContaining({ severity: 1, message: expect.stringMatching(/^已跳过：这是设备文件/) })]);
  expect(byName(folder.results, 'report.txt').errorCount).toBeGreaterThan(0);
});

test('a FIFO (also through a link) is never opened for reading in a way that waits: refused or skipped, saying it is a pipe', () => {
  const d = join(dir, 'fifo');
  mkdirSync(d);
  execFileSync('mkfifo', [join(d, 'pipe.txt')]);
  symlinkSync(join(d, 'pipe.txt'), join(d, 'link.md'));
  const named = run([join(d, 'pipe.txt'), join(d, 'link.md')]);
  expect(named.code).toBe(2);
  for (const r of named.results) expect(r.messages[0].message).toMatch(/管道（FIFO）/);
  const folder = run([d]);
  expect(folder.code).toBe(0);
  expect(folder.results.map((r) => r.messages[0].message)).toEqual([expect.stringMatching(/已跳过：这是管道/), expect.stringMatching(/已跳过：这是管道/)]);
});

test('links to folders are not followed when a folder is searched (no loop, nothing outside): each is said to be skipped', () => {
  const d = join(dir, 'links');
  const outside = join(dir, 'outside');
  mkdirSync(join(d, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(d, 'sub', 'a.txt'), seedWithWrongTotal());
  writeFileSync(join(outside, 'secret.txt'), seedWithWrongTotal());
  symlinkSync(d, join(d, 'sub', 'loop'));
  symlinkSync(outside, join(d, 'out'));
  symlinkSync('self.txt', join(d, 'self.txt'));
  symlinkSync('missing.txt', join(d, 'broken.txt'));
  const r = run([d]);
  const names = r.results.map((x) => x.filePath.slice(d.length + 1));
  expect(names).toEqual(['broken.txt', 'out', 'self.txt', 'sub/a.txt', 'sub/loop']);
  expect(byName(r.results, 'sub/loop').messages[0].message).toMatch(/^已跳过：这是指向文件夹的符号链接/);
  expect(byName(r.results, '/out').messages[0].message).toMatch(/^已跳过：这是指向文件夹的符号链接/);
  expect(byName(r.results, 'self.txt').messages[0].message).toMatch(/循环/);
  expect(byName(r.results, 'broken.txt').messages[0].message).toMatch(/不存在/);
  // named on the command line, a link to a folder is searched
  expect(run([join(d, 'out')]).results.map((x) => x.filePath)).toEqual([join(d, 'out', 'secret.txt')]);
});

(canDropRoot ? test : test.skip)('an unreadable subfolder is an error naming it; a file in an unreadable folder is "no permission", not "not found"', () => {
  const d = join(dir, 'locked');
  mkdirSync(join(d, 'closed'), { recursive: true });
  writeFileSync(join(d, 'ok.txt'), seedWithWrongTotal());
  execFileSync('mkfifo', [join(d, 'closed', 'pipe.txt')]);
  writeFileSync(join(d, 'closed', 'inside.txt'), seedWithWrongTotal());
  chmodSync(join(d, 'closed'), 0o000);
  const r = run([d], { user: true });
  expect(r.code).toBe(2);
  expect(byName(r.results, 'closed').messages[0]).toMatchObject({ fatal: true, message: expect.stringMatching(/无法读取文件夹（没有读取权限）/) });
  const named = run([join(d, 'closed', 'pipe.txt')], { user: true });
  expect(named.results[0].messages[0].message).toMatch(/没有读取权限/);
  expect(named.results[0].messages[0].message).not.toMatch(/找不到/);
});

test('control characters in a file name are shown escaped, never sent raw to the terminal', () => {
  const d = join(dir, 'names');
  mkdirSync(d);
  const name = 'r\u001b[31mred\u0007.txt';
  writeFileSync(join(d, name), seedWithWrongTotal());
  const r = spawnSync(process.execPath, [BIN, d, join(d, 'no\u001b]0;title\u0007.txt')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  expect(r.stdout).toContain('r\\x1B[31mred\\x07.txt');
  expect(r.stdout).toContain('no\\x1B]0;title\\x07.txt');
});

test('standard input is read up to the size limit and no further: an endless stream is refused', async () => {
  const child = spawn(process.execPath, [BIN, '--stdin', '--format', 'json'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  const chunk = Buffer.alloc(1024 * 1024, 'a');
  let written = 0;
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stdin.on('error', () => undefined);
  const pump = () => {
    while (!child.stdin.destroyed && written < 4096 * 1024 * 1024) {
      written += chunk.length;
      if (!child.stdin.write(chunk)) return void child.stdin.once('drain', pump);
    }
  };
  pump();
  const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
  clearTimeout(killer);
  expect(code).toBe(2);
  expect(JSON.parse(out)[0].messages[0].message).toMatch(/文件太大，超过了可以检查的 32\.0 MB/);
  // it stopped reading soon after the limit
  expect(written).toBeLessThan(200 * 1024 * 1024);
});
