import { sections, tables } from '../src/ast.js';
import { defineRule } from '../src/engine/rule.js';
import { peerName, peerOfYear, peerWhere, spanPosition } from '../src/engine/peer.js';
import { numberChanges, printLength, samePrint, sectionPrint, sectionText, sentenceSimilarity } from '../src/text/similarity.js';
import { basename } from 'node:path';

/**
 * xy-copy: a section's running text, or a whole table, the same as (or nearly the same as) last year's report.
 * Text is compared sentence by sentence, without the format's boilerplate sentences and with numbers masked; the
 * numbers that changed are listed. A table is a copy when every cell both years have is equal and enough of them are not zero (county
 * offices have all-zero tables every year, and that is no copy).
 */
export default defineRule({
  meta: {
    id: 'xy-copy',
    type: 'suggestion',
    severity: 'warn',
    description: {
      zh: '跨年度：某一部分的文字或某张表格与上年报告相同或几乎相同（去掉格式规定的套话，数字不计），疑似照抄上年报告',
      en: "Cross-year: a section's text or a table identical or nearly identical to last year's report",
    },
    docs: 'docs/rules/xy-copy.md',
    schema: {
      type: 'object',
      properties: {
        threshold: { type: 'number', minimum: 0.5, maximum: 1, description: 'similarity (0.5 … 1) from which a section is reported' },
        minLength: { type: 'integer', minimum: 20, description: 'sections shorter than this (characters, boilerplate removed) are not compared' },
        minNonZeroCells: { type: 'integer', minimum: 1, description: 'a table is compared only when at least this many of its cells are not zero' },
      },
      additionalProperties: false,
    },
    defaultOptions: { threshold: 0.9, minLength: 100, minNonZeroCells: 8 },
    crossFile: true,
  },
  check(report, ctx) {
    if (report.year === undefined) return;
    const prev = peerOfYear(ctx.peers, report.year - 1);
    if (!prev) return;
    const threshold = Number(ctx.options.threshold ?? 0.9);
    const minLength = Number(ctx.options.minLength ?? 100);
    const minNonZero = Number(ctx.options.minNonZeroCells ?? 8);
    const me = basename(ctx.filePath);
    const other = peerName(prev);

    for (const s of sections(report)) {
      const ps = prev.sections.find((x) => x.sectionId === s.sectionId);
      if (!s.sectionId || !ps) continue;
      const a = ps.text;
      const b = sectionPrint(sectionText(s));
      if (printLength(a) < minLength || printLength(b) < minLength) continue;
      const sim = sentenceSimilarity(a, b);
      if (sim < threshold) continue;
      const where = peerWhere(ps);
      const head = `「${s.heading.value}」的文字`;
      let how: string;
      if (samePrint(a, b)) {
        // the year itself changes from report to report: not worth showing
        const changes = numberChanges(a.numbers, b.numbers).filter((c) => c !== `${report.year! - 1}→${report.year}`);
        how = changes.length
          ? `除数字外与上年${other}${where ? `${where}起` : ''}的同一部分完全相同（数字变化：${changes.slice(0, 8).join('、')}${changes.length > 8 ? ' 等' : ''}）`
          : `与上年${other}${where ? `${where}起` : ''}的同一部分完全相同`;
      } else {
        how = `与上年${other}${where ? `${where}起` : ''}的同一部分有 ${Math.floor(sim * 100)}% 的文字是相同的句子（格式规定的套话已除去，数字不计）`;
      }
      ctx.report({
        node: s.heading,
        message: `本年报告（${me}）${head}${how}，疑似照抄上年报告，请按本年实际情况撰写`,
        related: [{ filePath: prev.filePath, position: spanPosition(ps.span), location: { section: s.sectionId }, message: `上年${other}「${ps.heading}」` }],
      });
    }

    for (const t of tables(report)) {
      if (!t.tableId || t.tableId.startsWith('T2')) continue;
      const pt = prev.tables[t.tableId];
      if (!pt) continue;
      let compared = 0;
      let nonZero = 0;
      let differs = false;
      let cells = 0;
      for (const r of t.children) {
        if (!r.rowId || r.foundCells !== r.expectedCells) continue;
        for (const c of r.children) {
          if (!c.columnId) continue;
          cells++;
          const p = pt.rows[r.rowId]?.[c.columnId];
          if (!p || p.value === null || c.status !== 'number' || c.value === undefined) continue;
          compared++;
          if (p.value !== c.value) {
            differs = true;
            break;
          }
          if (c.value !== 0) nonZero++;
        }
        if (differs) break;
      }
      // most of the table must be comparable (across the 2021 format change some rows are new)
      if (differs || nonZero < minNonZero || compared < cells * 0.8) continue;
      const name = t.tableId === 'T3' ? '第三部分的表格（政府信息公开申请情况）' : t.tableId === 'T4' ? '第四部分的表格（行政复议、行政诉讼）' : `表格 ${t.tableId}`;
      ctx.report({
        node: t,
        message: `本年报告（${me}）${name}的 ${compared} 个数字与上年${other}${peerWhere(pt)}的同一表格完全相同（其中 ${nonZero} 个不为 0），疑似照抄上年数据，请核对`,
        related: [{ filePath: prev.filePath, position: spanPosition(pt.span), location: { table: t.tableId }, message: `上年${other}的同一表格` }],
      });
    }
  },
});
