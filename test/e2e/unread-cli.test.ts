/**
 * Issue 9 on the command line: a report whose structure could not be read fails the run (exit 1); a file that is
 * no report does not (exit 0).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runJson, tempFolder } from '../support/cli.js';

const TITLE = '某某区人民政府2023年政府信息公开工作年度报告';

test('the command line: exit 1 for a report that could not be read, 0 for a file that is no report', () => {
  const { dir, done } = tempFolder();
  try {
    writeFileSync(join(dir, 'report.txt'), `${TITLE}\n\n第一部分 总体情况\n\n正文。\n`);
    writeFileSync(join(dir, 'notes.txt'), '会议纪要\n今天开会。\n');
    expect(runJson([join(dir, 'report.txt')]).code).toBe(1);
    expect(runJson([join(dir, 'notes.txt')]).code).toBe(0);
  } finally {
    done();
  }
});
