/**
 * Whether a report's tables are written in another format than the one its year calls for (a 2021 report in the
 * 2019 format, or the reverse). Read once per report; used by the format-year rule, and by label-variant, which
 * must not offer to rewrite the labels of such tables into the wording of the wrong format.
 *
 * A label counts when it is exactly a label of the other format (in the same section) and not exactly a label of
 * the report's format: labels both formats share (本年新收政府信息公开申请数量 …) say nothing.
 */
import type { Format } from '../format/formats.js';
import { builtinFormats } from '../format/formats.js';
import type { Label, Report, Table } from '../types.js';
import { normalizeLabel, stripEnumerator } from '../text/normalize.js';
import type { ReportIdentity } from './identity.js';

export interface FormatMismatch {
  /** the report's year, and where it was read */
  year: number;
  yearFrom: 'title' | 'period';
  /** the format whose labels the tables carry */
  other: Format;
  /** the labels of the other format, first occurrence of each wording, in order */
  labels: Label[];
  /** the tables those labels are in */
  tables: Set<Table>;
}

/** At least this many distinct wordings of the other format before anything is said. */
const MIN_LABELS = 2;

const cache = new WeakMap<Report, { format: Format; result: FormatMismatch | undefined }>();

/**
 * The other format a report's tables are written in, when its year (from the title or the 统计期限; a year read
 * only from a date is not enough) calls for `format`. Undefined when the format was forced or chosen by structure.
 */
export function formatMismatch(report: Report, format: Format, identity: ReportIdentity, formats: readonly Format[] = builtinFormats()): FormatMismatch | undefined {
  const hit = cache.get(report);
  if (hit && hit.format === format) return hit.result;
  const result = compute(report, format, identity, formats);
  cache.set(report, { format, result });
  return result;
}

function compute(report: Report, format: Format, identity: ReportIdentity, formats: readonly Format[]): FormatMismatch | undefined {
  if (report.formatReason !== 'year') return undefined;
  const p = identity.period;
  const periodYear = p?.from && p.to && p.from.year === p.to.year ? p.from.year : p?.wholeYear;
  const year = identity.title?.year ?? periodYear;
  if (year === undefined || !format.appliesTo(year)) return undefined;
  const yearFrom = identity.title?.year !== undefined ? 'title' : 'period';
  let best: FormatMismatch | undefined;
  for (const other of formats) {
    if (other.appliesTo(year) || other.id === format.id) continue;
    const labels: Label[] = [];
    const tables = new Set<Table>();
    const seen = new Set<string>();
    for (const s of report.children) {
      if (s.type !== 'section' || !s.sectionId) continue;
      if (!other.tablesOf(s.sectionId).length) continue;
      for (const t of s.children) {
        if (t.type !== 'table') continue;
        for (const label of labelsOf(t)) {
          const norm = normalizeLabel(label.value);
          if (!norm || seen.has(norm)) continue;
          if (!exactIn(other, s.sectionId, norm) || exactIn(format, s.sectionId, norm)) continue;
          seen.add(norm);
          labels.push(label);
          tables.add(t);
        }
      }
    }
    if (labels.length >= MIN_LABELS && (!best || labels.length > best.labels.length)) best = { year, yearFrom, other, labels, tables };
  }
  return best;
}

/** Whether a label, in a section, is written exactly as the other format of a mismatch writes it. */
export function isOtherFormatLabel(m: FormatMismatch, sectionId: string | undefined, text: string): boolean {
  return sectionId !== undefined && exactIn(m.other, sectionId, normalizeLabel(text));
}

/** A format named by its first year and its notice: 2019 年格式（国办公开办函〔2019〕60号）. */
export function formatName(f: Format): string {
  const doc = /国办公开办函〔\d+〕\d+号/.exec(f.data.notice ?? '');
  return `${f.short} 年格式${doc ? `（${doc[0]}）` : ''}`;
}

function labelsOf(t: Table): Label[] {
  const out: Label[] = [];
  for (const h of t.header) out.push(...h.cells);
  for (const r of t.children) {
    out.push(...r.labels);
    for (const g of r.groupMatches) out.push(g.label);
  }
  return out;
}

/** The exact wordings (normalised, with and without their enumerator) of a format's labels, by section. */
const exactSets = new WeakMap<Format, Map<string, Set<string>>>();

/** Whether a normalised label is written exactly as one of the format's labels of that section. */
function exactIn(f: Format, sectionId: string, n: string): boolean {
  let bySection = exactSets.get(f);
  if (!bySection) {
    bySection = new Map();
    for (const t of f.data.tables) {
      let set = bySection.get(t.section);
      if (!set) bySection.set(t.section, (set = new Set()));
      const all = [
        ...t.rows.map((r) => r.label),
        ...t.columns.map((c) => c.label),
        ...(t.columnGroups ?? []).map((g) => g.label),
        t.labelHeader,
        t.cornerNote,
      ];
      for (const l of all) {
        if (!l) continue;
        const n = normalizeLabel(l);
        set.add(n);
        const core = stripEnumerator(n);
        if (core) set.add(core);
      }
    }
    exactSets.set(f, bySection);
  }
  const set = bySection.get(sectionId);
  if (!set) return false;
  return set.has(n) || set.has(stripEnumerator(n) || n);
}
