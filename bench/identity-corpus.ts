/**
 * The precision corpus of the identity and numbering rules (issue 10): real titles, preambles, sentences and dates
 * from the seeds and the two public pages, and sentences written in the real styles of review-checks.md, each put
 * into a correct report of real shape (negatives: no rule may fire), and the same with one thing changed
 * (positives: the named rule must fire).
 *
 *   node dist/bench/identity-corpus.js            prints each rule's findings on the negatives and its recall
 *   node dist/bench/identity-corpus.js --write    rebuilds test/fixtures/identity/{negatives,positives}.json
 *                                                 from samples/ and test/fixtures/identity/handwritten.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import builtinRules from '../rules/index.js';
import { lint, parse } from '../src/index.js';
import { packageRoot } from '../src/paths.js';
import type { LintMessage } from '../src/types.js';

export const IDENTITY_RULES = ['format-year', 'title-year', 'title-form', 'stat-period', 'relative-date', 'heading-sequence', 'preamble-parts', 'publish-deadline', 'subtopic-as-section'] as const;

export interface ReportParts {
  year?: number;
  agency?: string;
  /** the title as written (lines joined by \n); default: <agency><year>年度政府信息公开工作年度报告 */
  title?: string;
  preamble?: string;
  s1?: string;
  s2?: string;
  s5?: string;
  s6?: string;
  /** the 落款 date line; null: none */
  signature?: string | null;
}

export const PREAMBLE = (y: number): string =>
  `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级有关要求，编制本报告。本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。本报告所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。`;

/** A short correct report of real shape, any part replaced. */
export function reportText(p: ReportParts = {}): string {
  const y = p.year ?? 2021;
  const agency = p.agency ?? '某某县统计局';
  const lines = [
    p.title ?? `${agency}${y}年度政府信息公开工作年度报告`,
    '',
    p.preamble ?? PREAMBLE(y),
    '',
    '一、总体情况',
    p.s1 ?? `${y}年，我局认真贯彻落实《条例》，全年主动公开政府信息236条。`,
    '',
    '二、主动公开政府信息情况',
    p.s2 ?? '（表格从略）',
    '',
    '三、收到和处理政府信息公开申请情况',
    '全年新收政府信息公开申请27件，均已按期答复。',
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '全年未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。',
    '',
    '五、存在的主要问题及改进情况',
    p.s5 ?? '信息发布的及时性还需提高，下一步将完善审核流程。',
    '',
    '六、其他需要报告的事项',
    p.s6 ?? '本年度未收取信息处理费。',
  ];
  if (p.signature !== null) lines.push('', agency, p.signature ?? `${y + 1}年1月20日`);
  return lines.join('\n') + '\n';
}

export interface CorpusItem {
  id: string;
  /** where the words come from: a seed, a page, review-checks.md, or written in a real style */
  source: string;
  parts: ReportParts;
  /** positives: the rule that must fire */
  rule?: string;
  /** what was changed (positives) or why the words are correct (negatives) */
  note?: string;
  /** a whole real file instead of parts (samples/…), with replacements made in it */
  file?: string;
  replace?: Array<[string, string]>;
  /** for a whole file: the rules this item checks (a real file has true findings of the other rules) */
  rules?: string[];
}

const FIXTURES = () => join(packageRoot(), 'test', 'fixtures', 'identity');

export function loadCorpus(): { negatives: CorpusItem[]; positives: CorpusItem[] } {
  const read = (f: string) => JSON.parse(readFileSync(join(FIXTURES(), f), 'utf8')) as CorpusItem[];
  return { negatives: read('negatives.json'), positives: read('positives.json') };
}

/** The findings of the identity rules on one item (the other rules off). */
export function lintItem(item: CorpusItem): LintMessage[] {
  const rules: Record<string, 'off' | 'warn' | 'error'> = {};
  const on = new Set<string>(item.rules ?? IDENTITY_RULES);
  for (const r of builtinRules.rules) rules[r.meta.id] = on.has(r.meta.id) ? (r.meta.severity === 'error' ? 'error' : 'warn') : 'off';
  if (item.file) {
    let text = readFileSync(join(packageRoot(), item.file), 'utf8');
    for (const [from, to] of item.replace ?? []) {
      if (!text.includes(from)) throw new Error(`${item.id}: 「${from}」 not in ${item.file}`);
      text = text.split(from).join(to);
    }
    return lint(text, { filePath: item.file, rules }).messages;
  }
  return lint(reportText(item.parts), { filePath: 'corpus.txt', rules }).messages;
}

// ---------------------------------------------------------------------------------------------------------------
// building the corpus from the real files

const REAL = [
  { file: 'samples/seeds/000_fdd122682e06667e.txt', source: 'SEED000' },
  { file: 'samples/seeds/001_3ae8912727f14c8a.txt', source: 'SEED001' },
  { file: 'samples/seeds/002_e5e51e0cfe3bc0cf.txt', source: 'SEED002' },
  { file: 'samples/seeds/003_ee5b6e7281e715ed.txt', source: 'SEED003' },
  { file: 'samples/seeds/004_4455f420e810b9a4.txt', source: 'SEED004' },
  { file: 'samples/pages/PT2019.html', source: 'PT2019' },
  { file: 'samples/pages/PT2021.html', source: 'PT2021' },
];

/** Words of the real files that are true findings (seeds README, review-checks R28): not negatives. */
const TRUE_DEFECTS = [/去年 4 月份/, /今年/, /五部分组成/, /政府信息公开工作报告$/, /^定海区统计局政府信息公开工作年度报告$/];

