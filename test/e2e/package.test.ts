/**
 * What `npm pack` ships: the built linter (dist/src, dist/rules), its data and docs — no tests, no benchmark, no
 * tools (the synthetic-report generator), no sources of those.
 */
import { spawnSync } from 'node:child_process';
import { HANG_MS, ROOT } from '../support/cli.js';

test('npm pack ships the built linter, its data and docs, and no test, bench or tools code', () => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', timeout: HANG_MS });
  expect(r.status).toBe(0);
  const files: string[] = JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path);
  expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/src/index.js', 'dist/src/cli/bin.js', 'dist/rules/index.js', 'data/formats/2021.json', 'docs/guide.md']));
  expect(files.filter((f) => /^(test|bench|tools|scripts|samples)\//.test(f) || /^dist\/(?!src\/|rules\/)/.test(f))).toEqual([]);
});
