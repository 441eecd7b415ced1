/**
 * Cross-year checks: pairing reports by agency and year, the three xy- rules through the lint API (peers given), and
 * the command line (a folder of several years, --history, extract JSON, --agency-aliases, output formats).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules, lint, type LintMessage } from '../../src/index.js';
import { peerFromText } from '../../src/batch/crossyear.js';
import { fromFileName, identify, normalizeAgency, resolveAliases, signature } from '../../src/batch/identity.js';
import { comparable, sectionPrint, sentenceSimilarity } from '../../src/text/similarity.js';
import { ROOT } from '../support/root.js';
import { runCli, tempFolder as tempDir } from '../support/cli.js';

const FIX = join(ROOT, 'test/fixtures/crossyear');
const read = (name: string) => readFileSync(join(FIX, name), 'utf8');

/** only the given rule on */
function only(id: string, options?: Record<string, unknown>) {
  return Object.fromEntries(
    builtinRules.rules.map((r) => [r.meta.id, r.meta.id === id ? (options ? { severity: r.meta.severity, options } : r.meta.severity) : 'off']),
  ) as Record<string, never>;
}

function lintPair(id: string, prev: { text: string; file: string }, cur: { text: string; file: string }, options?: Record<string, unknown>): LintMessage[] {
  const peers = [peerFromText(prev.text, prev.file)];
  return lint(cur.text, { filePath: cur.file, rules: only(id, options), peers }).messages;
}

describe('identity: agency and year', () => {
  test('from the title; spaces, U+3000 and U+00A0 do not split an agency', () => {
    expect(identify({ agency: '某某县　统计局', year: 2021 }, 'a.txt')).toMatchObject({ agencyKey: '某某县统计局', agencySource: 'title', year: 2021, yearSource: 'report' });
    expect(normalizeAgency('某某县\u00a0统计局 ')).toBe('某某县统计局');
  });

  test('from the 落款 when the title has none, with its date', () => {
    expect(signature(['其他事项：无。', '某某县统计局', '2022年1月20日'])).toEqual({ agency: '某某县统计局', date: '2022-01-20' });
    // a sentence above the date is not an organ
    expect(signature(['我局将继续做好政府信息公开工作。', '2022年1月20日']).agency).toBeUndefined();
    const id = identify({ year: 2021 }, 'x.txt', { paragraphs: ['某某县统计局', '2022年1月20日'] });
    expect(id).toMatchObject({ agencyKey: '某某县统计局', agencySource: 'signature', published: '2022-01-20' });
  });

  test('from the file name', () => {
    expect(fromFileName('/x/2021_某某县统计局.txt')).toEqual({ agency: '某某县统计局', year: 2021 });
    expect(fromFileName('/x/某某县统计局-2020年政府信息公开工作年度报告.html')).toEqual({ agency: '某某县统计局', year: 2020 });
    expect(fromFileName('/x/report.txt')).toEqual({ agency: undefined, year: undefined });
    expect(identify({}, '/x/2021_某某县统计局.txt')).toMatchObject({ agencyKey: '某某县统计局', agencySource: 'file-name', year: 2021, yearSource: 'file-name' });
  });

  test('aliases join renamed agencies, through chains; a cycle is refused', () => {
    const aliases = resolveAliases({ 某某县国土资源局: '某某县自然资源局', 某某县规划局: '某某县国土资源局' });
    expect(aliases.get('某某县规划局')).toBe('某某县自然资源局');
    expect(identify({ agency: '某某县国土资源局', year: 2018 }, 'a.txt', { aliases }).agencyKey).toBe('某某县自然资源局');
    expect(() => resolveAliases({ 甲局: '乙局', 乙局: '甲局' })).toThrow(/成环/);
  });
});

describe('similarity of sections', () => {
  test('boilerplate dropped, numbers masked', () => {
    const a = comparable('根据《中华人民共和国政府信息公开条例》，编制本报告。全年组织培训2次。');
    expect(a.sentences).toEqual(['全年组织培训#次。']);
    expect(a.numbers).toEqual(['2']);
    expect(sentenceSimilarity(sectionPrint('根据《中华人民共和国政府信息公开条例》，编制本报告。全年组织培训2次。'), sectionPrint('全年组织培训３次。'))).toBe(1);
    expect(sentenceSimilarity(sectionPrint('甲乙丙丁。'), sectionPrint('戊己庚辛。'))).toBe(0);
    // half the text the same sentences
    expect(sentenceSimilarity(sectionPrint('甲乙丙丁。戊己庚辛。'), sectionPrint('甲乙丙丁。子丑寅卯。'))).toBe(0.5);
  });
});

