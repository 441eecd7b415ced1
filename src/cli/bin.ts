#!/usr/bin/env node
import { main } from './main.js';

// a reader that stops early (report-lint … | head -1) closes the pipe: what is left to write is dropped, and the
// run ends quietly with its own status
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
    throw e;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`report-lint 内部错误：${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
