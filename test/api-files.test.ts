/** lintFiles takes folders and globs as the command line does (docs/api.md: `lintFiles(['samples/'])`). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lintFiles } from '../src/index.js';
import { ROOT } from './support/root.js';

test("lintFiles(['samples/made/']) lints every report in the folder, each with its findings", async () => {
  const results = await lintFiles(['samples/made/'], { cwd: ROOT });
  const expected = readdirSync(join(ROOT, 'samples', 'made')).filter((f) => /\.(txt|md)$/.test(f)).map((f) => join(ROOT, 'samples', 'made', f)).sort();
  expect(results.map((r) => r.filePath)).toEqual(expected);
  expect(results.filter((r) => r.fatalErrorCount)).toEqual([]);
  expect(results.find((r) => r.filePath.endsWith('balance--2021-tab.txt'))!.messages.some((m) => m.ruleId === 'balance')).toBe(true);
});

test('a path that does not exist gives a fatal result for it; the others are still linted', async () => {
  const results = await lintFiles(['samples/made/ok--2021-tab.txt', 'no-such-folder/'], { cwd: ROOT });
  expect(results.map((r) => r.fatalErrorCount)).toEqual([0, 1]);
  expect(results[1].messages[0].message).toMatch(/找不到文件或文件夹「no-such-folder\/」/);
});
