// VS Code client of the report-lint language server: starts `report-lint lsp --stdio` and hands it the open
// .txt and .md files (and .html pages when reportLint.filePattern names them). Everything else (findings, quick
// fixes, hovers, outline, configuration files) comes from the server.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The server's command line and the client's options, from the reportLint.* settings. */
function options(config) {
  const rules = config.get('rules') || {};
  const reportFormat = config.get('reportFormat') || undefined;
  const server = {
    command: config.get('command') || 'report-lint',
    args: ['lsp'],
    // the client adds --stdio
    transport: TransportKind.stdio,
    // report-lint installed by npm on Windows is a .cmd file, which only a shell can start
    options: { shell: process.platform === 'win32' },
  };
  const pattern = config.get('filePattern') || '**/*.{txt,md}';
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', pattern },
      { scheme: 'untitled', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    initializationOptions: { debounceMs: config.get('debounceMs'), rules, reportFormat },
  };
  return { server, clientOptions };
}

async function start() {
  const { server, clientOptions } = options(vscode.workspace.getConfiguration('reportLint'));
  client = new LanguageClient('reportLint', 'report-lint', server, clientOptions);
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(`report-lint 没有启动：${e instanceof Error ? e.message : String(e)}。请先安装（在 report-lint 的目录里 npm ci && npm link，或 npm install -g ./report-lint-x.y.z.tgz，见 docs/install.md），或在设置 reportLint.command 中写明它的路径。`);
  }
}

async function activate(context) {
  await start();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('reportLint')) return;
      await stop();
      await start();
    }),
  );
}

async function stop() {
  if (!client) return;
  try {
    await client.stop();
  } catch {
    // it never started
  }
  client = undefined;
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate, options };