describe('xy-carry', () => {
  const prev = { text: read('carry-2020.txt'), file: '某某县统计局-2020.txt' };

  test('a column that does not continue is an error on this year\'s cell, with last year\'s cell as a related place', () => {
    const ms = lintPair('xy-carry', prev, { text: read('carry-2021-bad.txt'), file: '某某县统计局-2021.txt' });
    expect(ms.map((m) => [m.line, m.column, m.severity, m.location?.column])).toEqual([
      [9, 19, 2, 'natural'],
      [9, 31, 2, 'total'],
    ]);
    expect(ms[0].message).toContain('某某县统计局-2020.txt');
    expect(ms[0].message).toContain('某某县统计局-2021.txt');
    expect(ms[0]).toMatchObject({ expected: '2', actual: '3' });
    expect(ms[0].related).toEqual([
      expect.objectContaining({ filePath: '某某县统计局-2020.txt', line: 30, location: { section: 's3', table: 'T3', row: 'r4', column: 'natural' } }),
    ]);
    expect(ms[0].suggestions?.[0].fix.text).toBe('2');
  });

  test('the 2019-format report of 2020 continued by the 2021-format report of 2021: nothing to report', () => {
    expect(lintPair('xy-carry', prev, { text: read('carry-2021-ok.txt'), file: '某某县统计局-2021.txt' })).toEqual([]);
  });

  test('no peer of the year before: nothing (a report alone, or two years apart)', () => {
    const text = read('carry-2021-bad.txt');
    expect(lint(text, { rules: only('xy-carry') }).messages).toEqual([]);
    const two = peerFromText(read('carry-2020.txt').replace('2020年', '2019年'), 'p.txt');
    expect(lint(text, { rules: only('xy-carry'), peers: [two] }).messages).toEqual([]);
  });

  test('a blank cell in last year\'s row is not taken for 0', () => {
    const blanked = read('carry-2020.txt').replace(/^(四、结转下年度继续办理\t\t)2/m, '$1');
    const ms = lintPair('xy-carry', { text: blanked, file: 'p.txt' }, { text: read('carry-2021-bad.txt'), file: 'c.txt' });
    expect(ms.map((m) => m.location?.column)).toEqual(['total']);
  });
});

describe('xy-stock', () => {
  const prev = { text: read('stock-2021.txt'), file: '某某市司法局-2021.txt' };
  test('a lower stock is information (severity 0), counted apart from errors and warnings', () => {
    const r = lint(read('stock-2022-lower.txt'), { filePath: '某某市司法局-2022.txt', rules: only('xy-stock'), peers: [peerFromText(prev.text, prev.file)] });
    expect(r.messages.map((m) => [m.line, m.column, m.severity])).toEqual([[8, 15, 0]]);
    expect(r.messages[0].message).toMatch(/少 28 件/);
    expect(r).toMatchObject({ errorCount: 0, warningCount: 0, infoCount: 1 });
  });
  test('a higher stock says that nothing explains it; within the tolerance nothing', () => {
    const higher = read('stock-2022-lower.txt').replace('27\t15\t296', '27\t15\t330');
    const ms = lintPair('xy-stock', prev, { text: higher, file: 'c.txt' });
    expect(ms[0].message).toMatch(/多 6 件/);
    expect(lintPair('xy-stock', prev, { text: higher, file: 'c.txt' }, { tolerance: 6 })).toEqual([]);
  });
  test('configured as warn, the same finding is a warning', () => {
    const r = lint(read('stock-2022-lower.txt'), { rules: { ...only('xy-stock'), 'xy-stock': 'warn' } as never, peers: [peerFromText(prev.text, prev.file)] });
    expect(r.messages.map((m) => m.severity)).toEqual([1]);
  });
});

describe('xy-copy', () => {
  const prev = { text: read('copy-2021.txt'), file: '某某县自然资源局-2021.txt' };
  test('a section copied with the year and one number changed', () => {
    const ms = lintPair('xy-copy', prev, { text: read('copy-2022-copied.txt'), file: '某某县自然资源局-2022.txt' });
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ line: 3, column: 1, severity: 1 });
    expect(ms[0].message).toContain('数字变化：2→3');
    expect(ms[0].related?.[0]).toMatchObject({ filePath: '某某县自然资源局-2021.txt', line: 3 });
  });
  test('a section written anew: nothing', () => {
    expect(lintPair('xy-copy', prev, { text: read('copy-2022-rewritten.txt'), file: 'c.txt' })).toEqual([]);
  });
  test('a table with the same numbers as last year, many of them not zero; an all-zero table is not a copy', () => {
    const t20 = read('carry-2020.txt');
    const same = t20.replace('2020年', '2021年');
    const ms = lintPair('xy-copy', { text: t20, file: 'p.txt' }, { text: same, file: 'c.txt' });
    expect(ms.map((m) => m.message)).toEqual([expect.stringMatching(/第三部分的表格.*完全相同/)]);
    const zero = t20.replace(/\t\d+/g, '\t0');
    expect(lintPair('xy-copy', { text: zero, file: 'p.txt' }, { text: zero.replace('2020年', '2021年'), file: 'c.txt' })).toEqual([]);
  });
});

