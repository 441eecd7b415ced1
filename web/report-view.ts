/**
 * The report drawn as a document: title, sections, paragraphs, and each table as a grid like the official
 * format (merged header cells, row labels, the numbers as written). Every drawn piece remembers its span in the
 * linted text, so that a finding can be put on its cell, label or sentence.
 */
import type { FormatTable } from '../src/format/formats.js';
import type { ParsedReport } from '../src/engine/run.js';
import type { Cell, HeaderRow, Label, LintMessage, Paragraph, RelatedLocation, Row, Section, Table } from '../src/types.js';
import { h } from './dom.js';

export interface Drawn {
  root: HTMLElement;
  /** the element a finding (or a related place) is about */
  target(m: LintMessage | RelatedLocation): HTMLElement | undefined;
}

interface Span {
  start: number;
  end: number;
  el: HTMLElement;
}

const start = (n: { position: { start: { offset?: number } } }) => n.position.start.offset ?? 0;
const end = (n: { position: { end: { offset?: number } } }) => n.position.end.offset ?? 0;

export function drawReport(parsed: ParsedReport, messages: LintMessage[], docx: boolean): Drawn {
  const { report, format, source } = parsed;
  const spans: Span[] = [];
  const cells = new Map<string, HTMLElement>();
  const rowLabels = new Map<string, HTMLElement>();
  const note = (n: { position: { start: { offset?: number }; end: { offset?: number } } }, el: HTMLElement) => {
    spans.push({ start: start(n), end: end(n), el });
    return el;
  };
  const offsetOf = (m: { line: number; column: number }) => source.offset(m.line, m.column);
  // the findings that fall in each paragraph, to mark their words
  const inSpan = (s: number, e: number) => messages.filter((m) => m.ruleId && !m.fatal && offsetOf(m) >= s && offsetOf(m) <= e);

  const root = h('article', { class: 'report', lang: 'zh-CN' });
  root.append(h('p', { class: 'format-note' }, `按${format.data.name}（${format.short} 年版）检查${report.year ? `（报告年度 ${report.year}）` : ''}`));
  if (report.title) root.append(note(report.title, h('h1', { class: 'r-title', tabindex: '-1' }, report.title.value)));

  const paragraph = (p: Paragraph) => {
    const el = h('p', { class: 'r-para', tabindex: '-1' });
    const s = start(p);
    const written = source.text.slice(s, end(p));
    // words of a finding marked where the paragraph is the text as written (text reports); else the paragraph
    const marks = written === p.value && !docx ? inSpan(s, end(p)) : [];
    let at = 0;
    const ranges = marks
      .map((m) => [offsetOf(m) - s, source.offset(m.endLine, m.endColumn) - s, m] as const)
      .filter(([a, b]) => b > a)
      .sort((x, y) => x[0] - y[0]);
    for (const [a, b, m] of ranges) {
      if (a < at) continue;
      el.append(p.value.slice(at, a));
      const mark = h('mark', { class: `r-word ${m.severity === 2 ? 'f-error' : 'f-warn'}`, tabindex: '-1' }, p.value.slice(a, b));
      spans.push({ start: s + a, end: s + b, el: mark });
      el.append(mark);
      at = b;
    }
    el.append(p.value.slice(at));
    return note(p, el);
  };

  const section = (sec: Section) => {
    const fs = sec.sectionId ? format.section(sec.sectionId) : undefined;
    const el = h('section', { class: 'r-section', 'data-section': sec.sectionId ?? '' });
    el.append(note(sec.heading, h('h2', { class: 'r-heading', tabindex: '-1', title: fs ? `格式：${fs.number}、${fs.title}` : '格式中没有这一部分' }, sec.heading.value)));
    for (const c of sec.children) el.append(c.type === 'table' ? table(c) : paragraph(c));
    return note(sec, el);
  };

  const table = (t: Table) => {
    const ft = t.tableId ? format.table(t.tableId) : undefined;
    const wrap = h('div', { class: 'r-table-wrap' });
    if (t.caption) wrap.append(note(t.caption, h('p', { class: 'r-caption', tabindex: '-1' }, t.caption.value)));
    else if (ft?.caption) wrap.append(h('p', { class: 'r-caption' }, ft.caption));
    const grid = h('table', { class: 'r-table', 'data-table': t.tableId ?? '' });
    if (ft) formatGrid(t, ft, grid);
    else writtenGrid(t, grid);
    wrap.append(note(t, grid));
    return wrap;
  };

  /** a label cell: the label as written where the report has one */
  const labelCell = (tag: 'th' | 'td', label: Label | undefined, fallback: string, attrs: Record<string, string> = {}, header = false) => {
    // a header label the reader did not tie to this column (labels repeated in groups) is drawn as the format's, not greyed
    const el = h(tag, { class: `r-label${label || header ? '' : ' r-absent'}`, tabindex: '-1', ...attrs }, label ? label.value.trim() : fallback);
    if (label) note(label, el);
    return el;
  };

  const ownLabels = (r: Row): Label[] => r.labels.filter((l) => !r.groupMatches.some((g) => g.label === l));

  const valueCell = (t: Table, r: Row, c: Cell | undefined, columnId: string | undefined) => {
    if (!c) return h('td', { class: 'r-cell r-absent', title: '报告中没有这一格' }, '—');
    const el = h('td', {
      class: `r-cell r-${c.status}`,
      tabindex: '0',
      'data-table': t.tableId ?? '',
      'data-row': r.rowId ?? '',
      'data-column': columnId ?? '',
      'data-offset': String(start(c)),
    }, c.raw.trim());
    if (t.tableId && r.rowId && columnId && !cells.has(`${t.tableId}.${r.rowId}.${columnId}`)) cells.set(`${t.tableId}.${r.rowId}.${columnId}`, el);
    return note(c, el);
  };

  const formatGrid = (t: Table, ft: FormatTable, grid: HTMLElement) => {
    const rows = ft.rows;
    const parentOf = new Map(rows.map((r) => [r.id, r.parent]));
    const chain = (id: string): string[] => {
      const out = [id];
      for (let p = parentOf.get(id); p; p = parentOf.get(p)) out.unshift(p);
      return out;
    };
    const dataRows = rows.filter((r) => r.data);
    const depth = Math.max(1, ...dataRows.map((r) => chain(r.id).length));
    const unlabelled = dataRows.every((r) => r.label === null);
    const labelCols = unlabelled ? 0 : depth;

    // header: written labels where they matched the format's, the format's labels elsewhere
    const written = new Map<string, Label>();
    for (const hr of t.header as HeaderRow[]) hr.cells.forEach((cell, i) => {
      const id = hr.matches?.[i]?.id;
      if (id && !written.has(id)) written.set(id, cell);
    });
    const thead = h('thead');
    const grouped = ft.columns.some((c) => c.group);
    const top = h('tr');
    if (labelCols) top.append(labelCell('th', written.get('label_header') ?? written.get('corner_note'), ft.labelHeader ?? ft.cornerNote ?? '', { colspan: String(labelCols), rowspan: grouped ? '2' : '1', scope: 'col' }, true));
    const second = h('tr');
    for (let i = 0; i < ft.columns.length; ) {
      const c = ft.columns[i];
      if (!c.group) {
        top.append(labelCell('th', written.get(c.id), c.label, { rowspan: grouped ? '2' : '1', scope: 'col' }, true));
        i++;
        continue;
      }
      let j = i;
      while (j < ft.columns.length && ft.columns[j].group === c.group) j++;
      const g = ft.columnGroups?.find((x) => x.id === c.group);
      top.append(labelCell('th', written.get(c.group!), g?.label ?? c.group!, { colspan: String(j - i), scope: 'colgroup' }, true));
      for (let k = i; k < j; k++) second.append(labelCell('th', written.get(ft.columns[k].id), ft.columns[k].label, { scope: 'col' }, true));
      i = j;
    }
    thead.append(top);
    if (grouped) thead.append(second);
    grid.append(thead);

    const tbody = h('tbody');
    const byId = new Map<string, Row>();
    for (const r of t.children) if (r.rowId && !byId.has(r.rowId)) byId.set(r.rowId, r);
    const under = (id: string) => dataRows.filter((r) => chain(r.id).includes(id)).length;
    // a group label as written: on the first row under it, or wherever the reader found it
    const groupLabel = (r: Row | undefined, groupId: string): Label | undefined =>
      r?.groupMatches.find((g) => g.match?.id === groupId)?.label ?? t.children.flatMap((x) => x.groupMatches).find((g) => g.match?.id === groupId)?.label;
    const opened = new Set<string>();
    for (const fr of dataRows) {
      const r = byId.get(fr.id);
      const tr = h('tr', { 'data-row': fr.id });
      const ch = chain(fr.id);
      if (labelCols) {
        for (let k = 0; k < ch.length - 1; k++) {
          const gid = ch[k];
          if (opened.has(gid)) continue;
          opened.add(gid);
          const g = rows.find((x) => x.id === gid)!;
          tr.append(labelCell('th', groupLabel(r, gid), g.label ?? '', { rowspan: String(under(gid)), scope: 'rowgroup' }));
        }
        // the row's own label as written (its pieces joined, when it was broken over lines)
        const own = r ? ownLabels(r) : [];
        const el = labelCell('th', own[0], fr.label ?? '', { colspan: String(labelCols - ch.length + 1), scope: 'row' });
        if (r && own.length) {
          el.textContent = r.label.trim();
          for (const l of own.slice(1)) note(l, el);
        }
        if (!r) el.title = '报告中没有这一行';
        if (t.tableId) rowLabels.set(`${t.tableId}.${fr.id}`, el);
        tr.append(el);
      }
      if (r && r.foundCells === r.expectedCells) {
        for (const col of ft.columns) tr.append(valueCell(t, r, r.children.find((c) => c.columnId === col.id), col.id));
      } else if (r) {
        // cells that cannot be told apart: as written, in one stretch
        const td = h('td', { class: 'r-cell r-unbound', colspan: String(ft.columns.length), tabindex: '0', title: `这一行有 ${r.foundCells} 个数字格，格式要求 ${r.expectedCells} 个` });
        for (const c of r.children) td.append(note(c, h('span', { class: `r-piece r-${c.status}`, 'data-offset': String(start(c)) }, c.raw.trim() || '␣')));
        note(r, td);
        tr.append(td);
      } else {
        for (let k = 0; k < ft.columns.length; k++) tr.append(h('td', { class: 'r-cell r-absent' }, ''));
        tr.classList.add('r-missing-row');
      }
      if (r) note(r, tr);
      tbody.append(tr);
    }
    // rows the format does not know, as written
    for (const r of t.children) {
      if (r.rowId) continue;
      const tr = h('tr', { class: 'r-unknown-row' });
      if (labelCols) tr.append(labelCell('th', r.labels[r.labels.length - 1], r.label, { colspan: String(labelCols), scope: 'row', title: '格式中没有这一行' }));
      const td = h('td', { class: 'r-cell r-unbound', colspan: String(ft.columns.length) });
      for (const c of r.children) td.append(note(c, h('span', { class: `r-piece r-${c.status}` }, c.raw.trim() || '␣')));
      tr.append(td);
      tbody.append(note(r, tr));
    }
    grid.append(tbody);
  };

  const writtenGrid = (t: Table, grid: HTMLElement) => {
    const thead = h('thead');
    for (const hr of t.header) {
      const tr = h('tr');
      for (const c of hr.cells) tr.append(labelCell('th', c, ''));
      thead.append(tr);
    }
    grid.append(thead);
    const tbody = h('tbody');
    for (const r of t.children) {
      const tr = h('tr');
      tr.append(labelCell('th', r.labels[r.labels.length - 1], r.label, { scope: 'row' }));
      for (const c of r.children) tr.append(valueCell(t, r, c, c.columnId));
      tbody.append(note(r, tr));
    }
    grid.append(tbody);
  };

  for (const c of report.children) {
    if (c.type === 'section') root.append(section(c));
    else if (c.type === 'table') root.append(table(c));
    else root.append(paragraph(c));
  }

  /** the smallest drawn piece whose span holds the offset */
  const innermost = (o: number): HTMLElement | undefined => {
    let best: Span | undefined;
    for (const s of spans) if (o >= s.start && o <= s.end && (!best || s.end - s.start < best.end - best.start)) best = s;
    return best?.el;
  };
  const coarse = (el: HTMLElement | undefined) => !el || el.tagName === 'SECTION' || el.tagName === 'TABLE' || el.tagName === 'TR';
  const target = (m: LintMessage | RelatedLocation) => {
    const loc = m.location;
    const byLoc = loc?.table && loc.row && loc.column ? cells.get(`${loc.table}.${loc.row}.${loc.column}`) : undefined;
    // a .docx has logical lines (the paragraph or table): its cells are found by their place in the format
    if (docx && byLoc) return byLoc;
    const at = innermost(offsetOf(m));
    if (!coarse(at)) return at;
    if (byLoc) return byLoc;
    if (loc?.table && loc.row) return rowLabels.get(`${loc.table}.${loc.row}`) ?? at;
    return at;
  };
  return { root, target };
}
