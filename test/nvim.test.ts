/**
 * Neovim's built-in LSP client against the built server (test/nvim/e2e.lua does the editing; this file checks
 * what Neovim saw). Skipped, with a message, where `nvim` (0.7 or later) is not installed: Debian's `neovim`
 * package is enough (apt-get install neovim).
 */
import { jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from './helpers/lsp-client.js';

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
    const r = spawnSync('nvim', ['--headless', '--clean', '-n', '-u', 'NONE', '-c', `luafile ${join(ROOT, 'test', 'nvim', 'e2e.lua')}`], {
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
    expect(got.action_titles).toEqual(['改为「3.危及“三安全一稳定”」', '修复本文件中所有可自动修复的问题（5 处）']);
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
});
