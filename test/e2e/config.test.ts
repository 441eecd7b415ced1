/**
 * Configuration files: discovery order, extends, overrides, ignorePatterns, --config / --no-config /
 * --print-config, and every kind of configuration error (exit 2, a message naming the file and the key).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFiles } from '../../src/index.js';
import { ROOT, runCli, tree as makeTree } from '../support/cli.js';
import { SEEDS } from '../support/reports.js';

// its title put right (「…工作报告」 is title-form's, a suggestion only): the five label typos are then its only findings
const SEED002 = readFileSync(join(ROOT, SEEDS.s002), 'utf8').replace('2020年度政府信息公开工作报告', '2020年度政府信息公开工作年度报告'); // five label-variant warnings, nothing else
const SEED004 = readFileSync(join(ROOT, SEEDS.s004), 'utf8');

/** A temporary folder tree: { 'a/b.txt': 'text', … } */
const tree = (files: Record<string, string>): string => makeTree(files, 'report-lint-config-');
const run = (args: string[], cwd: string) => {
  const { code, stdout, stderr } = runCli(args, { cwd });
  return { code, stdout, stderr };
};

const severities = (r: { messages: Array<{ ruleId: string | null; severity: number }> }) =>
  [...new Set(r.messages.map((m) => `${m.ruleId}:${m.severity}`))].sort();

describe('discovery', () => {
  test('the nearest configuration file applies; json, yaml, mjs and package.json are all read', async () => {
    const dir = tree({
      '.reportlintrc.json': JSON.stringify({ rules: { 'label-variant': 'error' } }),
      'r.txt': SEED002,
      'yaml/.reportlintrc.yaml': 'rules:\n  label-variant: off\n',
      'yaml/r.txt': SEED002,
      'mjs/report-lint.config.mjs': "export default { rules: { 'label-variant': ['warn', { rows: true }] } };\n",
      'mjs/r.txt': SEED002,
      'pkg/package.json': JSON.stringify({ name: 'x', 'report-lint': { rules: { 'label-variant': 2 } } }),
      'pkg/r.txt': SEED002,
      'plainpkg/package.json': JSON.stringify({ name: 'y' }),
      'plainpkg/r.txt': SEED002,
    });
    const [root, yaml, mjs, pkg, plain] = await lintFiles(['r.txt', 'yaml/r.txt', 'mjs/r.txt', 'pkg/r.txt', 'plainpkg/r.txt'], { cwd: dir });
    expect(severities(root)).toEqual(['label-variant:2']);
    expect(yaml.messages).toEqual([]);
    expect(severities(mjs)).toEqual(['label-variant:1']);
    expect(severities(pkg)).toEqual(['label-variant:2']);
    // a package.json without a "report-lint" key is passed over: the folder above applies
    expect(severities(plain)).toEqual(['label-variant:2']);
  });

  test('in one folder, .reportlintrc.json comes before package.json', async () => {
    const dir = tree({
      'package.json': JSON.stringify({ 'report-lint': { rules: { 'label-variant': 'off' } } }),
      '.reportlintrc.json': JSON.stringify({ rules: { 'label-variant': 'error' } }),
      'r.txt': SEED002,
    });
    expect(severities((await lintFiles(['r.txt'], { cwd: dir }))[0])).toEqual(['label-variant:2']);
  });

  test('--config PATH for every file, --no-config for none', () => {
    const dir = tree({
      '.reportlintrc.json': JSON.stringify({ rules: { 'label-variant': 'error' } }),
      'other.yaml': 'rules:\n  label-variant: off\n',
      'r.txt': SEED002,
    });
    expect(run(['r.txt'], dir).code).toBe(1);
    expect(run(['r.txt', '--config', 'other.yaml'], dir)).toMatchObject({ code: 0, stdout: '' });
    expect(run(['r.txt', '--no-config', '--format', 'json'], dir).stdout).toContain('"severity":1');
    expect(run(['r.txt', '--config', 'missing.json'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('找不到配置文件') });
  });

  test('--print-config shows what applies to a file', () => {
    const dir = tree({
      '.reportlintrc.json': JSON.stringify({ extends: 'report-lint:strict', rules: { 'cell-empty': ['warn', { aggregateRows: false }] }, overrides: [{ files: '*.md', rules: { 'label-variant': 'off' } }] }),
      'a.md': SEED002,
    });
    const r = run(['--print-config', 'a.md'], dir);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.configFile).toBe(join(dir, '.reportlintrc.json'));
    expect(c.extends).toEqual(['report-lint:strict']);
    expect(c.rules['label-variant']).toEqual(['off', { headings: true, rows: true, columns: true }]);
    expect(c.rules['cell-empty']).toEqual(['warn', { aggregateRows: false }]);
    expect(c.rules['cell-count']).toEqual(['error']);
    expect(c.formats.map((f: { short: string }) => f.short)).toEqual(['2019', '2021']);
  });
});

