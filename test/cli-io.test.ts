/**
 * The CLI through its Io seam: the progress line on a terminal, never in piped output.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../src/cli/main.js';
import { SEEDS, readSample } from './support/reports.js';

function fakeIo(over: Partial<Io>): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
    env: { NO_COLOR: '1' } as NodeJS.ProcessEnv,
    cwd: process.cwd(),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    ...over,
  };
  return io;
}

describe('progress line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-lint-progress-'));
  const text = readSample(SEEDS.s001);
  for (let i = 0; i < 12; i++) writeFileSync(join(dir, `r${String(i).padStart(2, '0')}.txt`), text);

  test('on a terminal, for many files: a progress line on stderr, cleared at the end', async () => {
    const io = fakeIo({ stderrIsTTY: true, cwd: dir });
    expect(await main(['.'], io)).toBe(0);
    // files done / total, rate and time left (src/cli/progress.ts)
    expect(io.err).toMatch(/\r\x1b\[K正在检查 [█░]+ 1\/12（[\d.]+ 个\/秒/);
    expect(io.err).toMatch(/\r\x1b\[K正在检查 █+ 12\/12（/);
    expect(io.err.endsWith('\r\x1b[K')).toBe(true);
    expect(io.out).toBe('');
  });

  test('piped, or in CI: nothing on stderr', async () => {
    const piped = fakeIo({ stderrIsTTY: false, cwd: dir });
    expect(await main(['.'], piped)).toBe(0);
    expect(piped.err).toBe('');
    const ci = fakeIo({ stderrIsTTY: true, cwd: dir, env: { CI: 'true' } });
    expect(await main(['.'], ci)).toBe(0);
    expect(ci.err).toBe('');
  });

  test('a few files: no progress line even on a terminal', async () => {
    const io = fakeIo({ stderrIsTTY: true, cwd: dir });
    await main(['r00.txt', 'r01.txt'], io);
    expect(io.err).toBe('');
  });
});
