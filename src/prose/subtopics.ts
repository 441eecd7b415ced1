/**
 * The sub-topics of 总体情况 (主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障) numbered as top-level sections
 * (一、二、…), which pushes the statutory sections out of place: one diagnosis (subtopic-as-section), and the
 * section-order, section-missing and label-variant findings it explains are left out by those rules.
 *
 * Both must hold: at least two top-level headings (recognised as sections or left as paragraphs) name a sub-topic,
 * and the top-level numbering restarts (a second 一、) or a statutory section is numbered one lower than the format.
 */
import type { Format } from '../format/formats.js';
import type { Label, Paragraph, Report, Section } from '../types.js';
import { cnNumber } from './markers.js';
import { normalizeLabel } from '../text/normalize.js';

export interface SubtopicLayout {
  /** the sub-topic headings, in order */
  headings: Array<{ node: Label | Paragraph; number: string; title: string }>;
  /** sections taken by the parser for a sub-topic heading (一、主动公开工作情况 read as 二、主动公开政府信息情况) */
  subtopicSections: Set<Section>;
  /** statutory sections numbered one lower than the format because of the shift */
  shifted: Set<Section>;
  /** the section id of 总体情况, which has no heading of its own then */
  overviewId?: string;
}

const SUBTOPIC = /^(主动公开(政府信息)?(工作)?(情况|方面)?|依申请公开(政府信息)?(工作)?(情况|方面)?|政府信息(公开)?管理(工作)?(情况|方面)?|(政府信息公开)?平台(载体)?建设(工作)?(情况|方面)?|监督保障(工作)?(情况|方面)?|工作机制(保障)?(建设)?(情况|方面)?|组织领导(情况|方面)?)$/;
const TOP = /^([一二三四五六七八九十]{1,2})\s*[、.．]\s*(\S.{0,30})$/;

const cache = new WeakMap<Report, { format: Format; result: SubtopicLayout | undefined }>();

export function subtopicLayout(report: Report, format: Format): SubtopicLayout | undefined {
  const hit = cache.get(report);
  if (hit && hit.format === format) return hit.result;
  const result = compute(report, format);
  cache.set(report, { format, result });
  return result;
}

function compute(report: Report, format: Format): SubtopicLayout | undefined {
  const headings: SubtopicLayout['headings'] = [];
  const subtopicSections = new Set<Section>();
  const numbers: string[] = [];
  const secs = report.children.filter((c): c is Section => c.type === 'section');
  const statutory = new Set(format.data.sections.map((x) => normalizeLabel(x.title)));
  const consider = (node: Label | Paragraph, text: string, section?: Section) => {
    const m = TOP.exec(text.trim());
    if (!m) return;
    numbers.push(m[1]);
    const title = m[2].replace(/[。：:；;，,].*$/, '').trim();
    if (!SUBTOPIC.test(title) || statutory.has(normalizeLabel(title))) return;
    headings.push({ node, number: m[1], title });
    if (section) subtopicSections.add(section);
  };
  for (const c of report.children) {
    if (c.type === 'paragraph') consider(c, c.value);
    else if (c.type === 'section') {
      consider(c.heading, c.heading.value, c);
      for (const p of c.children) if (p.type === 'paragraph' && p.value.length <= 30) consider(p, p.value);
    }
  }
  if (headings.length < 2) return undefined;
  // the statutory sections after the sub-topics
  const lastSub = headings[headings.length - 1].node.position.start.offset!;
  const shifted = new Set<Section>();
  for (const s of secs) {
    if (subtopicSections.has(s) || s.heading.position.start.offset! <= lastSub || !s.sectionId) continue;
    const want = format.section(s.sectionId);
    if (want && cnNumber(want.number) === (cnNumber(s.number) ?? 0) + 1) shifted.add(s);
  }
  const restart = numbers.indexOf('一') !== numbers.lastIndexOf('一');
  if (!restart && !shifted.size) return undefined;
  const overviewId = format.data.sections[0]?.id;
  return { headings, subtopicSections, shifted, overviewId };
}