describe('extends, overrides, ignorePatterns', () => {
  test('report-lint:strict makes every built-in rule an error; a later setting wins', async () => {
    const dir = tree({
      '.reportlintrc.json': JSON.stringify({ extends: ['report-lint:strict'], rules: { 'cell-count': 'warn' } }),
      'r.txt': SEED004,
    });
    const [r] = await lintFiles(['r.txt'], { cwd: dir });
    // seed 004 also has 五部分, a second （二） and 去年 (preamble-parts, heading-sequence, relative-date)
    expect(severities(r)).toEqual(['cell-count:1', 'heading-sequence:2', 'label-variant:2', 'preamble-parts:2', 'relative-date:2', 'section-missing:2']);
  });

  test('a file, and a shareable config from a package folder, keeping options when only the severity changes', async () => {
    const dir = tree({
      'node_modules/report-lint-config-agency/package.json': JSON.stringify({ name: 'report-lint-config-agency', main: 'index.json' }),
      'node_modules/report-lint-config-agency/index.json': JSON.stringify({ rules: { 'cell-empty': ['warn', { aggregateRows: false }], 'section-missing': 'off' } }),
      'base.yaml': 'rules:\n  label-variant: error\n',
      '.reportlintrc.json': JSON.stringify({ extends: ['agency', './base.yaml'], rules: { 'cell-empty': 'error' } }),
      'r.txt': SEED004,
    });
    const r = run(['--print-config', 'r.txt'], dir);
    const c = JSON.parse(r.stdout);
    expect(c.rules['cell-empty']).toEqual(['error', { aggregateRows: false }]);
    expect(c.rules['section-missing']).toEqual(['off']);
    expect(c.rules['label-variant']).toEqual(['error', { headings: true, rows: true, columns: true }]);
  });

  test('overrides by glob (excludedFiles too), relative to the config file', async () => {
    const dir = tree({
      '.reportlintrc.json': JSON.stringify({
        overrides: [
          { files: ['drafts/**'], excludedFiles: 'drafts/final.txt', rules: { 'label-variant': 'off' } },
          { files: '*.md', rules: { 'label-variant': 'error' } },
        ],
      }),
      'drafts/a.txt': SEED002,
      'drafts/final.txt': SEED002,
      'b.md': SEED002,
    });
    const [a, fin, b] = await lintFiles(['drafts/a.txt', 'drafts/final.txt', 'b.md'], { cwd: dir });
    expect(a.messages).toEqual([]);
    expect(severities(fin)).toEqual(['label-variant:1']);
    expect(severities(b)).toEqual(['label-variant:2']);
  });

  test('ignorePatterns: passed over in a folder, reported when named', () => {
    const dir = tree({ '.reportlintrc.json': JSON.stringify({ ignorePatterns: ['old/**'] }), 'old/r.txt': SEED004, 'new/r.txt': SEED002 });
    const folder = JSON.parse(run(['.', '--format', 'json'], dir).stdout);
    expect(folder.map((x: { filePath: string }) => x.filePath)).toEqual([join(dir, 'new/r.txt')]);
    const named = run(['old/r.txt', '--format', 'json'], dir);
    expect(JSON.parse(named.stdout)[0].messages).toEqual([expect.objectContaining({ ruleId: null, severity: 1, message: '这个文件被配置的 ignorePatterns 忽略，未检查' })]);
    expect(named.code).toBe(0);
  });
});

