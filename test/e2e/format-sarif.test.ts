/**
 * --format sarif, from the built CLI: valid against the official SARIF 2.1.0 schema for every seed, rules described,
 * results located physically and logically, related cells for arithmetic findings, fingerprints that survive moved
 * lines, unreadable files as tool notifications.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import builtinRules from '../../rules/index.js';
import { DOCS_BASE, packageVersion } from '../../src/paths.js';
import type { LintResult } from '../../src/types.js';
import { copySamples, runCli, sarifErrors, tempDir, writeText } from '../support/cli.js';
import { arithmeticReport, SEEDS, replaceLine } from '../support/reports.js';

type Sarif = any;

function sarifOf(args: string[], cwd: string, env: Record<string, string> = {}): { log: Sarif; status: number | null } {
  const r = runCli(['--format', 'sarif', ...args], { cwd, env });
  expect(r.stderr).toBe('');
  return { log: JSON.parse(r.stdout), status: r.status };
}

function jsonOf(args: string[], cwd: string): LintResult[] {
  return JSON.parse(runCli(['--format', 'json', ...args], { cwd }).stdout);
}

const seedFiles = Object.values(SEEDS);

describe('sarif on the five seeds', () => {
  const dir = tempDir();
  copySamples(dir, Object.fromEntries(seedFiles.map((f) => [f, f])));
  const { log, status } = sarifOf(['samples/seeds/'], dir);
  const json = jsonOf(['samples/seeds/'], dir);
  const run = log.runs[0];

  test('validates against the official SARIF 2.1.0 schema', () => {
    expect(sarifErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
  });

  test('the validator does reject a broken log (the schema check is not vacuous)', () => {
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].tool.driver.name;
    expect(sarifErrors(broken).length).toBeGreaterThanOrEqual(2);
  });

  test('exit code is ESLint’s: 1, since 004 has an error', () => {
    expect(status).toBe(1);
  });

  test('tool.driver describes every rule', () => {
    const driver = run.tool.driver;
    expect(driver.name).toBe('report-lint');
    expect(driver.version).toBe(packageVersion());
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((r: Sarif) => r.id)).toEqual(builtinRules.rules.map((r) => r.meta.id));
    for (const rule of builtinRules.rules) {
      const d = driver.rules.find((r: Sarif) => r.id === rule.meta.id);
      expect(d.shortDescription.text).toBe(rule.meta.description.zh);
      expect(d.fullDescription.text).toContain(rule.meta.description.en);
      expect(d.helpUri).toBe(DOCS_BASE + rule.meta.docs);
      expect(d.defaultConfiguration.level).toBe(rule.meta.severity === 'error' ? 'error' : rule.meta.severity === 'info' ? 'note' : 'warning');
      expect(d.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
    }
  });

  test('one result per finding, in order, with the same place, level and message as the JSON output', () => {
    const expected = json.flatMap((r) =>
      r.messages.map((m) => ({
        uri: r.filePath.slice(dir.length + 1),
        ruleId: m.ruleId,
        level: m.severity === 2 ? 'error' : 'warning',
        text: m.message,
        region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
      })),
    );
    // 42, and the new true findings: 000 title-year, 002 title-form, 004 preamble-parts, heading-sequence, relative-date
    expect(expected.length).toBe(47);
    const got = run.results.map((x: Sarif) => ({
      uri: x.locations[0].physicalLocation.artifactLocation.uri,
      ruleId: x.ruleId,
      level: x.level,
      text: x.message.text,
      region: x.locations[0].physicalLocation.region,
    }));
    expect(got).toEqual(expected);
  });

  test('URIs are relative to %SRCROOT%, the working directory; columns are UTF-16 code units', () => {
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(pathToFileURL(dir).href + '/');
    expect(run.artifacts.map((a: Sarif) => a.location.uri)).toEqual(seedFiles);
    for (const x of run.results) {
      const loc = x.locations[0].physicalLocation.artifactLocation;
      expect(loc.uriBaseId).toBe('%SRCROOT%');
      expect(run.artifacts[loc.index].location.uri).toBe(loc.uri);
      expect(run.tool.driver.rules[x.ruleIndex].id).toBe(x.ruleId);
    }
  });

  test('004: section-missing is an error at line 103; the column header variant carries its logical location and fix', () => {
    const uri = SEEDS.s004;
    const mine = run.results.filter((x: Sarif) => x.locations[0].physicalLocation.artifactLocation.uri === uri);
    const missing = mine.filter((x: Sarif) => x.level === 'error');
    expect(missing).toHaveLength(1);
    expect(missing[0].ruleId).toBe('section-missing');
    expect(missing[0].locations[0].physicalLocation.region.startLine).toBe(103);
    const column = mine.find((x: Sarif) => x.ruleId === 'label-variant' && x.message.text.includes('社会组织'));
    expect(column.locations[0].logicalLocations).toEqual([
      { name: 'T3', fullyQualifiedName: 's3/T3', kind: 'table', properties: { section: 's3', table: 'T3' } },
    ]);
    expect(column.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('社会公益组织');
    expect(column.fixes[0].artifactChanges[0].replacements[0].deletedRegion.charLength).toBe('社会组织'.length);
  });

  test('partial fingerprints are unique within each file', () => {
    for (const f of seedFiles) {
      const prints = run.results
        .filter((x: Sarif) => x.locations[0].physicalLocation.artifactLocation.uri === f)
        .map((x: Sarif) => x.partialFingerprints['reportLintFinding/v1']);
      expect(new Set(prints).size).toBe(prints.length);
    }
  });
});

describe('sarif on a report with an arithmetic error', () => {
  const dir = tempDir();
  writeText(join(dir, 'reports/report.txt'), arithmeticReport());
  const { log, status } = sarifOf(['reports/report.txt'], dir);
  const results = log.runs[0].results;

  test('validates, exits 1, and has the two findings at the wrong cell and at （七）总计', () => {
    expect(sarifErrors(log)).toEqual([]);
    expect(status).toBe(1);
    expect(results.map((x: Sarif) => [x.ruleId, x.level, x.locations[0].physicalLocation.region])).toEqual([
      ['row-total', 'error', { startLine: 41, startColumn: 32, endLine: 41, endColumn: 33 }],
      ['outcome-total', 'error', { startLine: 63, startColumn: 20, endLine: 63, endColumn: 21 }],
    ]);
    expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('reports/report.txt');
    expect(results[0].properties).toEqual({ expected: '4', actual: '5' });
  });

  test('the cells of the sum are related locations, with ids, messages and logical locations', () => {
    const rel = results[0].relatedLocations;
    expect(rel.map((r: Sarif) => [r.id, r.message.text, r.physicalLocation.region.startColumn])).toEqual([
      [1, '自然人：3', 20],
      [2, '商业企业：1', 22],
      [3, '科研机构：0', 24],
      [4, '社会公益组织：0', 26],
      [5, '法律服务机构：0', 28],
      [6, '其他：0', 30],
    ]);
    expect(rel[0].logicalLocations[0]).toMatchObject({ fullyQualifiedName: 's3/T3/r3_1/natural', kind: 'cell' });
    expect(results[0].locations[0].logicalLocations[0].fullyQualifiedName).toBe('s3/T3/r3_1/total');
    expect(results[1].relatedLocations.map((r: Sarif) => r.message.text)).toEqual(['（一）予以公开：5', '（二）部分公开：2']);
  });

  test('fingerprints stay when lines are added above, and when the wrong total changes to another wrong value', () => {
    const prints = (log: Sarif) => log.runs[0].results.map((x: Sarif) => [x.ruleId, x.partialFingerprints['reportLintFinding/v1']]);
    const moved = replaceLine(arithmeticReport(), 5, (s) => `${s}\n本报告数据统计期限为 2021 年 1 月 1 日至 12 月 31 日。\n\n另：本报告中所列数据的统计口径与上年一致。`);
    writeText(join(dir, 'reports/moved.txt'), moved);
    writeText(join(dir, 'reports/other-value.txt'), arithmeticReport(9));
    const a = sarifOf(['reports/moved.txt'], dir).log;
    const b = sarifOf(['reports/other-value.txt'], dir).log;
    expect(a.runs[0].results.map((x: Sarif) => x.locations[0].physicalLocation.region.startLine)).toEqual([44, 66]);
    expect(prints(a)).toEqual(prints(log));
    expect(prints(b)).toEqual(prints(log));
  });

  test('a different wrong cell is a different finding', () => {
    // the error moved from row （一） to row （二）: 3+1 = 4 written 4, 2 written 3
    let t = arithmeticReport(4);
    t = replaceLine(t, 42, (s) => s.replace(/\t2\t$/, '\t3\t'));
    writeText(join(dir, 'reports/row2.txt'), t);
    const c = sarifOf(['reports/row2.txt'], dir).log.runs[0].results;
    expect(c[0].ruleId).toBe('row-total');
    expect(c[0].locations[0].physicalLocation.region.startLine).toBe(42);
    expect(c[0].partialFingerprints['reportLintFinding/v1']).not.toBe(results[0].partialFingerprints['reportLintFinding/v1']);
  });
});

describe('sarif: paths and unreadable files', () => {
  test('a file that cannot be read is a tool execution notification; the run is not successful; exit 2', () => {
    const dir = tempDir();
    writeText(join(dir, 'ok.txt'), arithmeticReport(4));
    const { log, status } = sarifOf(['ok.txt', 'missing.txt'], dir);
    expect(sarifErrors(log)).toEqual([]);
    expect(status).toBe(2);
    const inv = log.runs[0].invocations[0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: '找不到文件或文件夹「missing.txt」' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'missing.txt', uriBaseId: '%SRCROOT%', index: 1 } } }],
      },
    ]);
    expect(log.runs[0].results).toEqual([]);
  });

  test('a clean run is successful and has no notifications', () => {
    const dir = tempDir();
    writeText(join(dir, 'ok.txt'), arithmeticReport(4));
    const { log, status } = sarifOf(['ok.txt'], dir);
    expect(status).toBe(0);
    expect(log.runs[0].invocations).toEqual([{ executionSuccessful: true }]);
    expect(log.runs[0].results).toEqual([]);
  });

  test('Chinese and spaces in file names are percent-encoded; GITHUB_WORKSPACE is the root inside Actions', () => {
    const dir = tempDir();
    writeText(join(dir, 'site/年度报告 2021.txt'), arithmeticReport());
    const { log } = sarifOf(['年度报告 2021.txt'], join(dir, 'site'), { GITHUB_WORKSPACE: dir });
    expect(sarifErrors(log)).toEqual([]);
    const uri = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toBe('site/' + encodeURIComponent('年度报告 2021.txt'));
    expect(uri).not.toMatch(/[^\x21-\x7e]/);
    expect(decodeURIComponent(uri)).toBe('site/年度报告 2021.txt');
    expect(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(pathToFileURL(dir).href + '/');
  });

  test('a file outside the root gets an absolute file: URI and no uriBaseId', () => {
    const outside = tempDir();
    const file = writeText(join(outside, 'r.txt'), arithmeticReport());
    const { log } = sarifOf([file], tempDir());
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: pathToFileURL(file).href, index: 0 });
  });
});
