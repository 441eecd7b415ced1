/**
 * --format junit and --format checkstyle: exact output for known inputs, well-formed XML whose parsed values are
 * the messages, counts, and escaping (markup characters, line breaks in attributes, characters XML 1.0 forbids).
 */
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import builtinRules from '../../rules/index.js';
import { ruleMap } from '../../src/engine/run.js';
import { xmlAttr, xmlText } from '../../src/formatters/ci.js';
import { checkstyle } from '../../src/formatters/checkstyle.js';
import { junit } from '../../src/formatters/junit.js';
import type { FormatterContext } from '../../src/formatters/types.js';
import type { LintResult } from '../../src/types.js';
import { copySamples, runCli, tempDir, writeText } from '../support/cli.js';
import { arithmeticReport, SEEDS } from '../support/reports.js';

const S004 = '004_4455f420e810b9a4.txt';
const DOC = 'https://github.com/report-lint/report-lint/blob/main/docs/rules/';

function workspace(): string {
  const dir = tempDir();
  writeText(join(dir, 'report.txt'), arithmeticReport());
  copySamples(dir, { [SEEDS.s004]: S004, [SEEDS.s001]: 'clean.txt' });
  return dir;
}

type Xml = any;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testcase', 'failure', 'error', 'file'].includes(name) });

function parseXml(xml: string): Xml {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

const W004 = (line: string, msg: string, rule: string) => `警告 ${line} ${msg} (${rule})\n说明：${DOC}${rule}.md`;

describe('junit', () => {
  const r = runCli(['--format', 'junit', 'report.txt', S004, 'clean.txt', 'missing.txt'], { cwd: workspace() });

  test('line by line: a test case per file, a failure per error, warnings in system-out, an error for an unreadable file', () => {
    expect(r.stdout.split('\n')).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="report-lint" tests="4" failures="2" errors="1">',
      '  <testsuite name="report-lint" tests="4" failures="2" errors="1" skipped="0">',
      '    <testcase classname="report.txt" name="report.txt" file="report.txt">',
      '      <failure type="row-total" message="「（一）予以公开」的总计应为 4（六类申请人之和），实为 5">41:32 「（一）予以公开」的总计应为 4（六类申请人之和），实为 5 (row-total)',
      '相关：41:20 自然人：3',
      '相关：41:22 商业企业：1',
      '相关：41:24 科研机构：0',
      '相关：41:26 社会公益组织：0',
      '相关：41:28 法律服务机构：0',
      '相关：41:30 其他：0',
      `说明：${DOC}row-total.md</failure>`,
      '      <failure type="outcome-total" message="（七）总计「总计」栏应为 7（（一）至（六）之和），实为 6">63:20 （七）总计「总计」栏应为 7（（一）至（六）之和），实为 6 (outcome-total)',
      '相关：41:32 （一）予以公开：5',
      '相关：42:44 （二）部分公开：2',
      `说明：${DOC}outcome-total.md</failure>`,
      '    </testcase>',
      `    <testcase classname="${S004}" name="${S004}" file="${S004}">`,
      '      <failure type="section-missing" message="缺少第六部分「六、其他需要报告的事项」（报告到此结束，未见这一部分）">103:1 缺少第六部分「六、其他需要报告的事项」（报告到此结束，未见这一部分） (section-missing)',
      `说明：${DOC}section-missing.md</failure>`,
      `      <system-out>${W004('57:13', '列名「社会组织」与格式不一致（缺少「公益」），应为「社会公益组织」', 'label-variant')}`,
      W004('60:4', '「（一）予以公开」应有 7 个数字格，实有 6 个（少了 1 个）；无法确定各数字对应哪一列，本行不参与求和核对', 'cell-count'),
      W004('61:6', '「（二）部分公开」应有 7 个数字格，实有 6 个（少了 1 个）；无法确定各数字对应哪一列，本行不参与求和核对', 'cell-count'),
      W004('86:3', '部分标题「因政府信息公开工作被申请复议、提起行政诉讼情况」与格式不一致，应为「政府信息公开行政复议、行政诉讼情况」', 'label-variant'),
      `${W004('91:1', '第四部分表格的数据行应有 15 个数字格，实有 16 个（多了 1 个）；无法确定各数字对应哪一列，本行不参与求和核对', 'cell-count')}</system-out>`,
      '    </testcase>',
      '    <testcase classname="clean.txt" name="clean.txt" file="clean.txt"/>',
      '    <testcase classname="missing.txt" name="missing.txt" file="missing.txt">',
      '      <error type="fatal" message="找不到文件或文件夹「missing.txt」">找不到文件或文件夹「missing.txt」</error>',
      '    </testcase>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ].flatMap((l) => l.split('\n')));
    expect(r.status).toBe(2);
  });

  test('well-formed; the counts agree with the test cases', () => {
    const doc = parseXml(r.stdout);
    const suite = doc.testsuites.testsuite;
    const cases = suite.testcase;
    expect(Number(suite.tests)).toBe(cases.length);
    expect(Number(suite.failures)).toBe(cases.filter((c: Xml) => c.failure && !c.error).length);
    expect(Number(suite.errors)).toBe(cases.filter((c: Xml) => c.error).length);
    expect(cases[0].failure.map((f: Xml) => f.type)).toEqual(['row-total', 'outcome-total']);
  });

  test('warnings alone: the test case passes (exit 0 too)', () => {
    const dir = tempDir();
    copySamples(dir, { [SEEDS.s002]: 'r.txt' });
    const out = runCli(['--format', 'junit', 'r.txt'], { cwd: dir });
    expect(out.status).toBe(0);
    const c = parseXml(out.stdout).testsuites.testsuite.testcase[0];
    expect(c.failure).toBeUndefined();
    expect(c['system-out'].split('\n').filter((l: string) => l.startsWith('警告 '))).toHaveLength(5);
  });
});

describe('checkstyle', () => {
  test('line by line, and well-formed', () => {
    const r = runCli(['--format', 'checkstyle', 'report.txt', S004, 'clean.txt'], { cwd: workspace() });
    const w = (line: number, col: number, sev: string, msg: string, rule: string) =>
      `    <error line="${line}" column="${col}" severity="${sev}" message="${msg}" source="report-lint.${rule}"/>`;
    expect(r.stdout.split('\n')).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<checkstyle version="4.3">',
      '  <file name="report.txt">',
      w(41, 32, 'error', '「（一）予以公开」的总计应为 4（六类申请人之和），实为 5', 'row-total'),
      w(63, 20, 'error', '（七）总计「总计」栏应为 7（（一）至（六）之和），实为 6', 'outcome-total'),
      '  </file>',
      `  <file name="${S004}">`,
      w(57, 13, 'warning', '列名「社会组织」与格式不一致（缺少「公益」），应为「社会公益组织」', 'label-variant'),
      w(60, 4, 'warning', '「（一）予以公开」应有 7 个数字格，实有 6 个（少了 1 个）；无法确定各数字对应哪一列，本行不参与求和核对', 'cell-count'),
      w(61, 6, 'warning', '「（二）部分公开」应有 7 个数字格，实有 6 个（少了 1 个）；无法确定各数字对应哪一列，本行不参与求和核对', 'cell-count'),
      w(86, 3, 'warning', '部分标题「因政府信息公开工作被申请复议、提起行政诉讼情况」与格式不一致，应为「政府信息公开行政复议、行政诉讼情况」', 'label-variant'),
      w(91, 1, 'warning', '第四部分表格的数据行应有 15 个数字格，实有 16 个（多了 1 个）；无法确定各数字对应哪一列，本行不参与求和核对', 'cell-count'),
      w(103, 1, 'error', '缺少第六部分「六、其他需要报告的事项」（报告到此结束，未见这一部分）', 'section-missing'),
      '  </file>',
      '  <file name="clean.txt"/>',
      '</checkstyle>',
      '',
    ]);
    expect(r.status).toBe(1);
    expect(parseXml(r.stdout).checkstyle.file.map((f: Xml) => (f.error ?? []).length)).toEqual([2, 6, 0]);
  });
});