describe('configuration errors: exit 2 before any file is linted, naming the file, the key, what was found and what is allowed', () => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    ['invalid JSON', { '.reportlintrc.json': '{ "rules": ' }, ['.reportlintrc.json 不是有效的 JSON']],
    ['an unknown key, with did-you-mean', { '.reportlintrc.json': '{"rulez": {}}' }, ['不认识的配置项「rulez」（是否想写「rules」？）', '可用的配置项：extends、rules']],
    ['a misspelt rule id', { '.reportlintrc.json': '{"rules": {"cell-empy": "off"}}' }, ['rules 中没有名为「cell-empy」的规则（是否想写「cell-empty」？）']],
    ['a bad severity', { '.reportlintrc.yaml': 'rules:\n  cell-empty: loud\n' }, ['rules.cell-empty 的严重程度是 "loud"，应为 "off"、"info"、"warn"、"error"']],
    ['a bad option value', { '.reportlintrc.json': '{"rules": {"cell-empty": ["warn", {"aggregateRows": "yes"}]}}' }, ['rules.cell-empty[1].aggregateRows 的值是 "yes"，应为布尔值']],
    ['an unknown option', { '.reportlintrc.json': '{"rules": {"label-variant": ["warn", {"heading": false}]}}' }, ['rules.label-variant[1] 中没有选项「heading」（是否想写「headings」？）']],
    ['a wrong type', { '.reportlintrc.json': '{"ignorePatterns": "old/**"}' }, ['ignorePatterns 的值是 "old/**"，应为数组']],
    ['an error inside overrides', { '.reportlintrc.json': '{"overrides": [{"files": "*.md", "rules": {"balanse": "off"}}]}' }, ['overrides[0].rules 中没有名为「balanse」的规则（是否想写「balance」？）']],
    ['an unknown preset', { '.reportlintrc.json': '{"extends": "report-lint:loose"}' }, ['「report-lint:loose」不是内置预设']],
    ['a shareable config that is not installed', { '.reportlintrc.json': '{"extends": "nope"}' }, ['extends 的「nope」找不到（试过 nope、report-lint-config-nope']],
    ['circular extends', { '.reportlintrc.json': '{"extends": "./a.json"}', 'a.json': '{"extends": "./.reportlintrc.json"}' }, ['配置文件循环继承']],
    ['a plugin that is not there', { '.reportlintrc.json': '{"plugins": ["./nope.js"]}' }, ['插件「./nope.js」', '加载失败']],
    ['a plugin rule without the rule interface', { '.reportlintrc.json': '{"plugins": ["./p.mjs"]}', 'p.mjs': 'export default { name: "p", rules: [{ meta: { id: "x" } }] };' }, ['插件「p」里有一条规则不符合规则接口']],
    ['a dictionary whose example does not hold', { '.reportlintrc.json': '{"dictionaries": ["./d.yaml"]}', 'd.yaml': '- pattern: 甲\n  expected: 乙\n  specs:\n    - from: 甲方\n      to: 丙方\n' }, ['d.yaml 第 1 条（甲 → 乙）的示例不成立：「甲方」改后为「乙方」，应为「丙方」']],
    ['a template that breaks the format schema', { '.reportlintrc.json': '{"templates": ["./t.json"]}', 't.json': '{"extends": "2021", "tables": [{"id": "T3", "columns": [{"id": "x", "label": "X", "type": "float"}]}]}' }, ['t.json 不符合 schema']],
  ];
  test.each(cases)('%s', (_name, files, expected) => {
    const dir = tree({ ...files, 'r.txt': SEED002 });
    const r = run(['r.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    for (const e of expected) expect(r.stderr).toContain(e);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the published configuration schema', () => {
  test('docs/schema/config.schema.json is the schema of the built-in rules (run `npm run schema` after changing a rule)', async () => {
    const { buildConfigSchema, ruleMap, builtinRules } = await import('../../src/index.js');
    const published = JSON.parse(readFileSync(join(ROOT, 'docs/schema/config.schema.json'), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(buildConfigSchema(ruleMap([builtinRules])))));
  });
});
