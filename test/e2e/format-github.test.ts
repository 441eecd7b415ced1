/**
 * --format github: workflow commands checked line by line, escaping as GitHub's toolkit does it, and the job
 * summary appended to GITHUB_STEP_SUMMARY.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import builtinRules from '../../rules/index.js';
import { ruleMap } from '../../src/engine/run.js';
import { escapeData, escapeProperty, github, markdownCell, stepSummary } from '../../src/formatters/github.js';
import type { FormatterContext } from '../../src/formatters/types.js';
import type { LintResult } from '../../src/types.js';
import { copySamples, runCli, tempDir, writeText } from '../support/cli.js';
import { arithmeticReport, SEEDS } from '../support/reports.js';

const S004 = '004_4455f420e810b9a4.txt';
const DOC = 'https://github.com/report-lint/report-lint/blob/main/docs/rules/';

/** report.txt (the arithmetic report) and seed 004, side by side in a fresh folder. */
function workspace(): string {
  const dir = tempDir();
  writeText(join(dir, 'report.txt'), arithmeticReport());
  copySamples(dir, { [SEEDS.s004]: S004 });
  return dir;
}

const ANNOTATIONS = [
  '::error file=report.txt,line=41,col=32,endLine=41,endColumn=33,title=report-lint row-total::「（一）予以公开」的总计应为 4（六类申请人之和），实为 5%0A相关：41:20 自然人：3%0A相关：41:22 商业企业：1%0A相关：41:24 科研机构：0%0A相关：41:26 社会公益组织：0%0A相关：41:28 法律服务机构：0%0A相关：41:30 其他：0',
  '::error file=report.txt,line=63,col=20,endLine=63,endColumn=21,title=report-lint outcome-total::（七）总计「总计」栏应为 7（（一）至（六）之和），实为 6%0A相关：41:32 （一）予以公开：5%0A相关：42:44 （二）部分公开：2',
  `::warning file=${S004},line=57,col=13,endLine=57,endColumn=17,title=report-lint label-variant::列名「社会组织」与格式不一致（缺少「公益」），应为「社会公益组织」`,
  `::warning file=${S004},line=60,col=4,endLine=60,endColumn=24,title=report-lint cell-count::「（一）予以公开」应有 7 个数字格，实有 6 个（少了 1 个）；无法确定各数字对应哪一列，本行不参与求和核对`,
  // a finding over several lines: GitHub takes no columns then
  `::warning file=${S004},line=61,endLine=63,title=report-lint cell-count::「（二）部分公开」应有 7 个数字格，实有 6 个（少了 1 个）；无法确定各数字对应哪一列，本行不参与求和核对`,
  `::warning file=${S004},line=86,col=3,endLine=86,endColumn=26,title=report-lint label-variant::部分标题「因政府信息公开工作被申请复议、提起行政诉讼情况」与格式不一致，应为「政府信息公开行政复议、行政诉讼情况」`,
  `::warning file=${S004},line=91,col=1,endLine=91,endColumn=32,title=report-lint cell-count::第四部分表格的数据行应有 15 个数字格，实有 16 个（多了 1 个）；无法确定各数字对应哪一列，本行不参与求和核对`,
  `::error file=${S004},line=103,col=1,endLine=103,endColumn=59,title=report-lint section-missing::缺少第六部分「六、其他需要报告的事项」（报告到此结束，未见这一部分）`,
  'report-lint：检查了 2 个文件，共 8 个问题（3 个错误，5 个警告）',
];

