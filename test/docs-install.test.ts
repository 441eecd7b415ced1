/**
 * report-lint is not on any registry: no document, nor the VS Code extension, tells people to install it from
 * one (each such command is a 404). docs/install.md names them only to say they fail.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/root.js';

const files = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
  'editors/vscode/package.json',
  'editors/vscode/extension.js',
  ...readdirSync(join(ROOT, 'editors', 'vscode')).filter((f) => f.endsWith('.md')).map((f) => `editors/vscode/${f}`),
];
const registryInstall = /(?:npm (?:install|i|add)|yarn (?:global )?add|pnpm add)(?:\s+(?:-g|--global|--save-dev|-D|-E))*\s+report-lint(?![-\w./])/;

test('no install from a registry is offered anywhere', () => {
  const found: string[] = [];
  for (const f of files) {
    readFileSync(join(ROOT, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (registryInstall.test(line) && !/fail|404|not published|没有发布/.test(line)) found.push(`${f}:${i + 1}: ${line.trim()}`);
      });
  }
  expect(found).toEqual([]);
});

test('docs/install.md gives the three installs that work and the Node version the package requires', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'install.md'), 'utf8');
  const engines = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node as string;
  expect(doc).toContain(`Node.js ${engines.replace('>=', '')} or newer`);
  for (const cmd of ['npm ci', 'npm link', 'npm install -g .', 'npm pack', 'npm install -g ./report-lint-', 'npm install --save-dev ./tools/report-lint-']) {
    expect(doc).toContain(cmd);
  }
});