describe('XML escaping', () => {
  const nasty = 'a<b>&"c"\'d\'\ttab\nline2\u0000\u0007\u001b\uFFFE\uD800 ok😀 「中文」';
  const clean = 'a<b>&"c"\'d\'\ttab\nline2 ok😀 「中文」';

  test('text: markup escaped, characters XML 1.0 forbids dropped (lone surrogates too), astral characters kept', () => {
    expect(xmlText(nasty)).toBe('a&lt;b&gt;&amp;"c"\'d\'\ttab\nline2 ok😀 「中文」');
  });

  test('attributes: quotes escaped, tab and line breaks as character references', () => {
    expect(xmlAttr(nasty)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;&#9;tab&#10;line2 ok😀 「中文」');
    expect(xmlAttr('\r\n')).toBe('&#13;&#10;');
  });

  const ctx: FormatterContext = { cwd: '/repo', colorLevel: 0, rules: ruleMap([builtinRules]), env: {} };
  const result: LintResult = {
    filePath: '/repo/reports/<a&b>.txt',
    messages: [
      { ruleId: 'row-total', severity: 2, message: nasty, line: 2, column: 3, endLine: 2, endColumn: 4 },
      { ruleId: 'cell-empty', severity: 1, message: nasty, line: 5, column: 1, endLine: 5, endColumn: 2 },
    ],
    errorCount: 1,
    warningCount: 1,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };

  test('junit with such a message parses back to the cleaned text', () => {
    const xml = junit([result], ctx);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE]/);
    const c = parseXml(xml).testsuites.testsuite.testcase[0];
    expect(c.name).toBe('reports/<a&b>.txt');
    expect(c.failure[0]['#text']).toContain(clean);
    expect(c['system-out']).toContain(clean);
  });

  test('checkstyle with such a message parses back to the cleaned text (line breaks kept)', () => {
    const xml = checkstyle([result], ctx);
    const f = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true, isArray: (n) => n === 'error' }).parse(xml).checkstyle.file;
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(f.name).toBe('reports/<a&b>.txt');
    expect(f.error.map((e: Xml) => e.message)).toEqual([clean, clean]);
  });
});
