/**
 * The VS Code extension under editors/vscode cannot run here (no VS Code): check what can be checked without it —
 * its manifest agrees with its code, the code parses, and the server command line it builds is the one the
 * end-to-end tests drive (`report-lint lsp`, to which vscode-languageclient adds --stdio).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/cli.js';

const dir = join(ROOT, 'editors', 'vscode');
const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const code = readFileSync(join(dir, manifest.main), 'utf8');

describe('editors/vscode', () => {
  test('the entry point exists and is valid JavaScript', () => {
    expect(existsSync(join(dir, manifest.main))).toBe(true);
    const r = spawnSync(process.execPath, ['--check', join(dir, manifest.main)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('every setting the code reads is declared, and every declared setting is read', () => {
    const declared = Object.keys(manifest.contributes.configuration.properties).sort();
    const read = [...code.matchAll(/config\.get\('([A-Za-z]+)'\)/g)].map((m) => `reportLint.${m[1]}`);
    expect([...new Set(read)].sort()).toEqual(declared);
    expect(code).toContain("getConfiguration('reportLint')");
    expect(code).toContain("affectsConfiguration('reportLint')");
  });

  test('it starts `report-lint lsp` over stdio for .txt and .md reports (and pages, when the pattern names them)', () => {
    expect(manifest.contributes.configuration.properties['reportLint.command'].default).toBe('report-lint');
    expect(code).toMatch(/args: \['lsp'\]/);
    expect(code).toMatch(/transport: TransportKind\.stdio/);
    expect(manifest.contributes.configuration.properties['reportLint.filePattern'].default).toBe('**/*.{txt,md}');
    expect(manifest.activationEvents).toEqual(['onLanguage:plaintext', 'onLanguage:markdown', 'onLanguage:html']);
    // the initialization options are those the server reads (src/lsp/server.ts, InitializationOptions)
    const server = readFileSync(join(ROOT, 'src', 'lsp', 'server.ts'), 'utf8');
    const options = /initializationOptions: \{ ([^}]*) \}/.exec(code)![1];
    for (const name of ['debounceMs', 'rules', 'reportFormat']) {
      expect(options).toContain(name);
      expect(server).toContain(`  ${name}?:`);
    }
  });

  test('the locked client library runs on the VS Code versions the manifest names', () => {
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
    const client = lock.packages['node_modules/vscode-languageclient'];
    expect(client.version.split('.')[0]).toBe(manifest.dependencies['vscode-languageclient'].replace(/^\^/, '').split('.')[0]);
    expect(manifest.engines.vscode).toBe(client.engines.vscode);
  });
});
