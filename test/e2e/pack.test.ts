/**
 * The install a person without a registry makes (docs/install.md): `npm pack` in the clone, then
 * `npm install -g ./report-lint-x.y.z.tgz` (here into a temporary prefix, from npm's cache where it can). The
 * installed command answers --version and lints a seed; the package holds its LICENSE and no test or bench code.
 */
import { jest } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempFolder } from '../support/cli.js';

jest.setTimeout(600_000);

let dir: string;
let done: () => void;
beforeAll(() => ({ dir, done } = tempFolder()));
afterAll(() => done());

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;

test('npm pack ships the built code, data, docs and LICENSE, and no test, bench or source map', () => {
  const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  const files = (JSON.parse(out)[0].files as Array<{ path: string }>).map((f) => f.path);
  expect(files).toContain('LICENSE');
  expect(files).toContain('dist/src/cli/bin.js');
  expect(files).toContain('data/formats/2021.json');
  expect(files.filter((f) => /^(test|bench|dist\/bench|dist\/test)\/|\.map$|^src\//.test(f))).toEqual([]);
});

test('the packed tarball installs with npm install -g into a prefix; report-lint --version and a lint work from there', () => {
  execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
  const tgz = join(dir, `report-lint-${version}.tgz`);
  expect(existsSync(tgz)).toBe(true);
  const prefix = join(dir, 'prefix');
  const install = spawnSync(npm, ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tgz], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 500_000,
  });
  expect(install.stderr).not.toMatch(/ERR!/);
  expect(install.status).toBe(0);
  const bin = join(prefix, 'bin', 'report-lint');
  const v = spawnSync(bin, ['--version'], { cwd: dir, encoding: 'utf8' });
  expect(v.stdout.trim()).toBe(version);
  const seed = join(ROOT, 'samples', 'made', 'label-variant--2021-tab.txt');
  const lint = spawnSync(bin, ['--format', 'json', seed], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(lint.status).toBe(0);
  const [r] = JSON.parse(lint.stdout);
  expect(r.messages.map((m: { ruleId: string }) => m.ruleId)).toContain('label-variant');
});
