/**
 * Neovim's built-in LSP client against the built server (test/nvim/e2e.lua does the editing; this file checks
 * what Neovim saw). Skipped, with a message, where `nvim` (0.7 or later) is not installed: Debian's `neovim`
 * package is enough (apt-get install neovim).
 */
import { jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from '../support/cli.js';

jest.setTimeout(120000);

function nvimVersion(): [number, number] | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  const m = r.status === 0 ? /NVIM v(\d+)\.(\d+)/.exec(r.stdout) : null;
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

const version = nvimVersion();
const usable = version !== undefined && (version[0] > 0 || version[1] >= 7);
if (!usable) {
  process.stderr.write(
    `nvim.test.ts: ${version ? `Neovim ${version.join('.')} is older than 0.7` : 'nvim is not installed'}; ` +
      'the Neovim end-to-end test is skipped (apt-get install neovim to run it)\n',
  );
}

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  source: string;
  code: string;
  message: string;
}

(usable ? describe : describe.skip)('Neovim’s LSP client (nvim --headless)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-lint-nvim-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('diagnostics, a quick fix applied by Neovim, hover, outline, shutdown', () => {
    const seed = join(ROOT, 'samples', 'seeds', '002_e5e51e0cfe3bc0cf.txt');
    const file = join(dir, 'report.txt');
    const out = join(dir, 'out.json');
    copyFileSync(seed, file);
    const r = spawnSync('nvim', ['--headless', '--clean', '-n', '-u', 'NONE', '-c', `luafile ${join(ROOT, 'test', 'e2e', 'nvim', 'e2e.lua')}`], {
      env: { ...process.env, REPORT_LINT_BIN: BIN, REPORT_FILE: file, OUT: out },
      encoding: 'utf8',
      timeout: 110000,
    });
    expect(r.error).toBeUndefined();
    const got = JSON.parse(readFileSync(out, 'utf8'));
    expect(got.error).toBeUndefined();
    expect(got.steps).toEqual(['diagnostics', 'code action', 'didChange', 'hover', 'symbols', 'exit']);

    // Neovim keeps columns in bytes: the server's ranges, converted by Neovim from the negotiated encoding
    const lines = readFileSync(seed, 'utf8').split('\n');
    const bytes = (s: string) => Buffer.byteLength(s);
    const want = [
      [123, '一、本年新收到政府信息公开申请数量'],
      [132, '二、上年结转政府信息公开数量'],
      [185, '3.危机“三安全一稳定”'],
      [229, '7.属于行政法案卷'],
      [262, '2.没有现成信息需另行制作'],
    ].map(([n, label]) => {
      const line = lines[(n as number) - 1];
      const at = line.indexOf(label as string);
      return [(n as number) - 1, bytes(line.slice(0, at)), bytes(line.slice(0, at)) + bytes(label as string)];
    });
    const opened = got.opened as NvimDiagnostic[];
    expect(got.waited_open).toBe(true);
    expect(opened.map((d) => [d.lnum, d.col, d.end_col])).toEqual(want);
    expect(opened.every((d) => d.code === 'label-variant' && d.source === 'report-lint' && d.severity === 2)).toBe(true);

    // the fix, chosen from Neovim's code action menu and applied by Neovim
    expect(got.action_titles).toEqual([
      '改为「3.危及“三安全一稳定”」',
      '修复本文件中所有可自动修复的问题（5 处）',
      '本行不检查「label-variant」',
      '本文件不检查「label-variant」',
    ]);
    expect(got.waited_action).toBe(true);
    expect(got.fixed_line).toBe('\t3.危及“三安全一稳定”');
    // Neovim sent the edit as a didChange; the server's answer has the other four
    expect(got.waited_change).toBe(true);
    expect((got.after_fix as NvimDiagnostic[]).map((d) => [d.lnum, d.col, d.end_col])).toEqual(want.filter(([l]) => l !== 184));

    expect(got.hover).toContain('- 行：一、本年新收政府信息公开申请数量');
    expect(got.hover).toContain('- 列：自然人');
    expect(got.hover).toContain('- 数值：0');
    expect(got.symbols.map((s: { name: string }) => s.name).slice(1)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    // stop_client sends shutdown and exit: the server ends with 0
    expect(got.exit_code).toBe(0);
  });

  test('the set-up in docs/editors.md works as written', () => {
    // the snippet for this Neovim: vim.lsp.start from 0.8 on, start_client + buf_attach_client in 0.7
    const marker = version![0] > 0 || version![1] >= 8 ? 'nvim-0.8' : 'nvim-0.7';
    const docs = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8');
    const m = new RegExp(`<!-- test: ${marker} -->\\n\`\`\`lua\\n([\\s\\S]*?)\`\`\``).exec(docs);
    expect(m).not.toBeNull();
    const snippet = m![1];
    expect(snippet).toContain("cmd = { 'report-lint', 'lsp', '--stdio' }");

    // `report-lint` on the PATH, as `npm install -g` puts it there
    const bin = join(dir, 'bin');
    const shim = join(bin, 'report-lint');
    rmSync(bin, { recursive: true, force: true });
    mkdirSync(bin, { recursive: true });
    writeFileSync(shim, `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
    chmodSync(shim, 0o755);
    const init = join(dir, 'init.lua');
    writeFileSync(
      init,
      snippet +
        `
vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local buf = vim.api.nvim_get_current_buf()
  local ok = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(list, { d.lnum, d.col, d.end_col }) end
  table.sort(list, function(a, b) return a[1] < b[1] end)
  vim.fn.writefile({ vim.fn.json_encode({ ok = ok, filetype = vim.bo[buf].filetype, diagnostics = list }) }, vim.env.OUT)
  vim.cmd('qa!')
end })
`,
    );
    const file = join(dir, 'docs-report.txt');
    const out = join(dir, 'docs-out.json');
    copyFileSync(join(ROOT, 'samples', 'seeds', '002_e5e51e0cfe3bc0cf.txt'), file);
    const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', init, file], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, OUT: out },
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(r.error).toBeUndefined();
    const got = JSON.parse(readFileSync(out, 'utf8'));
    expect(got.filetype).toBe('text');
    expect(got.ok).toBe(true);
    expect(got.diagnostics.map((d: number[]) => d[0])).toEqual([122, 131, 184, 228, 261]);
  });
});