describe('command line', () => {
  function folder(files: Record<string, string>): { dir: string; done: () => void } {
    const t = tempDir();
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(t.dir, name, '..'), { recursive: true });
      writeFileSync(join(t.dir, name), text);
    }
    return t;
  }
  const off = ['--rule', 'section-missing:off'];

  test('a folder of two years: the pair is found, JSON names the other file in related', () => {
    const t = folder({ '2020/a.txt': read('carry-2020.txt'), '2021/b.txt': read('carry-2021-bad.txt') });
    try {
      const r = runCli([t.dir, ...off, '--format', 'json']);
      expect(r.code).toBe(1);
      const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: LintMessage[] }>;
      const b = results.find((x) => x.filePath.endsWith('b.txt'))!;
      expect(b.messages.map((m) => m.ruleId)).toEqual(['xy-carry', 'xy-carry']);
      expect(b.messages[0].related?.[0].filePath).toBe(join(t.dir, '2020/a.txt'));
    } finally {
      t.done();
    }
  });

  test('--history: last year only as a reference (not linted); a report alone finds nothing', () => {
    const t = folder({ 'hist/a.txt': read('carry-2020.txt'), 'now/b.txt': read('carry-2021-bad.txt') });
    try {
      const alone = runCli([join(t.dir, 'now'), ...off]);
      expect(alone.code).toBe(0);
      const r = runCli([join(t.dir, 'now'), ...off, '--history', join(t.dir, 'hist')]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('xy-carry');
      expect(r.stdout).not.toContain('a.txt\n');
    } finally {
      t.done();
    }
  });

  test('--history with extract JSON in place of last year\'s report; a bad history file is said, not skipped silently', () => {
    const t = folder({ 'now/b.txt': read('carry-2021-bad.txt'), 'hist/2020.txt': read('carry-2020.txt') });
    try {
      const ex = runCli(['extract', join(t.dir, 'hist/2020.txt')]);
      expect(ex.code).toBe(0);
      writeFileSync(join(t.dir, 'hist/2020.json'), ex.stdout);
      writeFileSync(join(t.dir, 'hist/broken.json'), '{ nope');
      const onlyJson = join(t.dir, 'json');
      mkdirSync(onlyJson);
      copyFileSync(join(t.dir, 'hist/2020.json'), join(onlyJson, '2020.json'));
      copyFileSync(join(t.dir, 'hist/broken.json'), join(onlyJson, 'broken.json'));
      const r = runCli([join(t.dir, 'now'), ...off, '--history', onlyJson, '--format', 'json']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/broken\.json.*不是有效的 JSON/);
      const [res] = JSON.parse(r.stdout) as Array<{ messages: LintMessage[] }>;
      expect(res.messages.map((m) => m.ruleId)).toEqual(['xy-carry', 'xy-carry']);
      expect(res.messages[0].message).toContain('提取数据（2020 年，2020.json）');
      expect(res.messages[0].related?.[0]).toMatchObject({ filePath: join(onlyJson, '2020.json'), line: 1, location: { table: 'T3', row: 'r4', column: 'natural' } });
    } finally {
      t.done();
    }
  });

  test('--agency-aliases pairs a renamed agency', () => {
    const t = folder({
      'a.txt': read('carry-2020.txt').replace('某某县统计局', '某某县统计信息局'),
      'b.txt': read('carry-2021-bad.txt'),
      'aliases.yaml': '某某县统计信息局: 某某县统计局\n',
    });
    try {
      expect(runCli([join(t.dir, 'a.txt'), join(t.dir, 'b.txt'), ...off]).code).toBe(0);
      const r = runCli([join(t.dir, 'a.txt'), join(t.dir, 'b.txt'), ...off, '--agency-aliases', join(t.dir, 'aliases.yaml')]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('xy-carry');
      const bad = runCli([join(t.dir, 'b.txt'), ...off, '--agency-aliases', join(t.dir, 'missing.yaml')]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--agency-aliases/);
    } finally {
      t.done();
    }
  });

  test('information: 提示 in stylish, note in SARIF, exit code 0; --quiet hides it', () => {
    const t = folder({ 'a.txt': read('stock-2021.txt'), 'b.txt': read('stock-2022-lower.txt') });
    try {
      const r = runCli([t.dir, ...off]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/8:15 {2}提示 {2}.*xy-stock/);
      expect(r.stdout).toContain('另有 1 条提示');
      const s = runCli([t.dir, ...off, '--format', 'sarif']);
      const log = JSON.parse(s.stdout);
      const res = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'xy-stock');
      expect(res.level).toBe('note');
      expect(res.relatedLocations[0].physicalLocation.artifactLocation.uri).toMatch(/a\.txt$/);
      expect(log.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'xy-stock').defaultConfiguration.level).toBe('note');
      expect(runCli([t.dir, ...off, '--quiet']).stdout).not.toContain('xy-stock');
    } finally {
      t.done();
    }
  });
});
