import { defineRule } from '../src/engine/rule.js';
import { cellSum, relatedCells } from '../src/prose/cells.js';
import { namesSubUnit } from '../src/prose/statements.js';

/** 制发 / 废止 / 现行有效 just before the number, in its clause. */
const VERBS: Array<[RegExp, 'issued' | 'repealed' | 'valid']> = [
  [/(制发|印发|出台|新制定|制定)[^，；。、\d（）]{0,14}$/, 'issued'],
  [/废止[^，；。、\d（）]{0,14}$/, 'repealed'],
  [/现行有效[^，；。、\d（）]{0,14}$/, 'valid'],
];
const COLUMN = { issued: '本年制发件数', repealed: '本年废止件数', valid: '现行有效件数' } as const;
/** documents made public, forwarded, reviewed, drafted … are not documents issued, repealed or in force */
const OTHER_ACTS = /(公开|转发|清理|修改|修订|起草|审核|审查|备案|征求意见|解读|报送|梳理|评估)/;

export default defineRule({
  meta: {
    id: 'narrative-t2',
    type: 'problem',
    severity: 'warn',
    description: {
      zh: '正文中规章、行政规范性文件的本年制发、本年废止、现行有效件数与第二部分表格不符（2021 年格式）',
      en: 'Prose counts of 规章 and 行政规范性文件 issued, repealed and in force disagree with table 二 (2021 format)',
    },
    docs: 'docs/rules/narrative-t2.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(report, ctx) {
    // the 2019 format counts other things (本年新制作, 本年新公开, 对外公开总数量)
    if (!ctx.format.table('T2_1')?.columns.some((c) => c.id === 'issued')) return;
    for (const p of ctx.prose().paragraphs) {
      if (!p.numbers.length || p.sectionId === 's5' || !/(规章|规范性文件)/.test(p.text)) continue;
      for (const s of p.sentences) {
        if (!/(规章|规范性文件)/.test(s.text) || /(下一步|计划|力争|将进一步|将继续)/.test(s.text)) continue;
        for (const n of s.numbers) {
          if (n.kind !== 'count' || (n.unit !== '件' && n.unit !== '个' && n.unit !== '部' && n.unit !== '项') || n.approx) continue;
          const clause = s.clauses[n.clause];
          if (!clause) continue;
          const prefix = p.text.slice(clause.start, n.index);
          let metric: 'issued' | 'repealed' | 'valid' | undefined;
          for (const [re, m] of VERBS) if (re.test(prefix)) metric = metric ?? m;
          if (!metric) continue;
          const verbAt = prefix.search(metric === 'issued' ? /(制发|印发|出台|新制定|制定)[^制发印出台定]*$/ : metric === 'repealed' ? /废止[^废止]*$/ : /现行有效/);
          const between = prefix.slice(verbAt);
          if (OTHER_ACTS.test(between) || /清理/.test(s.text)) continue;
          // other periods (a stock at the end of the report's year is the stock)
          const years = [...s.text.matchAll(/((?:19|20)\d\d)年/g)].map((m) => Number(m[1]));
          if (years.some((y) => y !== report.year)) continue;
          if (/(累计|以来|历年|较上年|同比|增加|减少)/.test(clause.text)) continue;
          if (metric !== 'valid' && /截至|截止/.test(clause.text)) continue;
          if (namesSubUnit(prefix, report.agency)) continue;
          // which kind of document: the last named before the number in the sentence
          const before = p.text.slice(s.start, n.index);
          const g = before.lastIndexOf('规章');
          const r = before.lastIndexOf('规范性文件');
          if (g < 0 && r < 0) continue;
          const row = r > g ? 'normative' : 'regulation';
          // both named in the clause after the verb (规章和规范性文件共12件): not one of them
          if (/规章/.test(between) && /规范性文件/.test(between)) continue;
          const sum = cellSum(report, ctx.format, [['T2_1', row, metric]], `${row === 'normative' ? '行政规范性文件' : '规章'}「${COLUMN[metric]}」`);
          if (!sum || Math.abs(sum.value - n.value) < 1e-9) continue;
          let q = p.text.slice(clause.start, n.end).replace(/^(今年|全年|本年度?|\d{4}年度?)(?=.)/, '');
          if (q.length > 40) q = '…' + q.slice(-40);
          ctx.report({
            node: { position: n.position },
            message: `正文「${q}」与表二不符：${sum.expr} = ${sum.value}`,
            expected: sum.value,
            actual: n.value,
            related: relatedCells(sum),
          });
        }
      }
    }
  },
});
