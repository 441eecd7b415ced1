/**
 * Emacs's eglot against the built server, set up exactly as docs/editors.md says. Skipped, with a message, where
 * Emacs or eglot is not installed (Debian: apt-get install emacs-nox elpa-eglot; Emacs 29 has eglot built in).
 */
import { jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from '../support/cli.js';

jest.setTimeout(120000);

const probe = spawnSync('emacs', ['--batch', '--eval', `(princ (if (require 'eglot nil t) "eglot" "none"))`], { encoding: 'utf8' });
const usable = probe.status === 0 && probe.stdout.trim() === 'eglot';
if (!usable) {
  process.stderr.write(
    `emacs.test.ts: ${probe.status === 0 ? 'eglot is not installed' : 'emacs is not installed'}; ` +
      'the Emacs end-to-end test is skipped (apt-get install emacs-nox elpa-eglot to run it)\n',
  );
}

(usable ? describe : describe.skip)('Emacs eglot, with the set-up of docs/editors.md', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-lint-emacs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('shows the findings of seed 002 through Flymake, with the initialization options', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8');
    const snippet = /```elisp\n([\s\S]*?)```/.exec(docs)![1];
    expect(snippet).toContain('("report-lint" "lsp" "--stdio"');
    writeFileSync(join(dir, 'snippet.el'), snippet);
    // `report-lint` on the PATH, as `npm install -g` puts it there
    mkdirSync(join(dir, 'bin'));
    const shim = join(dir, 'bin', 'report-lint');
    writeFileSync(shim, `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
    chmodSync(shim, 0o755);
    const seed = join(ROOT, 'samples', 'seeds', '002_e5e51e0cfe3bc0cf.txt');
    const file = join(dir, 'report.txt');
    copyFileSync(seed, file);
    const out = join(dir, 'out.json');
    const r = spawnSync('emacs', ['--batch', '-l', join(ROOT, 'test', 'e2e', 'emacs', 'e2e.el')], {
      cwd: dir,
      env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, SNIPPET: join(dir, 'snippet.el'), REPORT_FILE: file, OUT: out },
      encoding: 'utf8',
      timeout: 110000,
    });
    expect(r.error).toBeUndefined();
    const got = JSON.parse(readFileSync(out, 'utf8'));
    expect(got.error).toBeUndefined();
    expect(got.mode).toBe('text-mode');
    expect(got.initializationOptions).toBe(true);
    const lines = readFileSync(seed, 'utf8').split('\n');
    const want = [
      [123, '一、本年新收到政府信息公开申请数量'],
      [132, '二、上年结转政府信息公开数量'],
      [185, '3.危机“三安全一稳定”'],
      [229, '7.属于行政法案卷'],
      [262, '2.没有现成信息需另行制作'],
    ] as const;
    // where Flymake puts each one, in characters from the start of the line: the label, after the tab
    expect(got.diagnostics.map((d: [number, number]) => [d[0], d[1]])).toEqual(want.map(([n, label]) => [n, lines[n - 1].indexOf(label)]));
    for (const [i, d] of (got.diagnostics as Array<[number, number, string, string]>).entries()) {
      expect(d[2]).toBe('eglot-warning');
      expect(d[3]).toContain('label-variant');
      expect(d[3]).toContain(`行名「${want[i][1]}」`);
    }
  });
});
