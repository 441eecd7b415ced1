/**
 * report-lint in the browser: a reviewer's desk. The report is read, linted and drawn in this page only;
 * nothing is sent anywhere (the page makes no network request after it has loaded).
 */
import { forceLinting } from '@codemirror/lint';
import { micromark } from 'micromark';
import { lint } from '../src/index.js';
import { hover, type Analysis } from '../src/lsp/features.js';
import { LineIndex } from '../src/lsp/text.js';
import type { LintMessage } from '../src/types.js';
import { download, h } from './dom.js';
import { createEditor, type TextEditor } from './editor.js';
import { baseName, exportCsv, exportJson, exportXlsx, printView } from './export.js';
import { isLoaded } from './lazy.js';
import {
  acceptedNames,
  analyse,
  currentEnv,
  editable,
  encodingLabel,
  fileBytes,
  fixedText,
  loadConfigText,
  logicalLines,
  openFile,
  PRESETS,
  RULES,
  settings,
  settingsChanged,
  type OpenFile,
  type Switch,
} from './model.js';
import { placeOf, severityText } from './places.js';
import { drawReport, type Drawn } from './report-view.js';

const files: OpenFile[] = [];
let current: OpenFile | undefined;
let drawn: Drawn | undefined;
let editor: TextEditor | undefined;
let editorFile: OpenFile | undefined;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function status(text: string, error = false): void {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', error);
}

// ------------------------------------------------------------------ opening

async function openMany(list: Array<{ name: string; bytes: Uint8Array }>): Promise<void> {
  if (!list.length) return;
  status(`正在检查 ${list.length} 个文件……`);
  let last: OpenFile | undefined;
  for (const x of list) {
    const f = await openFile(x.name, x.bytes);
    files.push(f);
    last = f;
  }
  renderFileList();
  if (last) select(files[files.length - list.length]);
  status(`已打开 ${list.length} 个文件。${files.length > 1 ? `共 ${files.length} 个文件，见左侧列表。` : ''}`);
}

