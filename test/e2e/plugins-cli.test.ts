/**
 * samples/plugin-example through the built CLI: loaded from a package folder by its short name; bad options for a
 * plugin rule are a configuration error (exit 2, a message naming the option).
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tree } from '../support/cli.js';
import { SEEDS, readSample } from '../support/reports.js';

const EXAMPLE = join(ROOT, 'samples/plugin-example');
const dirWith = (config: unknown, files: Record<string, string>): string => tree({ '.reportlintrc.json': JSON.stringify(config), ...files }, 'report-lint-plugin-');

test('loaded from a package folder by its short name; bad options for a plugin rule are a config error', () => {
  const dir = dirWith({ plugins: ['example'], rules: { 'example/no-relative-year': ['warn', { word: [] }] } }, { 'r.txt': readSample(SEEDS.s004) });
  mkdirSync(join(dir, 'node_modules'));
  cpSync(EXAMPLE, join(dir, 'node_modules/report-lint-plugin-example'), { recursive: true });
  const bad = runCli(['r.txt'], { cwd: dir });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('rules.example/no-relative-year[1] 中没有选项「word」（是否想写「words」？）');
  writeFileSync(join(dir, '.reportlintrc.json'), JSON.stringify({ plugins: ['example'] }));
  const ok = runCli(['r.txt', '--format', 'json', '--rule', 'example/no-relative-year:error'], { cwd: dir });
  const msgs = JSON.parse(ok.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'example/no-relative-year');
  expect(msgs.map((m: { line: number; severity: number }) => [m.line, m.severity])).toEqual([[23, 2]]);
});
