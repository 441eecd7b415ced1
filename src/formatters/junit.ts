/**
 * junit: JUnit XML, as GitLab (artifacts:reports:junit), Jenkins and most CI systems read it.
 *
 * One <testsuite name="report-lint">, one <testcase> a file (classname and name: the file's path relative to the
 * repository). Each error is a <failure> of that test case (type: the rule id); a file that could not be read or a
 * rule that crashed is an <error>. Warnings do not fail the test case: they are listed in its <system-out>, so
 * that the test report agrees with the exit code (warnings alone exit 0).
 *
 * Counts: tests = files; failures = files with at least one error finding (and no <error>); errors = files
 * with an <error>.
 */
import type { LintMessage } from '../types.js';
import { ciPath, relatedLines, ruleHelpUri, xmlAttr, xmlText } from './ci.js';
import type { Formatter, FormatterContext } from './types.js';

function details(m: LintMessage, ctx: FormatterContext): string {
  const help = ruleHelpUri(m.ruleId, ctx);
  return [
    `${m.fatal ? '' : `${m.line}:${m.column} `}${m.message}${m.ruleId ? ` (${m.ruleId})` : ''}`,
    ...relatedLines(m),
    ...(help ? [`说明：${help}`] : []),
  ].join('\n');
}

export const junit: Formatter = (results, ctx) => {
  let failures = 0;
  let errors = 0;
  const cases: string[] = [];
  for (const r of results) {
    const name = xmlAttr(ciPath(r.filePath, ctx));
    const fatal = r.messages.filter((m) => m.fatal);
    const failed = r.messages.filter((m) => !m.fatal && m.severity === 2);
    const warned = r.messages.filter((m) => !m.fatal && m.severity !== 2);
    if (fatal.length) errors++;
    else if (failed.length) failures++;
    let body = '';
    for (const m of fatal) body += `      <error type="${xmlAttr(m.ruleId ?? 'fatal')}" message="${xmlAttr(m.message)}">${xmlText(details(m, ctx))}</error>\n`;
    for (const m of failed) body += `      <failure type="${xmlAttr(m.ruleId ?? 'error')}" message="${xmlAttr(m.message)}">${xmlText(details(m, ctx))}</failure>\n`;
    if (warned.length) body += `      <system-out>${xmlText(warned.map((m) => `${m.severity === 0 ? '提示' : '警告'} ${details(m, ctx)}`).join('\n'))}</system-out>\n`;
    const open = `    <testcase classname="${name}" name="${name}" file="${name}"`;
    cases.push(body ? `${open}>\n${body}    </testcase>\n` : `${open}/>\n`);
  }
  const counts = `tests="${results.length}" failures="${failures}" errors="${errors}"`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="report-lint" ${counts}>\n` +
    `  <testsuite name="report-lint" ${counts} skipped="0">\n` +
    cases.join('') +
    '  </testsuite>\n' +
    '</testsuites>\n'
  );
};