async function fromFileList(fl: FileList | File[]): Promise<void> {
  const list = await Promise.all([...fl].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  await openMany(list);
}

// ------------------------------------------------------------------ file list

function counts(f: OpenFile): string {
  const r = f.result;
  return `错误 ${r.errorCount}，警告 ${r.warningCount}`;
}

function renderFileList(): void {
  const ul = $('file-list');
  ul.replaceChildren(
    ...files.map((f) =>
      h(
        'li',
        {},
        h(
          'button',
          { class: `file${f === current ? ' current' : ''}`, 'data-file': f.name, 'aria-current': f === current ? 'true' : undefined, type: 'button' },
          h('span', { class: 'file-name' }, f.name + (f.edited ? '（已修改）' : '')),
          h('span', { class: `file-counts${f.result.errorCount ? ' has-errors' : ''}`, 'data-errors': String(f.result.errorCount), 'data-warnings': String(f.result.warningCount) }, counts(f)),
        ),
      ),
    ),
  );
  ul.querySelectorAll<HTMLButtonElement>('button.file').forEach((b, i) => b.addEventListener('click', () => select(files[i])));
  $('file-count').textContent = files.length ? `（${files.length}）` : '';
  const any = files.length > 0;
  for (const id of ['export-xlsx', 'export-print']) ($(id) as HTMLButtonElement).disabled = !any;
}

// ------------------------------------------------------------------ one file

function select(f: OpenFile): void {
  current = f;
  renderFileList();
  $('doc-name').textContent = f.name;
  $('doc-encoding').textContent = encodingLabel(f);
  const canEdit = editable(f);
  ($('tab-editor') as HTMLButtonElement).hidden = !canEdit;
  ($('fix-all') as HTMLButtonElement).disabled = !canEdit;
  ($('download-fixed') as HTMLButtonElement).disabled = !canEdit;
  ($('export-csv') as HTMLButtonElement).disabled = !f.parsed;
  ($('export-json') as HTMLButtonElement).disabled = !f.parsed;
  if (canEdit) mountEditor(f);
  else {
    editor?.view.destroy();
    editor = undefined;
    editorFile = undefined;
    showTab('report');
  }
  renderDoc();
}

function mountEditor(f: OpenFile): void {
  if (editorFile === f && editor) return;
  editor?.view.destroy();
  editorFile = f;
  const box = $('editor');
  box.replaceChildren();
  const original = f.text.replace(/\r\n?/g, '\n');
  editor = createEditor(box, original, (text) => {
    if (editorFile !== f) return f.result.messages;
    if (text !== (f.edited ? f.text : original)) {
      f.text = text;
      f.edited = text !== original;
      if (!f.edited) f.text = f.input!.text;
      analyse(f);
      if (current === f) {
        renderDoc();
        renderFileList();
      }
    }
    return f.edited ? f.result.messages : lintOfEditorText(f, text);
  });
}

/** The findings of the unedited file, for the editor (its text has \n line breaks; lines and columns are the same). */
function lintOfEditorText(f: OpenFile, text: string): LintMessage[] {
  if (text === f.text) return f.result.messages;
  const copy: OpenFile = { ...f, text };
  analyse(copy);
  return copy.result.messages;
}

function renderDoc(): void {
  const f = current;
  const view = $('report-view');
  const panel = $('findings');
  if (!f) return;
  drawn = f.parsed && !f.result.fatalErrorCount ? drawReport(f.parsed, f.result.messages, logicalLines(f)) : undefined;
  view.replaceChildren(drawn ? drawn.root : h('p', { class: 'empty' }, f.result.messages[0]?.message ?? '无法读取这个文件'));
  // findings marked on the report
  f.result.messages.forEach((m, i) => {
    const el = drawn?.target(m);
    if (!el) return;
    el.classList.add(m.severity === 2 ? 'f-error' : 'f-warn');
    el.dataset.findings = `${el.dataset.findings ? el.dataset.findings + ' ' : ''}${i}`;
    const label = `${severityText(m)}：${m.message}`;
    el.setAttribute('aria-description', (el.getAttribute('aria-description') ? el.getAttribute('aria-description') + '；' : '') + label);
    el.title = (el.title ? el.title + '\n' : '') + label;
  });
  renderFindings(f, panel);
  wireCells(f);
}

function renderFindings(f: OpenFile, panel: HTMLElement): void {
  const docx = logicalLines(f);
  const r = f.result;
  const groups = new Map<string, { order: number; items: Array<{ m: LintMessage; i: number }> }>();
  r.messages.forEach((m, i) => {
    const p = placeOf(m, f.parsed, docx);
    const key = p.section || '全文';
    const g = groups.get(key) ?? { order: p.section ? p.order : -1, items: [] };
    g.items.push({ m, i });
    groups.set(key, g);
  });
  const summary = h('p', { class: 'findings-summary', id: 'findings-summary' }, r.messages.length ? `${counts(f)}${r.fixableErrorCount + r.fixableWarningCount ? `，其中 ${r.fixableErrorCount + r.fixableWarningCount} 处可自动修复` : ''}` : '没有发现问题。');
  const out: HTMLElement[] = [summary];
  for (const [name, g] of [...groups].sort((a, b) => a[1].order - b[1].order)) {
    const list = h('ol', { class: 'finding-list' });
    for (const { m, i } of g.items) {
      const p = placeOf(m, f.parsed, docx);
      const sev = m.fatal || m.severity === 2 ? 'error' : m.ruleId === null ? 'info' : 'warn';
      const detail = m.expected !== undefined || m.actual !== undefined ? h('span', { class: 'finding-values' }, `应为 ${m.expected ?? '—'}，实际 ${m.actual === '' ? '（空白）' : m.actual ?? '—'}`) : '';
      const btn = h(
        'button',
        { type: 'button', class: `finding f-${sev}`, 'data-index': String(i), 'data-rule': m.ruleId ?? '', 'data-line': String(m.line), 'data-column': String(m.column), 'data-place': m.place?.text ?? '' },
        h('span', { class: 'finding-sev', 'aria-hidden': 'true' }, sev === 'error' ? '✖' : sev === 'warn' ? '▲' : 'ℹ'),
        h('span', { class: 'finding-sevtext' }, severityText(m)),
        h('span', { class: 'finding-msg' }, m.message),
        detail,
        h('span', { class: 'finding-where' }, [p.table, p.row, p.column].filter(Boolean).join(' · ') || p.where, [p.table, p.row, p.column].some(Boolean) ? `（${p.where}）` : ''),
        h('span', { class: 'finding-rule' }, m.ruleId ? `规则 ${m.ruleId}` : ''),
      );
      btn.addEventListener('click', () => showFinding(i));
      list.append(h('li', {}, btn));
    }
    out.push(h('section', { class: 'finding-group' }, h('h3', {}, `${name}（${g.items.length}）`), list));
  }
  panel.replaceChildren(...out);
}

/** Scroll to a finding's cell or sentence and highlight it, with the cells of the relation it is about. */
function showFinding(i: number): void {
  const f = current;
  if (!f || !drawn) return;
  const m = f.result.messages[i];
  document.querySelectorAll('.hl, .hl-related').forEach((e) => e.classList.remove('hl', 'hl-related'));
  document.querySelectorAll('.finding.selected').forEach((e) => e.classList.remove('selected'));
  document.querySelector(`.finding[data-index="${i}"]`)?.classList.add('selected');
  if ($('tab-editor').getAttribute('aria-selected') === 'true' && editor) {
    editor.reveal(m);
    return;
  }
  const el = drawn.target(m);
  for (const r of m.related ?? []) drawn.target(r)?.classList.add('hl-related');
  if (!el) {
    status('这条问题在报告中没有对应的格子或文字（例如缺少的部分）。');
    return;
  }
  el.classList.add('hl');
  el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.tabIndex = -1;
  el.focus({ preventScroll: true });
}

// ------------------------------------------------------------------ cell info (the language server's hover)

let cellFile: OpenFile | undefined;
function wireCells(f: OpenFile): void {
  cellFile = f;
}

function showCellInfo(e: Event): void {
    const f = cellFile;
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-offset]');
    if (!f || !cell || !f.parsed) return;
    const a: Analysis = { uri: f.name, version: 0, index: new LineIndex(f.text, 'utf-16'), result: f.result, parsed: f.parsed };
    const hv = hover(a, Number(cell.dataset.offset), RULES);
    const box = $('cell-info');
    if (!hv) return;
    const md = typeof hv.contents === 'object' && 'value' in hv.contents ? hv.contents.value : String(hv.contents);
    // links to the rules' pages are not followed from here: the page makes no network request
    box.innerHTML = micromark(md.replace(/\[(`[^`]*`)\]\([^)]*\)/g, '$1'));
    const found = (cell.dataset.findings ?? '').split(' ').filter(Boolean).map((i) => f.result.messages[Number(i)]);
    if (found.length) box.append(h('ul', { class: 'cell-findings' }, ...found.map((m) => h('li', { class: m.severity === 2 ? 'f-error' : 'f-warn' }, `${m.severity === 2 ? '✖ 错误' : '▲ 警告'}：${m.message}`))));
}

// ------------------------------------------------------------------ tabs

function showTab(which: 'report' | 'editor'): void {
  $('tab-report').setAttribute('aria-selected', String(which === 'report'));
  $('tab-editor').setAttribute('aria-selected', String(which === 'editor'));
  $('report-view').hidden = which !== 'report';
  $('editor').hidden = which !== 'editor';
  if (which === 'editor') editor?.view.requestMeasure();
}

// ------------------------------------------------------------------ settings

function renderSettings(): void {
  const box = $('rule-switches');
  box.replaceChildren();
  for (const [id, rule] of RULES) {
    const sel = h('select', { id: `rule-${id}`, 'data-rule': id });
    const def = rule.meta.severity === 'error' ? '错误' : '警告';
    for (const [v, t] of [['default', `默认（${def}）`], ['error', '错误'], ['warn', '警告'], ['off', '关闭']] as const) sel.append(h('option', { value: v }, t));
    sel.value = settings.switches[id] ?? 'default';
    sel.addEventListener('change', () => {
      settings.switches[id] = sel.value as Switch;
      relintAll();
    });
    const zh = rule.meta.description.zh;
    box.append(h('div', { class: 'switch' }, h('label', { for: `rule-${id}` }, h('code', {}, id), ' ', zh), sel));
  }
}

function relintAll(): void {
  settingsChanged();
  for (const f of files) analyse(f);
  renderFileList();
  if (current) {
    renderDoc();
    if (editor && editorFile === current) forceLinting(editor.view);
  }
  status('已按新的设置重新检查。');
}

// ------------------------------------------------------------------ wiring

function init(): void {
  const picker = $<HTMLInputElement>('file-input');
  picker.accept = acceptedNames();
  $('open').addEventListener('click', () => picker.click());
  picker.addEventListener('change', () => {
    if (picker.files) void fromFileList(picker.files).finally(() => (picker.value = ''));
  });
  // drop anywhere on the page
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', (e) => {
    if (e.target === document.documentElement || e.target === document.body) document.body.classList.remove('dragging');
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    document.body.classList.remove('dragging');
    if (e.dataTransfer?.files.length) void fromFileList(e.dataTransfer.files);
  });
  // paste
  const dlg = $<HTMLDialogElement>('paste-dialog');
  $('paste').addEventListener('click', () => dlg.showModal());
  $('paste-cancel').addEventListener('click', () => dlg.close());
  $('paste-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = $<HTMLTextAreaElement>('paste-text').value;
    const kind = $<HTMLSelectElement>('paste-kind').value;
    dlg.close();
    if (text.trim()) void openMany([{ name: `粘贴的报告${files.length + 1}${kind}`, bytes: new TextEncoder().encode(text) }]);
  });
  document.addEventListener('paste', (e) => {
    if ((e.target as HTMLElement).closest('.cm-editor, dialog, textarea, input')) return;
    const fl = e.clipboardData?.files;
    if (fl?.length) void fromFileList(fl);
    else {
      const text = e.clipboardData?.getData('text/plain');
      if (text?.trim()) void openMany([{ name: `粘贴的报告${files.length + 1}.txt`, bytes: new TextEncoder().encode(text) }]);
    }
  });
  // tabs
  $('tab-report').addEventListener('click', () => showTab('report'));
  $('tab-editor').addEventListener('click', () => showTab('editor'));
  // fixing
  $('fix-all').addEventListener('click', () => {
    if (!current || !editable(current) || !editor) return;
    const before = current.result.messages.length;
    const fixed = fixedText({ ...current, text: editor.view.state.doc.toString() });
    if (fixed === editor.view.state.doc.toString()) return status('没有可以自动修复的问题。');
    editor.setText(fixed);
    status(`已修复可自动修复的问题（修复前 ${before} 条）；请下载修正后的文件。`);
  });
  $('download-fixed').addEventListener('click', () => {
    if (!current || !editable(current)) return;
    if (editor && editorFile === current) {
      const text = editor.view.state.doc.toString();
      if (text !== current.text) {
        current.text = text;
        current.edited = text !== current.input!.text.replace(/\r\n?/g, '\n');
        if (!current.edited) current.text = current.input!.text;
        analyse(current);
      }
    }
    try {
      download(current.name, fileBytes(current), 'application/octet-stream');
      status(`已下载 ${current.name}（${encodingLabel(current)}，与原文件相同）。`);
    } catch (e) {
      status(`无法按原编码保存：${e instanceof Error ? e.message : e}`, true);
    }
  });
  // export
  $('export-xlsx').addEventListener('click', () => {
    status('正在生成审核意见表……');
    exportXlsx(files).then(
      () => status('已导出审核意见表（.xlsx）。'),
      (e) => status(`无法导出：${e instanceof Error ? e.message : e}`, true),
    );
  });
  $('export-print').addEventListener('click', () => {
    $('print-view').replaceChildren(printView(files));
    window.print();
  });
  $('export-csv').addEventListener('click', () => current && (exportCsv(current) || status('这个文件没有可导出的表格数据。', true)));
  $('export-json').addEventListener('click', () => current && (exportJson(current) || status('这个文件没有可导出的表格数据。', true)));
  // settings
  const preset = $<HTMLSelectElement>('preset');
  for (const name of Object.keys(PRESETS)) preset.append(h('option', { value: name }, name === 'report-lint:strict' ? '严格（所有规则都算错误）' : '推荐（默认）'));
  preset.addEventListener('change', () => {
    settings.preset = preset.value;
    relintAll();
  });
  const format = $<HTMLSelectElement>('force-format');
  format.addEventListener('change', () => {
    settings.format = format.value as typeof settings.format;
    relintAll();
  });
  const cfg = $<HTMLInputElement>('config-input');
  $('load-config').addEventListener('click', () => cfg.click());
  cfg.addEventListener('change', async () => {
    const file = cfg.files?.[0];
    cfg.value = '';
    if (!file) return;
    try {
      settings.config = loadConfigText(file.name, await file.text());
      $('config-name').textContent = `已载入 ${file.name}${settings.config.ignored.length ? `；页面中不适用、已忽略：${settings.config.ignored.join('、')}` : ''}`;
      relintAll();
    } catch (e) {
      status(e instanceof Error ? e.message : String(e), true);
    }
  });
  $('clear-config').addEventListener('click', () => {
    settings.config = undefined;
    $('config-name').textContent = '未载入';
    relintAll();
  });
  $('report-view').addEventListener('mouseover', showCellInfo);
  $('report-view').addEventListener('focusin', showCellInfo);
  renderSettings();
  renderFileList();
  showTab('report');
}

// for the tests and the benchmark: the page's own lint, and what has been loaded
Object.assign(globalThis, {
  reportLintPage: {
    /** true once the engine has been made ready after load */
    ready: false,
    files,
    lazyLoaded: isLoaded,
    openText: (name: string, text: string) => openMany([{ name, bytes: new TextEncoder().encode(text) }]),
    openBytes: (name: string, bytes: Uint8Array) => openMany([{ name, bytes }]),
    baseName,
    /** lint() of a text in this page, timed (the benchmark, bench/web.mjs) */
    lintTimed: (name: string, text: string) => {
      const t0 = performance.now();
      const r = lint(text, { filePath: name, env: currentEnv() });
      return { ms: performance.now() - t0, findings: r.messages.length };
    },
    /** the editor of the current text report (CodeMirror's EditorView) */
    editorView: () => editor?.view,
  },
});

init();

// make the engine ready while the person looks at the page: rules resolved, formats and dictionary built, option
// schemas compiled, the readers' code run once (a few tenths of a second, once); a report opened then is linted at once
setTimeout(() => {
  try {
    lint('某某局2021年政府信息公开工作年度报告\n一、总体情况\n本年度，我局……\n三、收到和处理政府信息公开申请情况\n', { filePath: 'warm-up.txt', env: currentEnv() });
    lint('<html><body><h1>年度报告</h1><p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table></body></html>', { filePath: 'warm-up.html', env: currentEnv(), kind: 'html' });
  } finally {
    (globalThis as unknown as { reportLintPage: { ready: boolean } }).reportLintPage.ready = true;
  }
}, 0);