describe('github annotations from the built CLI', () => {
  test('the arithmetic report and seed 004, line by line; exit 1', () => {
    const r = runCli(['--format', 'github', 'report.txt', S004], { cwd: workspace() });
    expect(r.stdout.split('\n')).toEqual([...ANNOTATIONS, '']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
  });

  test('paths are relative to GITHUB_WORKSPACE, even from a sub-folder; properties are escaped', () => {
    const dir = tempDir();
    writeText(join(dir, 'site/a,b:c%.txt'), arithmeticReport());
    const r = runCli(['--format', 'github', 'a,b:c%.txt'], { cwd: join(dir, 'site'), env: { GITHUB_WORKSPACE: dir } });
    expect(r.stdout.split('\n')[0]).toBe(ANNOTATIONS[0].replace('file=report.txt', 'file=site/a%2Cb%3Ac%25.txt'));
  });

  test('a file that cannot be read is an error annotation on the file, and exit 2', () => {
    const r = runCli(['--format', 'github', 'missing.txt'], { cwd: tempDir() });
    expect(r.stdout.split('\n')).toEqual([
      '::error file=missing.txt,title=report-lint::找不到文件或文件夹「missing.txt」',
      'report-lint：检查了 1 个文件，共 1 个问题（1 个错误，0 个警告）',
      '',
    ]);
    expect(r.status).toBe(2);
  });

  test('a clean report: no annotation, one line, exit 0', () => {
    const dir = tempDir();
    copySamples(dir, { [SEEDS.s001]: 'ok.txt' });
    const r = runCli(['--format', 'github', 'ok.txt'], { cwd: dir });
    expect(r.stdout).toBe('report-lint：检查了 1 个文件，没有发现问题\n');
    expect(r.status).toBe(0);
  });
});

describe('GITHUB_STEP_SUMMARY', () => {
  const SUMMARY = [
    '',
    '## report-lint',
    '',
    '检查了 2 个文件，发现 3 个错误、5 个警告。',
    '',
    '| 文件 | 行:列 | 严重程度 | 规则 | 说明 |',
    '| --- | --- | --- | --- | --- |',
    `| report.txt | 41:32 | 错误 | [row-total](${DOC}row-total.md) | 「（一）予以公开」的总计应为 4（六类申请人之和），实为 5<br>相关：41:20 自然人：3<br>相关：41:22 商业企业：1<br>相关：41:24 科研机构：0<br>相关：41:26 社会公益组织：0<br>相关：41:28 法律服务机构：0<br>相关：41:30 其他：0 |`,
    `| report.txt | 63:20 | 错误 | [outcome-total](${DOC}outcome-total.md) | （七）总计「总计」栏应为 7（（一）至（六）之和），实为 6<br>相关：41:32 （一）予以公开：5<br>相关：42:44 （二）部分公开：2 |`,
    `| 004\\_4455f420e810b9a4.txt | 57:13 | 警告 | [label-variant](${DOC}label-variant.md) | 列名「社会组织」与格式不一致（缺少「公益」），应为「社会公益组织」 |`,
    `| 004\\_4455f420e810b9a4.txt | 60:4 | 警告 | [cell-count](${DOC}cell-count.md) | 「（一）予以公开」应有 7 个数字格，实有 6 个（少了 1 个）；无法确定各数字对应哪一列，本行不参与求和核对 |`,
    `| 004\\_4455f420e810b9a4.txt | 61:6 | 警告 | [cell-count](${DOC}cell-count.md) | 「（二）部分公开」应有 7 个数字格，实有 6 个（少了 1 个）；无法确定各数字对应哪一列，本行不参与求和核对 |`,
    `| 004\\_4455f420e810b9a4.txt | 86:3 | 警告 | [label-variant](${DOC}label-variant.md) | 部分标题「因政府信息公开工作被申请复议、提起行政诉讼情况」与格式不一致，应为「政府信息公开行政复议、行政诉讼情况」 |`,
    `| 004\\_4455f420e810b9a4.txt | 91:1 | 警告 | [cell-count](${DOC}cell-count.md) | 第四部分表格的数据行应有 15 个数字格，实有 16 个（多了 1 个）；无法确定各数字对应哪一列，本行不参与求和核对 |`,
    `| 004\\_4455f420e810b9a4.txt | 103:1 | 错误 | [section-missing](${DOC}section-missing.md) | 缺少第六部分「六、其他需要报告的事项」（报告到此结束，未见这一部分） |`,
  ];

  test('a Markdown table of every finding is appended, not overwritten; stdout is unchanged', () => {
    const dir = workspace();
    const file = join(dir, 'summary.md');
    writeFileSync(file, '# 上一步的摘要\n');
    const r = runCli(['--format', 'github', 'report.txt', S004], { cwd: dir, env: { GITHUB_STEP_SUMMARY: file } });
    expect(r.stdout.split('\n')).toEqual([...ANNOTATIONS, '']);
    expect(r.status).toBe(1);
    expect(readFileSync(file, 'utf8').split('\n')).toEqual(['# 上一步的摘要', ...SUMMARY, '']);
    // a second run appends a second table
    runCli(['--format', 'github', 'report.txt', S004], { cwd: dir, env: { GITHUB_STEP_SUMMARY: file } });
    expect(readFileSync(file, 'utf8').split('\n')).toEqual(['# 上一步的摘要', ...SUMMARY, ...SUMMARY, '']);
  });

  test('with the repository known, each place links to the line on GitHub', () => {
    const dir = workspace();
    const file = join(dir, 'summary.md');
    const env = { GITHUB_STEP_SUMMARY: file, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'gov/site', GITHUB_SHA: 'abc123' };
    runCli(['--format', 'github', 'report.txt'], { cwd: dir, env });
    expect(readFileSync(file, 'utf8')).toContain('| report.txt | [41:32](https://github.com/gov/site/blob/abc123/report.txt#L41) | 错误 |');
  });

  test('a summary that cannot be written is a warning annotation; the exit code stays the lint result', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'a-folder'));
    const r = runCli(['--format', 'github', 'report.txt'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: join(dir, 'a-folder') } });
    const last = r.stdout.trimEnd().split('\n').pop()!;
    expect(last).toMatch(/^::warning title=report-lint::无法写入 GITHUB_STEP_SUMMARY（.*a-folder）：/);
    expect(r.status).toBe(1);
  });
});

