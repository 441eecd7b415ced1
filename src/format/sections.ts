/**
 * Section headings as people really write them, recovered on the skeleton of every kind of input:
 *
 * - a heading run on with its first sentence in one paragraph (一、总体情况。2023年，我局…): the heading, then
 *   the rest as the section's first paragraph (text files do this while reading; pages and Word files here);
 * - sub-topics numbered like sections (一、主动公开情况 … inside 总体情况, then the real 二、主动公开政府信息情况): a
 *   heading that matches a section only loosely and whose number goes back, or whose section has an exact
 *   heading elsewhere, is a paragraph of the section it stands in;
 * - a heading worded otherwise (五、存在的不足和下一步工作打算): a short numbered line with the number of a section
 *   that is missing, standing right where that section belongs (after the section before it, before the one
 *   after it), is that section; label-variant says how its wording differs.
 */
import type { Format } from './formats.js';
import { recognizer } from './recognize.js';
import type { Paragraph } from '../types.js';
import { chineseNumeralValue } from '../text/normalize.js';
import type { HeadingMatch, RawTable, SectionDraft, Skeleton } from '../skeleton.js';

type Block = { kind: 'heading'; draft: SectionDraft } | { kind: 'node'; node: Paragraph | RawTable };

const RUN_ON = /[。：:；;，,]/;
const NUMBERED = /^([一二三四五六七八九十]{1,2})\s*[、.．]\s*(\S.*)$/;
const SENTENCE_END = /[。；;！？!?]/;

export function recoverSections(skel: Skeleton, formats: readonly Format[]): void {
  const blocks: Block[] = [...skel.preamble.map((p) => ({ kind: 'node' as const, node: p }))];
  for (const s of skel.sections) {
    blocks.push({ kind: 'heading', draft: s });
    for (const c of s.children) blocks.push({ kind: 'node', node: c });
  }
  let changed = splitRunOn(blocks, skel, formats);
  changed = demoteSubTopics(blocks) || changed;
  changed = promoteReworded(blocks, formats) || changed;
  if (!changed) return;
  // rebuild the preamble and the sections from the blocks
  const preamble: Paragraph[] = [];
  const sections: SectionDraft[] = [];
  let cur: SectionDraft | undefined;
  for (const b of blocks) {
    if (b.kind === 'heading') {
      cur = { ...b.draft, children: [] };
      sections.push(cur);
    } else if (cur) cur.children.push(b.node);
    else if (b.node.type === 'paragraph') preamble.push(b.node);
  }
  for (const s of sections) {
    const last = s.children[s.children.length - 1];
    s.position = { start: s.heading.position.start, end: last ? last.position.end : s.heading.position.end };
  }
  skel.preamble = preamble;
  skel.sections = sections;
}

function heading(p: Paragraph, end: number, skel: Skeleton, m: HeadingMatch | undefined, verbatim: boolean): SectionDraft {
  const start = p.position.start.offset!;
  const position = verbatim ? skel.source.position(start, start + end) : p.position;
  const label = { type: 'label' as const, value: p.value.slice(0, end), position };
  return { ...m!, heading: label, children: [], position };
}

/** 一、总体情况。2023年，我局… in one paragraph: the heading (the format's exactly), then a paragraph. */
function splitRunOn(blocks: Block[], skel: Skeleton, formats: readonly Format[]): boolean {
  let changed = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== 'node' || b.node.type !== 'paragraph') continue;
    const p = b.node;
    if (!NUMBERED.test(p.value.slice(0, 40))) continue;
    const cut = RUN_ON.exec(p.value);
    if (!cut || cut.index > 40) continue;
    const head = p.value.slice(0, cut.index).trimEnd();
    const m = recognizer(formats).heading(head);
    if (m?.titleMatch?.kind !== 'exact') continue;
    const start = p.position.start.offset!;
    const verbatim = skel.source.text.slice(start, p.position.end.offset!) === p.value;
    const restAt = cut.index + 1 + (p.value.slice(cut.index + 1).length - p.value.slice(cut.index + 1).trimStart().length);
    const rest = p.value.slice(restAt).trimEnd();
    const out: Block[] = [{ kind: 'heading', draft: heading(p, head.length, skel, m, verbatim) }];
    if (rest) {
      const position = verbatim ? skel.source.position(start + restAt, start + restAt + rest.length) : p.position;
      out.push({ kind: 'node', node: { type: 'paragraph', value: rest, position } });
    }
    blocks.splice(i, 1, ...out);
    changed = true;
  }
  return changed;
}

/** Headings that match a section only loosely and number backwards, or whose section has an exact heading: paragraphs. */
function demoteSubTopics(blocks: Block[]): boolean {
  const exactIds = new Set<string>();
  for (const b of blocks) if (b.kind === 'heading' && b.draft.titleMatch?.kind === 'exact' && b.draft.sectionId) exactIds.add(b.draft.sectionId);
  let changed = false;
  let last = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind !== 'heading') continue;
    const d = b.draft;
    const loose = d.titleMatch?.kind !== 'exact';
    if (loose && ((d.sectionId && exactIds.has(d.sectionId)) || d.index <= last)) {
      blocks[i] = { kind: 'node', node: { type: 'paragraph', value: d.heading.value, position: d.heading.position } };
      changed = true;
      continue;
    }
    last = d.index;
  }
  return changed;
}

/** 五、存在的不足和下一步工作打算 where section 五 belongs and is missing: section 五. */
function promoteReworded(blocks: Block[], formats: readonly Format[]): boolean {
  const order = formats[0]?.data.sections ?? [];
  if (!order.length) return false;
  const present = new Set<number>();
  for (const b of blocks) if (b.kind === 'heading') present.add(b.draft.index);
  let changed = false;
  for (let n = 2; n <= order.length; n++) {
    if (present.has(n) || !present.has(n - 1)) continue;
    // the section before it, and the one after it (or the end of the report for the last section)
    const from = blocks.findIndex((b) => b.kind === 'heading' && b.draft.index === n - 1);
    let to = blocks.findIndex((b, k) => k > from && b.kind === 'heading');
    if (to < 0) to = blocks.length;
    const next = to < blocks.length ? (blocks[to] as { draft: SectionDraft }).draft.index : undefined;
    if (next !== undefined ? next !== n + 1 : n !== order.length) continue;
    const candidates: number[] = [];
    for (let k = from + 1; k < to; k++) {
      const b = blocks[k];
      if (b.kind !== 'node' || b.node.type !== 'paragraph') continue;
      const v = b.node.value.trim();
      const m = NUMBERED.exec(v);
      if (!m || v.length > 40 || SENTENCE_END.test(v)) continue;
      if (chineseNumeralValue(m[1]) === n) candidates.push(k);
    }
    if (candidates.length !== 1) continue;
    const k = candidates[0];
    const p = (blocks[k] as { node: Paragraph }).node;
    const want = order[n - 1];
    const m = NUMBERED.exec(p.value.trim())!;
    blocks[k] = {
      kind: 'heading',
      draft: {
        type: 'section',
        number: m[1],
        index: n,
        sectionId: want.id,
        titleText: m[2].trim(),
        titleMatch: { kind: 'variant', canonical: want.title, distance: -1 },
        heading: { type: 'label', value: p.value, position: p.position },
        children: [],
        position: p.position,
      },
    };
    present.add(n);
    changed = true;
  }
  return changed;
}
