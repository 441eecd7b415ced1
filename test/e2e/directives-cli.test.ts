/**
 * Inline directives through the built CLI, on the seeds: plain directive lines in a .txt report with
 * --report-unused-disable-directives and --require-reason, and HTML comments in a .md report.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LintMessage } from '../../src/index.js';
import { runCli, tempDir } from '../support/cli.js';
import { SEEDS, brief, readSample, toPipeTables } from '../support/reports.js';

describe('the built CLI', () => {
  const dir = tempDir('report-lint-directives-');
  const cli = (args: string[]) => {
    const { code, stdout, stderr } = runCli(args, { cwd: dir });
    return { code, stdout, stderr };
  };

  test('a .txt report: plain directive lines; --report-unused-disable-directives and --require-reason', () => {
    const lines = readSample(SEEDS.s002).split('\n');
    lines.splice(184, 0, 'report-lint-disable-next-line label-variant -- 原文如此');
    lines.splice(121, 0, 'report-lint-disable-next-line cell-empty');
    writeFileSync(join(dir, 'a.txt'), lines.join('\n'));
    const plain = JSON.parse(cli(['a.txt', '--format', 'json']).stdout)[0];
    expect(brief(plain.messages)).toEqual(['124:2 label-variant', '133:2 label-variant', '231:2 label-variant', '264:2 label-variant']);
    expect(brief(plain.suppressedMessages)).toEqual(['187:2 label-variant']);
    expect(plain.suppressedMessages[0].suppressions).toEqual([{ kind: 'directive', justification: '原文如此' }]);

    const r = cli(['a.txt', '--report-unused-disable-directives', '--require-reason']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/122:1\s+错误\s+指令「report-lint-disable-next-line」没有写明原因/);
    expect(r.stdout).toMatch(/122:1\s+错误\s+指令「report-lint-disable-next-line」没有屏蔽任何问题（「cell-empty」在此处没有报告问题），可以删除/);
    expect(r.stdout).toContain('✖ 共 6 个问题（2 个错误，4 个警告）');
    const warn = cli(['a.txt', '--report-unused-disable-directives-severity', 'warn', '--format', 'json']);
    expect(warn.code).toBe(0);
    expect(JSON.parse(warn.stdout)[0].messages.filter((m: LintMessage) => m.ruleId === null).map((m: LintMessage) => m.severity)).toEqual([1]);
    expect(cli(['a.txt', '--report-unused-disable-directives-severity', 'loud']).stderr).toContain('--report-unused-disable-directives-severity 的值「loud」无效');
  });

  test('a .md report: HTML comments on their own line and at the end of a table row', () => {
    const md = toPipeTables(readSample(SEEDS.s001)).split('\n');
    const i = md.findIndex((l) => l.includes('2. 重复申请'));
    md[i] = md[i].replace('| 2. 重复申请 | 0 |', '| 2. 重复申请 |  |');
    md.splice(i, 0, '<!-- report-lint-disable-next-line cell-empty -- 表格按上级要求原样转载 -->');
    const j = md.findIndex((l) => l.includes('3. 要求提供公开出版物'));
    md[j] = md[j].replace('| 3. 要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 3. 要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |') + ' <!-- report-lint-disable-line row-total -- 待核实 -->';
    writeFileSync(join(dir, 'b.md'), md.join('\n'));
    const r = cli(['b.md', '--format', 'json']);
    const out = JSON.parse(r.stdout)[0];
    // the 总计 1 of that row is still read (outcome-total sees it: the row is whole), only row-total is silenced there
    expect(out.messages.map((m: LintMessage) => m.ruleId)).toEqual(['outcome-total']);
    expect(out.messages[0].message).toBe('（七）总计「总计」栏应为 1（（一）至（六）之和），实为 0');
    expect(out.suppressedMessages.map((m: LintMessage) => `${m.line} ${m.ruleId}`)).toEqual([`${i + 2} cell-empty`, `${j + 1} row-total`]);
    expect(r.code).toBe(1);
  });
});
