/**
 * A generated corpus of agencies × years with consistent year-to-year data, for the cross-year rules and the audit:
 * each agency's reports continue one another (this year's 上年结转 is last year's 结转下年度, column by column; 现行有效件数
 * continues by 制发 − 废止 within the 2021 format), each year's text is written anew (its own prose seed), and
 * some reports carry one injected cross-year defect whose expected finding is returned with it:
 *
 *  - carry: 上年结转 of one column differs from last year's 结转下年度 (the report itself still balances) → xy-carry
 *  - stock: 现行有效件数 of 行政规范性文件 higher than last year's + 制发 − 废止 → xy-stock
 *  - copy:  the running text written with last year's prose seed (numbers and year aside, a copy) → xy-copy
 *
 * Layouts rotate through the synthesizer's (tab, word, markdown, pdf).
 */
import { LAYOUTS, Rng, synthesize, type CellKey, type Layout } from '../tools/synth/index.js';

export type XyDefect = 'carry' | 'stock' | 'copy';

export interface SeriesReport {
  /** path relative to the corpus folder */
  path: string;
  text: string;
  agency: string;
  year: number;
  layout: Layout;
  defect?: XyDefect;
  /** the rule that must report the defect, and the column (carry) */
  expect?: { ruleId: string; column?: string };
}

export interface SeriesOptions {
  agencies: number;
  /** first and last year, inclusive */
  from: number;
  to: number;
  seed: number;
  /** approximate size of a report in bytes */
  size?: number;
  /** share of the reports after an agency's first with a defect (default 0.2) */
  defectRate?: number;
}

const PLACES = ['青山', '东湖', '白沙', '临江', '云岭', '石桥', '南屏', '北川', '金溪', '长宁', '松阳', '梅林', '桐柏', '安平', '清河', '永兴', '河西', '城南', '高新', '滨海'];
const LEVELS = ['区', '县', '市'];
const BUREAUS = ['统计局', '人力资源和社会保障局', '市场监督管理局', '自然资源局', '生态环境局', '交通运输局', '卫生健康委员会', '教育局', '民政局', '司法局', '住房和城乡建设局', '农业农村局', '商务局', '文化和旅游局', '应急管理局', '水利局', '财政局', '审计局'];
const T3_COLUMNS = ['natural', 'commercial', 'research', 'public_welfare', 'legal_service', 'other'];

/** the agency's name: a unique place (with a number when the lists run out) and a bureau */
export function agencyName(i: number): string {
  const b = BUREAUS[i % BUREAUS.length];
  const p = PLACES[Math.floor(i / BUREAUS.length) % PLACES.length];
  const l = LEVELS[Math.floor(i / (BUREAUS.length * PLACES.length)) % LEVELS.length];
  const round = Math.floor(i / (BUREAUS.length * PLACES.length * LEVELS.length));
  return `${p}${round ? `第${round + 1}` : ''}${l}${b}`;
}

/** The reports, agency by agency, year by year (a generator: a large corpus is written as it is made). */
export function* series(opts: SeriesOptions): Generator<SeriesReport> {
  const rng = new Rng(opts.seed);
  const rate = opts.defectRate ?? 0.2;
  for (let a = 0; a < opts.agencies; a++) {
    const agency = agencyName(a);
    let prev: { values: Record<CellKey, number>; proseSeed: number; year: number } | undefined;
    for (let year = opts.from; year <= opts.to; year++) {
      const layout = LAYOUTS[(a + year) % LAYOUTS.length];
      let defect: XyDefect | undefined;
      if (prev && rng.chance(rate)) {
        const both2021 = prev.year >= 2021;
        defect = rng.pick<XyDefect>(both2021 ? ['carry', 'stock', 'copy'] : ['carry', 'copy']);
      }
      const pinned: Record<CellKey, number> = {};
      let expect: SeriesReport['expect'];
      if (prev) {
        for (const c of T3_COLUMNS) pinned[`T3.r2.${c}`] = prev.values[`T3.r4.${c}`];
        if (defect === 'carry') {
          const c = rng.pick(T3_COLUMNS);
          pinned[`T3.r2.${c}`] += 1 + rng.int(0, 2);
          expect = { ruleId: 'xy-carry', column: c };
        }
        if (year >= 2021 && prev.year >= 2021) {
          for (const r of ['regulation', 'normative']) {
            const before = prev.values[`T2_1.${r}.valid`];
            const issued = rng.int(0, 30);
            const repealed = rng.int(0, Math.min(before, 20));
            pinned[`T2_1.${r}.issued`] = issued;
            pinned[`T2_1.${r}.repealed`] = repealed;
            pinned[`T2_1.${r}.valid`] = before + issued - repealed;
          }
          if (defect === 'stock') {
            pinned['T2_1.normative.valid'] += 1 + rng.int(0, 9);
            expect = { ruleId: 'xy-stock' };
          }
        }
        if (defect === 'copy') expect = { ruleId: 'xy-copy' };
      }
      const proseSeed = defect === 'copy' && prev ? prev.proseSeed : rng.int(1, 2 ** 30);
      const s = synthesize({ seed: rng.int(1, 2 ** 30), year, layout, agency, pinned, proseSeed, targetBytes: opts.size ?? 6000 });
      const ext = layout === 'markdown' ? 'md' : 'txt';
      yield { path: `${agency}/${year}.${ext}`, text: s.text, agency, year, layout, ...(defect ? { defect, expect } : {}) };
      prev = { values: s.values, proseSeed, year };
    }
  }
}