describe('escaping, as @actions/core escapes', () => {
  test('data: % CR LF; properties: also : and ,', () => {
    expect(escapeData('100%: a,b\r\nc')).toBe('100%25: a,b%0D%0Ac');
    expect(escapeProperty('100%: a,b\r\nc')).toBe('100%25%3A a%2Cb%0D%0Ac');
    // % first, so an escape already in the text is not taken for one
    expect(escapeData('%0A')).toBe('%250A');
  });

  const ctx: FormatterContext = { cwd: '/repo', colorLevel: 0, rules: ruleMap([builtinRules]), env: {} };
  const result = (message: string, ruleId: string | null = 'row-total'): LintResult => ({
    filePath: '/repo/reports/x,y:z%.txt',
    messages: [{ ruleId, severity: 2, message, line: 3, column: 2, endLine: 3, endColumn: 5 }],
    errorCount: 1,
    warningCount: 0,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  });

  test('a message with %, :, comma and line breaks; a rule id with : and comma', () => {
    const out = github([result('总计 100%: 应为 4,实为 5\n第二行\r\n第三行', 'plug,in/ru:le')], ctx).split('\n');
    expect(out[0]).toBe(
      '::error file=reports/x%2Cy%3Az%25.txt,line=3,col=2,endLine=3,endColumn=5,title=report-lint plug%2Cin/ru%3Ale::总计 100%25: 应为 4,实为 5%0A第二行%0D%0A第三行',
    );
  });

  test('Markdown table cells: pipes, markup and line breaks cannot break the table', () => {
    expect(markdownCell('a|b *c* <d> &e [f](g)\nh')).toBe('a\\|b \\*c\\* &lt;d&gt; &amp;e \\[f\\](g)<br>h');
  });

  test('a summary over its size budget lists what fits and counts the rest', () => {
    const many: LintResult = { ...result('重复的问题'), messages: Array.from({ length: 50 }, (_, i) => ({ ...result('x').messages[0], message: `第 ${i + 1} 个问题` })) };
    const full = stepSummary([many], ctx);
    expect(full.split('\n').filter((l) => l.startsWith('| reports')).length).toBe(50);
    const cut = stepSummary([many], ctx, 2000);
    const rows = cut.split('\n').filter((l) => l.startsWith('| reports')).length;
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(50);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(2000);
    expect(cut).toContain(`另有 ${50 - rows} 个问题未列出`);
  });
});
