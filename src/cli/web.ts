/**
 * `report-lint web`: the reviewer's desk (web/, built into one self-contained page by scripts/build-web.mjs)
 * served on this machine. The server only hands out the page: the reports are read and linted in the browser
 * and never sent back (the page's Content-Security-Policy forbids any request).
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

/** The built page (npm run build writes it). */
export function webPagePath(): string {
  return join(packageRoot(), 'dist', 'web', 'report-lint.html');
}

/** Also in the page itself as a <meta>, so that the copy opened from disk is held to it too. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

export class WebError extends Error {}

export interface WebServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serve the page on host:port (port 0: any free port). Throws WebError when the page is not built or the port is taken. */
export async function startWebServer(opts: { port?: number; host?: string } = {}): Promise<WebServer> {
  const host = opts.host ?? '127.0.0.1';
  let page: Buffer;
  try {
    page = await readFile(webPagePath());
  } catch {
    throw new WebError(`找不到页面文件 ${webPagePath()}：请先运行 npm run build`);
  }
  const server = createServer((req, res) => {
    // whatever is sent is read and dropped (nothing is uploaded here), so that the answer reaches the client
    req.resume();
    const path = (req.url ?? '/').split('?')[0];
    const common = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...common, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('只提供页面（GET）；报告不会上传到这里。\n');
      return;
    }
    if (path !== '/' && path !== '/index.html' && path !== '/report-lint.html') {
      res.writeHead(404, { ...common, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('没有这个页面：请打开 /\n');
      return;
    }
    res.writeHead(200, { ...common, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': page.length, 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
    res.end(req.method === 'HEAD' ? undefined : page);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new WebError(`端口 ${opts.port} 已被占用：请用 --port 换一个端口（例如 --port 0 自动选择）`)
          : e.code === 'EACCES'
            ? new WebError(`没有权限使用端口 ${opts.port}：请用 1024 以上的端口`)
            : new WebError(`无法启动服务：${e.message}`),
      ),
    );
    server.listen(opts.port ?? 8377, host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return {
    url: `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}/`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The command: serve until interrupted (Ctrl+C); with `open`, open the page in the default browser. */
export async function runWebServer(opts: { port?: number; open?: boolean; stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  let web: WebServer;
  try {
    web = await startWebServer({ port: opts.port });
  } catch (e) {
    opts.stderr(`report-lint web：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  opts.stdout(`report-lint 审核台：${web.url}\n报告只在浏览器中检查，不会发送到这个服务。按 Ctrl+C 停止。\n`);
  if (opts.open) {
    try {
      const { default: open } = await import('open');
      const child = await open(web.url);
      child.on('error', () => opts.stderr(`无法自动打开浏览器，请手动打开 ${web.url}\n`));
    } catch {
      opts.stderr(`无法自动打开浏览器，请手动打开 ${web.url}\n`);
    }
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await web.close();
  return 0;
}
