/**
 * --cache, --cache-location, --cache-strategy: an unchanged file is not linted again (shown by a change the strategy
 * does not see), and a changed file, configuration, dictionary, plugin, option or other year's report is.
 */
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/root.js';
import { runCli, tempFolder as tempDir } from '../support/cli.js';

const FIX = join(ROOT, 'test/fixtures/crossyear');
const read = (name: string) => readFileSync(join(FIX, name), 'utf8');
const REPORT = read('copy-2021.txt') + '截止2021年底，共受理申请3件。\n';

/** same size, same modification time, other content: only the content strategy sees it */
function sneakyEdit(path: string, from: string, to: string): void {
  const st = statSync(path);
  const text = readFileSync(path, 'utf8');
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  writeFileSync(path, text.replace(from, to));
  utimesSync(path, st.atime, st.mtime);
}

const ids = (stdout: string) => (JSON.parse(stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>).flatMap((r) => r.messages.map((m) => m.ruleId));

describe('--cache', () => {
  test('a second run gives the same output from the cache; metadata does not see a same-size edit, content does', () => {
    const t = tempDir();
    try {
      const file = join(t.dir, 'r.txt');
      writeFileSync(file, REPORT);
      // whole seconds: the file system keeps finer times than a Date gives back
      utimesSync(file, 1_700_000_000, 1_700_000_000);
      const args = [t.dir, '--cache', '--format', 'json', '--rule', 'section-missing:off'];
      const first = runCli(args, { cwd: t.dir });
      expect(existsSync(join(t.dir, '.reportlintcache'))).toBe(true);
      expect(ids(first.stdout)).toEqual(['prose-typo']);
      expect(runCli(args, { cwd: t.dir }).stdout).toBe(first.stdout);
      sneakyEdit(file, '截止', '截至');
      // the cached result still says 截止: the file was not linted again
      expect(ids(runCli(args, { cwd: t.dir }).stdout)).toEqual(['prose-typo']);
      expect(ids(runCli([...args, '--cache-strategy', 'content'], { cwd: t.dir }).stdout)).toEqual([]);
      // without --cache the file is linted
      expect(ids(runCli([t.dir, '--format', 'json', '--rule', 'section-missing:off'], { cwd: t.dir }).stdout)).toEqual([]);
    } finally {
      t.done();
    }
  });

  test('--cache-location: a file, or a folder that gets .reportlintcache; a bad strategy is a usage error', () => {
    const t = tempDir();
    try {
      writeFileSync(join(t.dir, 'r.txt'), REPORT);
      expect(runCli([join(t.dir, 'r.txt'), '--cache', '--cache-location', join(t.dir, 'c', 'my.cache')], { cwd: t.dir }).code).toBe(1);
      expect(existsSync(join(t.dir, 'c', 'my.cache'))).toBe(true);
      expect(runCli([join(t.dir, 'r.txt'), '--cache', '--cache-location', join(t.dir, 'c') + '/'], { cwd: t.dir }).code).toBe(1);
      expect(existsSync(join(t.dir, 'c', '.reportlintcache'))).toBe(true);
      const bad = runCli([join(t.dir, 'r.txt'), '--cache', '--cache-strategy', 'mtime'], { cwd: t.dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--cache-strategy 的值「mtime」无效/);
    } finally {
      t.done();
    }
  });

  test('a changed dictionary invalidates the cache', () => {
    const t = tempDir();
    try {
      writeFileSync(join(t.dir, 'r.txt'), REPORT.replace('截止', '截至') + '全年共受理申请，均按时答复。\n');
      writeFileSync(join(t.dir, '.reportlintrc.json'), JSON.stringify({ dictionaries: ['./d.yaml'], rules: { 'section-missing': 'off' } }));
      writeFileSync(join(t.dir, 'd.yaml'), '- pattern: 答复\n  expected: 回复\n  context: prose\n  specs:\n    - from: 按时答复\n      to: 按时回复\n');
      const args = [t.dir, '--cache', '--format', 'json'];
      expect(ids(runCli(args, { cwd: t.dir }).stdout)).toEqual(['prose-typo']);
      writeFileSync(join(t.dir, 'd.yaml'), '- pattern: 受理申请X\n  expected: 受理申请\n  context: prose\n  specs:\n    - from: 受理申请X\n      to: 受理申请\n');
      expect(ids(runCli(args, { cwd: t.dir }).stdout)).toEqual([]);
    } finally {
      t.done();
    }
  });

  test('a changed plugin invalidates the cache', () => {
    const t = tempDir();
    try {
      writeFileSync(join(t.dir, 'r.txt'), REPORT.replace('截止', '截至'));
      writeFileSync(join(t.dir, '.reportlintrc.json'), JSON.stringify({ plugins: ['./plugin.mjs'], rules: { 'section-missing': 'off' } }));
      const plugin = (word: string) =>
        `export default { name: 'local', rules: [{ meta: { id: 'says', type: 'suggestion', severity: 'warn', description: { zh: '说', en: 'says' }, docs: 'x.md', schema: { type: 'object' } },\n` +
        `  check(report, ctx) { ctx.report({ node: report.children[0], message: '${word}' }); } }] };\n`;
      writeFileSync(join(t.dir, 'plugin.mjs'), plugin('第一版'));
      const args = [t.dir, '--cache', '--format', 'json'];
      const msg = (stdout: string) => (JSON.parse(stdout) as Array<{ messages: Array<{ message: string }> }>)[0].messages.map((m) => m.message);
      expect(msg(runCli(args, { cwd: t.dir }).stdout)).toEqual(['第一版']);
      writeFileSync(join(t.dir, 'plugin.mjs'), plugin('第二版'));
      expect(msg(runCli(args, { cwd: t.dir }).stdout)).toEqual(['第二版']);
    } finally {
      t.done();
    }
  });

  test('a changed option or last year\'s report invalidates this year\'s result', () => {
    const t = tempDir();
    try {
      writeFileSync(join(t.dir, 'a.txt'), read('carry-2020.txt'));
      writeFileSync(join(t.dir, 'b.txt'), read('carry-2021-ok.txt'));
      const args = [t.dir, '--cache', '--format', 'json', '--rule', 'section-missing:off'];
      expect(ids(runCli(args, { cwd: t.dir }).stdout)).toEqual([]);
      expect(ids(runCli([...args, '--rule', 'xy-carry:warn'], { cwd: t.dir }).stdout)).toEqual([]);
      // last year's carried-forward row changed (and balanced): this year's file is unchanged, its result is not
      sneakyEdit(join(t.dir, 'a.txt'), '一、本年新收政府信息公开申请数量\t\t14\t2', '一、本年新收政府信息公开申请数量\t\t15\t2');
      const after = readFileSync(join(t.dir, 'a.txt'), 'utf8').replace(/^(四、结转下年度继续办理\t\t)2(.*)\t3$/m, '$13$2\t4').replace(/^(一、本年新收政府信息公开申请数量\t\t15\t2\t0\t0\t1\t0\t)17$/m, '$118');
      writeFileSync(join(t.dir, 'a.txt'), after);
      expect(ids(runCli([...args, '--cache-strategy', 'metadata'], { cwd: t.dir }).stdout)).toEqual(['xy-carry', 'xy-carry']);
    } finally {
      t.done();
    }
  });
});
