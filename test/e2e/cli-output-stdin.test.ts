/**
 * --output-file and --stdin / --stdin-filename, through the built CLI.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LintResult } from '../../src/types.js';
import { copySamples, runCli, runCliAsync, sarifErrors, tempDir, writeText } from '../support/cli.js';
import { arithmeticReport, SEEDS, readSample } from '../support/reports.js';

describe('--output-file', () => {
  test('the file holds exactly what stdout would; nothing on stdout; same exit code; folders created', async () => {
    const dir = tempDir();
    copySamples(dir, { [SEEDS.s004]: 'reports/004.txt', [SEEDS.s001]: 'reports/001.txt' });
    // writing does not depend on the format: the default one and three of the CI ones
    const formats = ['stylish', 'sarif', 'github', 'checkstyle'];
    const runs = await Promise.all(
      formats.map(async (format) => {
        const out = `out/${format}/nested/result.${format}`;
        const [plain, toFile] = await Promise.all([
          runCliAsync(['--format', format, 'reports/'], { cwd: dir }),
          runCliAsync(['--format', format, '--output-file', out, 'reports/'], { cwd: dir }),
        ]);
        return { format, out, plain, toFile };
      }),
    );
    for (const { format, out, plain, toFile } of runs) {
      expect([format, toFile.stdout, toFile.stderr, toFile.status]).toEqual([format, '', '', 1]);
      expect(plain.status).toBe(1);
      expect(plain.stdout.length).toBeGreaterThan(0);
      expect(readFileSync(join(dir, out), 'utf8')).toBe(plain.stdout);
      // no temporary file left beside it
      expect(readdirSync(join(dir, `out/${format}/nested`))).toEqual([`result.${format}`]);
    }
  });

  test('-o is its alias; an existing file is replaced whole; the SARIF written validates', () => {
    const dir = tempDir();
    writeText(join(dir, 'r.txt'), arithmeticReport());
    writeFileSync(join(dir, 'r.sarif'), 'x'.repeat(200_000));
    const r = runCli(['-f', 'sarif', '-o', 'r.sarif', 'r.txt'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(sarifErrors(JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')))).toEqual([]);
  });

  test('no colour in a file, even when the terminal would have it, unless --color asks', () => {
    const dir = tempDir();
    writeText(join(dir, 'r.txt'), arithmeticReport());
    runCli(['-o', 'plain.txt', 'r.txt'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    runCli(['-o', 'color.txt', '--color', 'r.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'plain.txt'), 'utf8')).toContain('row-total');
    expect(readFileSync(join(dir, 'plain.txt'), 'utf8')).not.toContain('\x1b[');
    expect(readFileSync(join(dir, 'color.txt'), 'utf8')).toContain('\x1b[');
  });

  test('a folder that cannot be made: exit 2, a message in Chinese, nothing on stdout, no file', () => {
    const dir = tempDir();
    writeText(join(dir, 'r.txt'), arithmeticReport());
    writeFileSync(join(dir, 'blocker'), 'a file, not a folder');
    const r = runCli(['-f', 'sarif', '-o', 'blocker/sub/out.sarif', 'r.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`report-lint：无法写入输出文件「${resolve(dir, 'blocker/sub/out.sarif')}」：路径中有一部分是文件，不是文件夹\n`);
    expect(readFileSync(join(dir, 'blocker'), 'utf8')).toBe('a file, not a folder');
  });

  test('a target that is a folder: exit 2 and no partial or temporary file left', () => {
    const dir = tempDir();
    writeText(join(dir, 'r.txt'), arithmeticReport(4));
    mkdirSync(join(dir, 'target'));
    const r = runCli(['-f', 'junit', '-o', 'target', 'r.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^report-lint：无法写入输出文件「.*target」：/);
    expect(readdirSync(dir).sort()).toEqual(['r.txt', 'target']);
    expect(readdirSync(join(dir, 'target'))).toEqual([]);
  });

  test('parse and extract write to the file too', () => {
    const dir = tempDir();
    writeText(join(dir, 'r.txt'), arithmeticReport());
    const r = runCli(['extract', 'r.txt', '-o', 'values.json'], { cwd: dir });
    expect([r.status, r.stdout]).toEqual([0, '']);
    expect(readFileSync(join(dir, 'values.json'), 'utf8')).toBe(runCli(['extract', 'r.txt'], { cwd: dir }).stdout);
  });
});

describe('--stdin', () => {
  const json = (stdout: string): LintResult[] => JSON.parse(stdout);

  test('reads the report from standard input, named by --stdin-filename (relative to the working directory)', () => {
    const dir = tempDir();
    const text = arithmeticReport();
    writeText(join(dir, 'reports/r.txt'), text);
    const fromFile = runCli(['-f', 'json', 'reports/r.txt'], { cwd: dir });
    const fromStdin = runCli(['-f', 'json', '--stdin', '--stdin-filename', 'reports/r.txt'], { cwd: dir, input: text });
    expect(fromStdin.status).toBe(1);
    expect(json(fromStdin.stdout)).toEqual(json(fromFile.stdout));
    expect(json(fromStdin.stdout)[0].filePath).toBe(join(dir, 'reports/r.txt'));
    const gh = runCli(['-f', 'github', '--stdin', '--stdin-filename', 'reports/r.txt'], { cwd: dir, input: text });
    expect(gh.stdout.split('\n')[0]).toMatch(/^::error file=reports\/r\.txt,line=41,col=32,/);
  });

  test('without --stdin-filename the report is <text>', () => {
    const r = runCli(['-f', 'checkstyle', '--stdin'], { cwd: tempDir(), input: arithmeticReport() });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[2]).toBe('  <file name="&lt;text&gt;">');
    const s = runCli(['-f', 'sarif', '--stdin'], { cwd: tempDir(), input: arithmeticReport() });
    const log = JSON.parse(s.stdout);
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('%3Ctext%3E');
  });

  test('bytes are decoded as files are: UTF-16 with a BOM gives the same findings', () => {
    const text = arithmeticReport();
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const a = runCli(['-f', 'json', '--stdin'], { input: text });
    const b = runCli(['-f', 'json', '--stdin'], { input: utf16 });
    expect(json(b.stdout)[0].messages).toEqual(json(a.stdout)[0].messages);
    expect(json(b.stdout)[0].messages.map((m) => m.ruleId)).toEqual(['row-total', 'outcome-total']);
  });

  test('a Markdown report through stdin named .md reads as the same file on disk does', () => {
    const dir = tempDir();
    copySamples(dir, { [SEEDS.s003]: 'r.md' });
    const fromFile = runCli(['-f', 'json', 'r.md'], { cwd: dir });
    const fromStdin = runCli(['-f', 'json', '--stdin', '--stdin-filename', 'r.md'], { cwd: dir, input: readSample(SEEDS.s003) });
    expect(json(fromStdin.stdout)).toEqual(json(fromFile.stdout));
    const s = runCli(['-f', 'sarif', '--stdin', '--stdin-filename', 'r.md'], { cwd: dir, input: readSample(SEEDS.s003) });
    expect(JSON.parse(s.stdout).runs[0].artifacts[0]).toEqual({ location: { uri: 'r.md', uriBaseId: '%SRCROOT%' }, roles: ['analysisTarget'], mimeType: 'text/markdown' });
  });

  test('the configuration is the one of the named file’s folder, ignorePatterns included', () => {
    const dir = tempDir();
    writeText(join(dir, 'reports/.reportlintrc.json'), JSON.stringify({ rules: { 'row-total': 'off' }, ignorePatterns: ['drafts/**'] }));
    const named = runCli(['-f', 'json', '--stdin', '--stdin-filename', 'reports/r.txt'], { cwd: dir, input: arithmeticReport() });
    expect(json(named.stdout)[0].messages.map((m) => m.ruleId)).toEqual(['outcome-total']);
    const ignored = runCli(['-f', 'json', '--stdin', '--stdin-filename', 'reports/drafts/r.txt'], { cwd: dir, input: arithmeticReport() });
    expect(json(ignored.stdout)[0].messages.map((m) => [m.ruleId, m.severity])).toEqual([[null, 1]]);
    expect(ignored.status).toBe(0);
  });

  test('a web page through stdin reads as the file does, named .html or known by its content', () => {
    const dir = tempDir();
    // PT2021 (a real page, correct throughout) with the 总计 of （一）予以公开 made 31 where its columns add up to 30
    const page = readSample('samples/pages/PT2021.html');
    const at = page.indexOf('>30<', page.indexOf('（一）予以公开'));
    const broken = page.slice(0, at) + '>31<' + page.slice(at + 4);
    writeText(join(dir, 'page.html'), broken);
    const fromFile = json(runCli(['-f', 'json', 'page.html'], { cwd: dir }).stdout)[0].messages;
    expect(fromFile.map((m) => m.ruleId)).toEqual(['row-total', 'outcome-total']);
    for (const name of [['--stdin-filename', 'page.html'], []]) {
      const r = runCli(['-f', 'json', '--stdin', ...name], { cwd: dir, input: broken });
      expect(json(r.stdout)[0].messages).toEqual(fromFile);
    }
    const s = JSON.parse(runCli(['-f', 'sarif', '--stdin', '--stdin-filename', 'page.html'], { cwd: dir, input: broken }).stdout);
    expect(sarifErrors(s)).toEqual([]);
    expect(s.runs[0].artifacts[0].mimeType).toBe('text/html');
  });

  test('binary input is a fatal message for the named file, exit 2', () => {
    const r = runCli(['-f', 'json', '--stdin', '--stdin-filename', 'x.txt'], { cwd: tempDir(), input: Buffer.from([0x41, 0x00, 0x42]) });
    expect(r.status).toBe(2);
    const m = json(r.stdout)[0].messages;
    expect(m).toEqual([{ ruleId: null, severity: 2, fatal: true, message: '标准输入无法读取：这是二进制文件，不是文本', line: 1, column: 1, endLine: 1, endColumn: 1 }]);
  });

  test('usage errors: files beside --stdin, --stdin-filename without --stdin', () => {
    const dir = tempDir();
    writeText(join(dir, 'r.txt'), arithmeticReport());
    const a = runCli(['--stdin', 'r.txt'], { cwd: dir, input: 'x' });
    expect([a.status, a.stdout, a.stderr]).toEqual([2, '', 'report-lint：使用 --stdin 时不能再给出文件（收到「r.txt」）\n']);
    const b = runCli(['--stdin-filename', 'r.txt', 'r.txt'], { cwd: dir });
    expect([b.status, b.stdout, b.stderr]).toEqual([2, '', 'report-lint：--stdin-filename 只能与 --stdin 一起使用\n']);
    expect(existsSync(join(dir, 'r.txt'))).toBe(true);
  });

  test('--fix-dry-run gives the fixed text in the JSON output; --fix has no file to write back to', () => {
    const text = readSample(SEEDS.s002);
    const dry = runCli(['-f', 'json', '--fix-dry-run', '--stdin', '--stdin-filename', 'r.txt'], { cwd: tempDir(), input: text });
    const [r] = json(dry.stdout) as Array<LintResult & { output?: string }>;
    expect(dry.status).toBe(0);
    expect(r.messages).toEqual([]);
    expect(r.output).toContain('一、本年新收政府信息公开申请数量');
    expect(r.output).not.toContain('本年新收到政府信息公开申请数量');
    const fix = runCli(['--fix', '--stdin'], { cwd: tempDir(), input: text });
    expect([fix.status, fix.stdout]).toEqual([2, '']);
    expect(fix.stderr).toBe('report-lint：--fix 不能与 --stdin 一起使用（没有文件可以写回）；要看修正后的全文，用 --fix-dry-run --format json\n');
  });

  test('--stdin with --output-file', () => {
    const dir = tempDir();
    const r = runCli(['-f', 'junit', '--stdin', '--stdin-filename', 'a.txt', '-o', 'out/junit.xml'], { cwd: dir, input: arithmeticReport() });
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(readFileSync(join(dir, 'out/junit.xml'), 'utf8')).toContain('<testcase classname="a.txt" name="a.txt" file="a.txt">');
  });
});
