/**
 * Libraries embedded in the page as text (scripts/build-web.mjs) and run only when needed: mammoth (a .docx is
 * opened), exceljs (a spreadsheet is exported) and iconv-lite (a fixed file is written back in GB18030 …). Nothing is fetched: the page works from file:// and offline.
 */
const globals: Record<string, string> = { mammoth: 'mammoth', exceljs: 'ExcelJS', iconv: 'reportLintIconv' };
const loaded = new Map<string, unknown>();

export function loadLazy<T>(name: 'mammoth' | 'exceljs' | 'iconv'): T {
  if (loaded.has(name)) return loaded.get(name) as T;
  const holder = document.getElementById(`lazy-${name}`);
  if (!holder?.textContent) throw new Error(`页面中缺少 ${name} 组件（页面不完整，请重新构建或重新下载页面）`);
  const script = document.createElement('script');
  script.textContent = holder.textContent;
  document.head.append(script);
  script.remove();
  const lib = (globalThis as Record<string, unknown>)[globals[name]];
  if (!lib) throw new Error(`${name} 组件无法运行`);
  loaded.set(name, lib);
  return lib as T;
}

/** Whether a library has been run (for the tests: the .docx reader is not run before a .docx is opened). */
export function isLoaded(name: string): boolean {
  return loaded.has(name);
}
