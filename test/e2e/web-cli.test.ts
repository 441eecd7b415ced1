/**
 * `report-lint web` as a command (no browser needed): bad options and a port in use are said clearly with exit
 * code 2, and the built page is self-contained (nothing loaded from anywhere, a policy that forbids requests).
 */
import { createServer, type Server } from 'node:net';
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { BIN } from '../support/cli.js';
import { LIMIT, PAGE_FILE } from '../support/browser.js';

/** the CLI; killed after LIMIT if it serves instead of refusing (it must refuse at once) */
function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT - 10_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

test('a port that is not a number, or out of range, is a usage error', async () => {
  const runs = await Promise.all(['abc', '70000', '1.5'].map((port) => runCli(['web', '--port', port])));
  for (const [i, port] of ['abc', '70000', '1.5'].entries()) {
    expect(runs[i].code).toBe(2);
    expect(runs[i].stderr).toContain(`--port 应为 0–65535 的整数（收到「${port}」）`);
    expect(runs[i].stderr).not.toMatch(/\n\s+at /);
  }
}, LIMIT);

test('a port in use: a message that says so and how to choose another, exit code 2', async () => {
  const taken: Server = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', () => resolve()));
  const port = (taken.address() as { port: number }).port;
  try {
    const r = await runCli(['web', '--port', String(port)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`端口 ${port} 已被占用`);
    expect(r.stderr).toContain('--port');
  } finally {
    taken.close();
  }
}, LIMIT);

test('the built page is one self-contained file: no script, style or font from elsewhere; its policy forbids requests', () => {
  const html = readFileSync(PAGE_FILE, 'utf8');
  const head = html.slice(0, html.indexOf('<body>'));
  expect(head).toContain(`http-equiv="Content-Security-Policy"`);
  expect(head).toMatch(/default-src 'none'/);
  expect(head).toMatch(/connect-src 'none'/);
  // every <script> of the page is inline; the icon is data:
  expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
  expect(html).not.toMatch(/<link[^>]*rel="stylesheet"/i);
  expect(head).toContain('<link rel="icon" href="data:,">');
  // the lazy readers are embedded as text, not run on load
  expect(html).toContain('<script type="text/x-report-lint-lazy" id="lazy-mammoth">');
  expect(html).toContain('<script type="text/x-report-lint-lazy" id="lazy-exceljs">');
});
