/**
 * The built CLI, run as a user runs it: files, folders, globs, formats, options, exit codes, bad input.
 */
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT, runCli, tempDir } from '../support/cli.js';
import { SEEDS } from '../support/reports.js';

const run = (args: string[], opts: { env?: Record<string, string>; cwd?: string; input?: string } = {}) => {
  const { code, stdout, stderr } = runCli(args, opts);
  return { code, stdout, stderr };
};
const tmp = () => tempDir('report-lint-cli-');

describe('exit codes and the default (stylish) output', () => {
  test('samples/seeds: findings grouped by file, a summary, exit 1 because 004 has an error', () => {
    const r = run(['samples/seeds/']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('samples/seeds/004_4455f420e810b9a4.txt');
    expect(r.stdout).toMatch(/103:1\s+错误\s+缺少第六部分「六、其他需要报告的事项」/);
    expect(r.stdout).toMatch(/label-variant/);
    expect(r.stdout).toContain('✖ 共 42 个问题（1 个错误，41 个警告）');
    // 001 has no finding and is not listed
    expect(r.stdout).not.toContain('001_3ae8912727f14c8a.txt');
    // piped output: no colour, no progress line
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stderr).toBe('');
  });

  test('a correct report: no output, exit 0', () => {
    const r = run([SEEDS.s001]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  test('only warnings: exit 0; --max-warnings below their number: exit 1 with a message', () => {
    expect(run([SEEDS.s002]).code).toBe(0);
    const r = run([SEEDS.s002, '--max-warnings', '4']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('发现 5 个警告，超过了 --max-warnings 规定的 4 个');
    expect(run([SEEDS.s002, '--max-warnings', '5']).code).toBe(0);
  });

  test('--quiet: errors only', () => {
    const r = run([SEEDS.s004, '--quiet', '--format', 'json']);
    const [res] = JSON.parse(r.stdout);
    expect(res.messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['section-missing']);
    expect(res.warningCount).toBe(0);
    expect(r.code).toBe(1);
  });

  test('--rule turns a rule off or changes its severity', () => {
    expect(run([SEEDS.s004, '--rule', 'section-missing:off']).code).toBe(0);
    const r = run([SEEDS.s002, '--rule', 'label-variant:error', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)[0].errorCount).toBe(5);
  });

  test('colour: FORCE_COLOR forces it, NO_COLOR and pipes leave it out', () => {
    expect(run([SEEDS.s002], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
    expect(run([SEEDS.s002], { env: { NO_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
    expect(run([SEEDS.s002, '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(/\x1b\[/);
  });
});

describe('--format json: ESLint’s JSON shape', () => {
  test('fields and types', () => {
    const r = run([SEEDS.s004, SEEDS.s001, '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(2);
    const f = out.find((x: { filePath: string }) => x.filePath.endsWith('004_4455f420e810b9a4.txt'));
    expect(f.filePath).toBe(join(ROOT, SEEDS.s004));
    expect(f).toMatchObject({ errorCount: 1, warningCount: 5, fatalErrorCount: 0 });
    for (const m of f.messages) {
      expect(Object.keys(m)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']));
      expect([1, 2]).toContain(m.severity);
    }
    expect(f.messages.find((m: { line: number }) => m.line === 57)).toMatchObject({
      ruleId: 'label-variant', severity: 1, column: 13, endLine: 57, endColumn: 17, expected: '社会公益组织', actual: '社会组织',
      location: { section: 's3', table: 'T3' },
    });
    expect(f).not.toHaveProperty('source');
  });
});

describe('--format codeframe', () => {
  test('source line with the span marked under the right (wide) characters', () => {
    const r = run([SEEDS.s004, '--format', 'codeframe', '--rule', 'cell-count:off', '--rule', 'section-missing:off']);
    const lines = r.stdout.split('\n');
    const i = lines.findIndex((l) => l.startsWith('> 57 |'));
    expect(i).toBeGreaterThan(0);
    const src = lines[i];
    const marks = lines[i + 1];
    // the marks start under 社会组织: each CJK character is two columns wide, tabs are four spaces
    const prefix = src.slice(0, src.indexOf('社会组织'));
    const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
    expect(marks.indexOf('^')).toBe(width(prefix));
    expect(marks.slice(marks.indexOf('^')).trim()).toBe('^'.repeat(8));
  });
});

describe('paths: folders, globs, missing files, bad input', () => {
  test('a glob', () => {
    const r = run(['samples/seeds/00[12]*.txt', '--format', 'json']);
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => basename(x.filePath))).toEqual(['001_3ae8912727f14c8a.txt', '002_e5e51e0cfe3bc0cf.txt']);
  });

  test('a missing file is a fatal message with exit 2; the other files are still linted', () => {
    const r = run(['nope.txt', SEEDS.s002, '--format', 'json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out[0]).toMatchObject({ fatalErrorCount: 1, messages: [{ ruleId: null, fatal: true, severity: 2, message: '找不到文件或文件夹「nope.txt」' }] });
    expect(out[1].warningCount).toBe(5);
  });

  test('binary and undecodable files are fatal for that file only', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
    writeFileSync(join(dir, 'b.txt'), readFileSync(join(ROOT, SEEDS.s001)));
    const r = run([dir, '--format', 'json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out[0].messages[0]).toMatchObject({ fatal: true, message: '无法读取：这是二进制文件，不是文本' });
    expect(out[1].messages).toEqual([]);
  });

  test('a folder without reports, no paths, an unknown option, a bad --rule: exit 2 with a clear message, no stack trace', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'empty'));
    const cases = [
      [[join(dir, 'empty')], '没有找到报告文件（.txt、.md、.html、.htm、.docx、.pdf）'],
      [[], '请给出要检查的文件或文件夹'],
      [[SEEDS.s001, '--bogus'], 'bogus'],
      [[SEEDS.s001, '--rule', 'sectoin-missing:off'], '没有名为「sectoin-missing」的规则，是否想写「section-missing」？'],
      [[SEEDS.s001, '--rule', 'cell-empty:loud'], '严重程度「loud」无效'],
      [[SEEDS.s001, '--format', 'xml'], '不认识的输出格式「xml」'],
    ] as const;
    for (const [args, text] of cases) {
      const r = run([...args]);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toContain(text);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  test('a text that is not a report: one warning, no rule findings', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'README.md'), '# Hello\n\nThis is not a report.\n');
    const r = run([dir, '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out[0].messages).toEqual([expect.objectContaining({ ruleId: null, severity: 1, message: expect.stringContaining('未识别为政府信息公开工作年度报告') })]);
    expect(r.code).toBe(0);
  });
});

describe('parse and extract', () => {
  test('parse prints the AST', () => {
    const r = run(['parse', SEEDS.s003]);
    expect(r.code).toBe(0);
    const ast = JSON.parse(r.stdout);
    expect(ast).toMatchObject({ type: 'report', year: 2020, format: '2019' });
    expect(ast.children.filter((c: { type: string }) => c.type === 'section')).toHaveLength(6);
  });

  test('extract prints values by row and column id; blank cells are null, unbound rows listed apart', () => {
    const a = JSON.parse(run(['extract', SEEDS.s000]).stdout);
    expect(a).toMatchObject({ format: '2019', year: 2020, agency: '定海区统计局' });
    expect(a.tables.T2_1.regulation).toEqual({ new_made: null, new_published: 2, total_published: 6 });
    expect(a.tables.T2_9.procurement).toEqual({ proj_count: 36, amount: 189695 });
    expect(a.tables.T3.r1.total).toBe(0);
    expect(a.tables.T3.r1.natural).toBeNull();
    const b = JSON.parse(run(['extract', SEEDS.s004]).stdout);
    expect(b.unbound.map((u: { row: string; line: number }) => `${u.row}@${u.line}`)).toEqual(['r3_1@60', 'r3_2@61', 'n@91']);
    expect(b.tables.T2_6.penalty).toEqual({ prev_items: 19, delta: 0, decisions: 0 });
  });

  test('parse of a missing file: exit 2', () => {
    const r = run(['parse', 'nope.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('文件不存在');
  });
});

describe('--quiet hides warnings an error rule gave at a lower severity', () => {
  test('003: its only finding is cell-value at warning level: nothing shown, exit 0', () => {
    const r = run([SEEDS.s003, '--quiet']);
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });
});
