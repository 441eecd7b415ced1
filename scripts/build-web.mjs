/**
 * The browser build (issue 11): web/main.ts and the engine it imports (src/, rules/) bundled by esbuild into one
 * self-contained HTML file, dist/web/report-lint.html, that works from a server (report-lint web) and from disk
 * (file://). Nothing in it is fetched at run time:
 *   - the built-in formats and dictionary are bundled as data (src/format/builtin-data.ts and
 *     src/config/builtin-dictionary-data.ts are replaced by modules generated here from data/);
 *   - Node built-ins are replaced by modules whose functions say they are not available (nothing on the lint
 *     path calls them); Buffer is the `buffer` package;
 *   - the .docx reader (mammoth's browser build), the spreadsheet writer (exceljs) and iconv-lite are embedded as
 *     text and run only when a .docx is opened, a spreadsheet exported or a file written back in GB18030 ….
 * Usage: node scripts/build-web.mjs [--metafile]
 */
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const out = join(root, 'dist', 'web');

/** Every name imported from a Node built-in by the sources, so that the stand-ins export them all. */
function importedNames() {
  const names = new Map();
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        const src = readFileSync(p, 'utf8');
        for (const m of src.matchAll(/import\s*\{([^}]*)\}\s*from\s*'(node:[^']+)'/g)) {
          const set = names.get(m[2]) ?? new Set();
          for (const n of m[1].split(',')) {
            const name = n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0];
            if (name && !/^type\s/.test(n.trim())) set.add(name);
          }
          names.set(m[2], set);
        }
      }
    }
  };
  for (const d of ['src', 'rules', 'web']) walk(join(root, d));
  return names;
}

const nodeNames = importedNames();
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