export function buildCorpus(): { negatives: CorpusItem[]; positives: CorpusItem[] } {
  const negatives: CorpusItem[] = [];
  const positives: CorpusItem[] = [];
  const root = packageRoot();
  for (const { file, source } of REAL) {
    const { report } = parse(readFileSync(join(root, file), 'utf8'), { filePath: file });
    const y = report.year ?? 2021;
    let n = 0;
    const id = () => `${source}-${++n}`;
    const title = report.title?.value;
    if (title && !TRUE_DEFECTS.some((r) => r.test(title))) {
      negatives.push({ id: id(), source, parts: { year: y, title }, note: 'the real title' });
      positives.push({ id: `${source}-title-year`, source, rule: 'title-year', parts: { year: y, title: title.replace(/(19|20)\d{2}\s*年度?/, '') }, note: 'the year taken out of the title' });
      if (/工作\s*年度报告$/.test(title)) positives.push({ id: `${source}-title-form`, source, rule: 'title-form', parts: { year: y, title: title.replace(/工作\s*年度报告$/, '工作报告') }, note: '工作年度报告 → 工作报告' });
    }
    for (const c of report.children) {
      const paras = c.type === 'paragraph' ? [{ p: c, where: 'preamble' as const }] : c.type === 'section' ? c.children.filter((x) => x.type === 'paragraph').map((p) => ({ p, where: 's1' as const })) : [];
      for (const { p, where } of paras) {
        if (p.type !== 'paragraph') continue;
        const v = p.value;
        if (v.length < 6 || TRUE_DEFECTS.some((r) => r.test(v))) continue;
        // a paragraph of running text put alone into section 一 (or the preamble): no sequence of its own to check
        negatives.push({ id: id(), source, parts: { year: y, [where]: v }, note: where === 'preamble' ? 'the real preamble' : 'a real paragraph' });
        const period = /统计期限自\s*(20\d{2})\s*年/.exec(v);
        if (where === 'preamble' && period) {
          const wrong = v.replace(new RegExp(`${period[1]}(\\s*)年`, 'g'), `${Number(period[1]) - 1}$1年`);
          positives.push({ id: `${source}-stat-period`, source, rule: 'stat-period', parts: { year: y, preamble: wrong }, note: 'the period one year back' });
        }
        if (where === 'preamble' && /六个?部分/.test(v)) {
          positives.push({ id: `${source}-preamble-parts`, source, rule: 'preamble-parts', parts: { year: y, preamble: v.replace(/六(个?部分)/, '五$1') }, note: '六 → 五' });
        }
        const lead = /^(20\d{2})\s*年(，|,|以来)/.exec(v);
        if (lead) positives.push({ id: `${source}-relative-${n}`, source, rule: 'relative-date', parts: { year: y, s1: `今年${v.slice(lead[0].length - lead[2].length)}` }, note: `${lead[1]}年 → 今年` });
        const inline = /(?:^|[。；;，,：:])二是/.test(v) && /(?:^|[。；;，,：:])三是/.test(v);
        if (inline) positives.push({ id: `${source}-inline-${n}`, source, rule: 'heading-sequence', parts: { year: y, s1: v.replace(/([。；;，,：:])三是/, '$1二是') }, note: '三是 → 二是' });
      }
    }
  }
  const hand = JSON.parse(readFileSync(join(FIXTURES(), 'handwritten.json'), 'utf8')) as { negatives: CorpusItem[]; positives: CorpusItem[] };
  return { negatives: [...negatives, ...hand.negatives], positives: [...positives, ...hand.positives] };
}

function main(): void {
  if (process.argv.includes('--write')) {
    const c = buildCorpus();
    writeFileSync(join(FIXTURES(), 'negatives.json'), JSON.stringify(c.negatives, null, 1) + '\n');
    writeFileSync(join(FIXTURES(), 'positives.json'), JSON.stringify(c.positives, null, 1) + '\n');
    console.log(`negatives ${c.negatives.length}, positives ${c.positives.length}`);
    return;
  }
  const { negatives, positives } = loadCorpus();
  const rows = IDENTITY_RULES.map((r) => ({ rule: r, falsePositives: 0, positives: 0, found: 0 }));
  const row = (r: string) => rows.find((x) => x.rule === r)!;
  const misses: string[] = [];
  for (const it of negatives) {
    for (const m of lintItem(it)) {
      row(m.ruleId!).falsePositives++;
      misses.push(`  negative ${it.id} (${it.source}): ${m.ruleId} ${m.message}`);
    }
  }
  for (const it of positives) {
    const x = row(it.rule!);
    x.positives++;
    if (lintItem(it).some((m) => m.ruleId === it.rule)) x.found++;
    else misses.push(`  positive ${it.id} (${it.source}) not found: ${it.rule}`);
  }
  console.log(`negatives: ${negatives.length} items; positives: ${positives.length} items`);
  console.log('rule               findings on negatives   recall on positives');
  for (const x of rows) {
    const recall = x.positives ? `${x.found}/${x.positives} (${((100 * x.found) / x.positives).toFixed(0)}%)` : '–';
    console.log(`${x.rule.padEnd(18)} ${String(x.falsePositives).padStart(8)}                ${recall}`);
  }
  if (misses.length) console.log(misses.join('\n'));
}

if (process.argv[1] && /identity-corpus\.js$/.test(process.argv[1])) main();
