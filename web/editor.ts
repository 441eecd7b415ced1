/**
 * The editor pane for text reports (.txt, .md): CodeMirror 6 with its lint extension. It re-lints as you type
 * (the page's lint(), the same as the command line's) and offers each finding's fix and suggestions.
 */
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { linter, lintGutter, lintKeymap, type Action, type Diagnostic } from '@codemirror/lint';
import type { Fix, LintMessage } from '../src/types.js';

export interface TextEditor {
  view: EditorView;
  setText(text: string): void;
  /** put the cursor on a finding and show it */
  reveal(m: LintMessage): void;
}

/** LintMessage (1-based line and UTF-16 column) → an offset of the editor's document. */
function pos(state: EditorState, line: number, column: number): number {
  const l = state.doc.line(Math.max(1, Math.min(line, state.doc.lines)));
  return Math.min(l.from + Math.max(0, column - 1), l.to);
}

function fixTitle(doc: string, fix: Fix): string {
  const old = doc.slice(fix.range[0], fix.range[1]);
  if (!fix.text) return `删除「${old}」`;
  if (!old) return `插入「${fix.text}」`;
  return `改为「${fix.text}」`;
}

const apply = (fix: Fix) => (view: EditorView) => view.dispatch({ changes: { from: fix.range[0], to: fix.range[1], insert: fix.text } });

/**
 * `check(text)` lints the editor's text (\n line breaks) and returns its findings; fixes' ranges are offsets
 * into that same text, which are the editor's positions.
 */
export function createEditor(parent: HTMLElement, text: string, check: (text: string) => LintMessage[]): TextEditor {
  const source = (view: EditorView): Diagnostic[] => {
    const doc = view.state.doc.toString();
    return check(doc).map((m) => {
      const from = pos(view.state, m.line, m.column);
      const to = Math.max(from, pos(view.state, m.endLine, m.endColumn));
      const actions: Action[] = [];
      if (m.fix) actions.push({ name: fixTitle(doc, m.fix), apply: (v) => apply(m.fix!)(v) });
      for (const s of m.suggestions ?? []) actions.push({ name: s.desc, apply: (v) => apply(s.fix)(v) });
      return {
        from,
        to,
        severity: m.fatal || m.severity === 2 ? 'error' : m.ruleId === null ? 'info' : 'warning',
        source: m.ruleId ?? 'report-lint',
        message: m.message + (m.expected !== undefined ? `（应为 ${m.expected}，实际 ${m.actual ?? ''}）` : ''),
        actions,
      };
    });
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        EditorView.lineWrapping,
        keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
        linter(source, { delay: 250 }),
        lintGutter(),
        EditorView.contentAttributes.of({ 'aria-label': '报告原文（可编辑）', lang: 'zh-CN' }),
      ],
    }),
  });
  return {
    view,
    setText(t: string) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
    },
    reveal(m: LintMessage) {
      const from = pos(view.state, m.line, m.column);
      const to = Math.max(from, pos(view.state, m.endLine, m.endColumn));
      view.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y: 'center' }) });
      view.focus();
    },
  };
}