const browserPlugin = {
  name: 'report-lint-browser',
  setup(b) {
    // the data of the built-in formats and dictionary, bundled
    b.onResolve({ filter: /(^|\/)builtin-data\.js$/ }, () => ({ path: 'formats', namespace: 'rl-data' }));
    b.onResolve({ filter: /(^|\/)builtin-dictionary-data\.js$/ }, () => ({ path: 'dictionary', namespace: 'rl-data' }));
    b.onLoad({ filter: /.*/, namespace: 'rl-data' }, (args) => {
      if (args.path === 'formats') {
        const dir = join(root, 'data', 'formats');
        const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
        const data = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
        return { contents: `export function builtinFormatData() { return ${JSON.stringify(data)}; }`, loader: 'js', watchFiles: files.map((f) => join(dir, f)) };
      }
      const file = join(root, 'data', 'dictionaries', 'builtin.yaml');
      const origin = 'data/dictionaries/builtin.yaml';
      return {
        contents: `export function builtinDictionaryPath() { return ${JSON.stringify(origin)}; }
export function builtinDictionarySource() { return { text: ${JSON.stringify(readFileSync(file, 'utf8'))}, origin: ${JSON.stringify(origin)} }; }`,
        loader: 'js',
        watchFiles: [file],
      };
    });
    // Node built-ins: stand-ins that say so when called (nothing on the lint path calls them)
    // Buffer is the `buffer` package
    b.onResolve({ filter: /^(node:)?buffer\/?$/ }, () => ({ path: require.resolve('buffer/') }));
    b.onResolve({ filter: /.*/ }, (args) => (builtins.has(args.path) ? { path: args.path.replace(/^node:/, ''), namespace: 'rl-node' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'rl-node' }, (args) => {
      // what the sources import by name, and what CommonJS modules read from the module object at load time
      // every name the real module has (sources and packages may import any of them by name)
      // — except stream: iconv-lite turns on its streaming API (Object.create(Transform.prototype)) when it finds stream.Transform, and the page does not stream
      const real = args.path === 'stream' ? [] : Object.keys(require(args.path)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
      const names = new Set([...(nodeNames.get(`node:${args.path}`) ?? []), ...real, 'promises', 'constants', 'sep', 'delimiter', 'posix', 'win32', 'EOL']);
      const lines = [
        // any property of a stand-in is a stand-in; calling one says that it is not available here
        `const missing = (name) => new Proxy(function () {}, {`,
        `  get: (_, k) => (typeof k === 'string' && k !== 'then' && k !== 'prototype' ? missing(name + '.' + k) : undefined),`,
        `  apply: () => { throw new Error('「' + name + '」在浏览器中不可用'); },`,
        `  construct: () => { throw new Error('「' + name + '」在浏览器中不可用'); },`,
        `});`,
        `export default missing(${JSON.stringify(args.path)});`,
      ];
      if (args.path === 'os') {
        // read by lilconfig when it is loaded (configuration files are not searched for in the page)
        lines.push("export const homedir = () => '/';", "export const tmpdir = () => '/';", "export const platform = () => 'browser';");
        for (const n of ['homedir', 'tmpdir', 'platform']) names.delete(n);
      }
      for (const n of names) lines.push(`export const ${n} = missing(${JSON.stringify(`${args.path}.${n}`)});`);
      return { contents: lines.join('\n'), loader: 'js' };
    });
    // the LSP features use the protocol's constants and types only
    b.onResolve({ filter: /^vscode-languageserver$/ }, () => ({ path: require.resolve('vscode-languageserver-types') }));
    // configuration files are not searched for on a disk in the page (a .reportlintrc.json is loaded by hand)
    b.onResolve({ filter: /^lilconfig$/ }, () => ({ path: 'lilconfig', namespace: 'rl-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'rl-stub' }, () => ({
      contents: `const no = () => { throw new Error('页面中不查找配置文件：请用“载入 .reportlintrc.json”'); };
export const lilconfig = () => ({ search: no, load: no, clearCaches() {}, clearLoadCache() {}, clearSearchCache() {} });`,
      loader: 'js',
    }));
    // pdf.js is not part of the page (it would add some 600 KB): a PDF opened here is refused with a message
    b.onResolve({ filter: /^pdfjs-dist(\/|$)/ }, () => ({ path: 'pdfjs-dist', namespace: 'rl-pdf-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'rl-pdf-stub' }, () => ({
      contents: `import { DecodeError } from ${JSON.stringify(join(root, 'src', 'io', 'decode.ts'))};
const no = () => { throw new DecodeError('页面中不能读取 PDF 文件：请在命令行中用 report-lint 检查 PDF，或把报告另存为文本（.txt）、网页或 Word（.docx）文件再在页面中打开'); };
export const getDocument = no;
export const OPS = {};`,
      loader: 'js',
      resolveDir: root,
    }));
    // iconv-lite: bundled on its own, run when a file is written back in GB18030 or another legacy encoding
    b.onResolve({ filter: /^iconv-lite$/ }, (args) => (args.importer.endsWith('iconv-entry.js') ? undefined : { path: join(root, 'web', 'iconv-lazy.ts') }));
    // mammoth: its browser build, embedded and run when a .docx is opened (web/lazy.ts)
    b.onResolve({ filter: /^mammoth$/ }, () => ({ path: join(root, 'web', 'mammoth-lazy.ts') }));
  },
};

export async function buildWeb({ metafile = false } = {}) {
  mkdirSync(out, { recursive: true });
  const r = await build({
    entryPoints: [join(root, 'web', 'main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100'],
    minify: true,
    write: false,
    metafile,
    charset: 'utf8',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', 'import.meta.url': '"file:///report-lint/"' },
    inject: [join(root, 'web', 'shims', 'globals.js')],
    plugins: [browserPlugin],
    logLevel: 'warning',
  });
  const js = r.outputFiles[0].text;
  const iconv = await build({
    entryPoints: [join(root, 'web', 'iconv-entry.js')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100'],
    minify: true,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    inject: [join(root, 'web', 'shims', 'globals.js')],
    plugins: [browserPlugin],
    logLevel: 'warning',
  });
  const css = readFileSync(join(root, 'web', 'style.css'), 'utf8');
  const lazy = {
    mammoth: readFileSync(require.resolve('mammoth/mammoth.browser.min.js'), 'utf8'),
    exceljs: readFileSync(require.resolve('exceljs/dist/exceljs.min.js'), 'utf8'),
    iconv: iconv.outputFiles[0].text,
  };
  const inline = (s) => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const template = readFileSync(join(root, 'web', 'index.html'), 'utf8');
  const html = template
    .replace('/*STYLE*/', () => css)
    .replace('<!--LAZY-->', () =>
      Object.entries(lazy)
        .map(([k, v]) => `<script type="text/x-report-lint-lazy" id="lazy-${k}">${inline(v)}</script>`)
        .join('\n'),
    )
    .replace('<!--APP-->', () => `<script>${inline(js)}</script>`);
  const file = join(out, 'report-lint.html');
  writeFileSync(file, html);
  const sizes = { page: Buffer.byteLength(html), app: Buffer.byteLength(js), css: Buffer.byteLength(css), lazy: Object.fromEntries(Object.entries(lazy).map(([k, v]) => [k, Buffer.byteLength(v)])) };
  writeFileSync(join(out, 'sizes.json'), JSON.stringify(sizes, null, 2) + '\n');
  return { file, bytes: Buffer.byteLength(html), appBytes: Buffer.byteLength(js), lazyBytes: Object.fromEntries(Object.entries(lazy).map(([k, v]) => [k, Buffer.byteLength(v)])), metafile: r.metafile };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await buildWeb({ metafile: process.argv.includes('--metafile') });
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`web: ${relative(root, r.file)} ${kb(r.bytes)} (app ${kb(r.appBytes)}; run on demand: ${Object.entries(r.lazyBytes).map(([k, v]) => `${k} ${kb(v)}`).join(', ')})`);
  if (r.metafile) writeFileSync(join(out, 'meta.json'), JSON.stringify(r.metafile));
}
