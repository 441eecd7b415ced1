/**
 * Property-based tests (fast-check, fixed seed, bounded runs): any string or byte sequence is read without
 * throwing, with every position inside the file; mutations of the real seeds never crash and never put a
 * finding outside the file.
 */
import fc from 'fast-check';
import { lint, parseReport } from '../src/index.js';
import { walk } from '../src/ast.js';
import { decode, DecodeError } from '../src/io/decode.js';
import type { InputKind } from '../src/readers/index.js';
import type { LintResult, Position, ReportNode } from '../src/types.js';
import { sample } from './support/reports.js';

const SEED = 20240501;
const settings = (numRuns: number) => ({ seed: SEED, numRuns });

/** Pieces of reports, markup and white space, so that random strings come close to the real thing. */
const pieces = fc.constantFrom(
  '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '（一）予以公开', '一、本年新收政府信息公开申请数量', '第二十条第（一）项',
  '规章', '行政许可', '自然人', '总计', '2021年', '政府信息公开工作年度报告', '0', '12', '１２', '1,234', '20 万元', '\t', '\n', '\r\n', '\r',
  ' ', '\u3000', '\u00a0', '\u200b', '\ufeff', '|', '---', '# ', '<p>', '</p>', '<b>', '<table>', '<tr>', '<td rowspan=3>', '<td colspan=2>',
  '</td>', '</tr>', '</table>', '&nbsp;', '&#12288;', '&', '<', '>', '<br>', '<!--', '-->', '<script>', '</script>', '𠀀', '\u0000',
);
const reportish = fc.array(fc.oneof(pieces, fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 120 }).map((a) => a.join(''));
const anyText = fc.oneof(reportish, fc.string({ unit: 'binary', maxLength: 300 }));
const kinds = fc.constantFrom<InputKind>('text', 'html', 'docx');

function checkPosition(p: Position, length: number, lines: string[]) {
  for (const pt of [p.start, p.end]) {
    expect(pt.offset).toBeGreaterThanOrEqual(0);
    expect(pt.offset).toBeLessThanOrEqual(length);
    expect(pt.line).toBeGreaterThanOrEqual(1);
    expect(pt.line).toBeLessThanOrEqual(lines.length);
    expect(pt.column).toBeGreaterThanOrEqual(1);
    expect(pt.column).toBeLessThanOrEqual(lines[pt.line - 1].length + 1);
  }
  expect(p.start.offset!).toBeLessThanOrEqual(p.end.offset!);
}

function checkMessages(r: LintResult, text: string) {
  const lines = (r.source ?? text).split(/\r\n|\r|\n/);
  for (const m of [...r.messages, ...r.messages.flatMap((x) => x.related ?? [])]) {
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.line).toBeLessThanOrEqual(lines.length);
    expect(m.endLine).toBeLessThanOrEqual(lines.length);
    expect(m.column).toBeGreaterThanOrEqual(1);
    expect(m.column).toBeLessThanOrEqual(lines[m.line - 1].length + 1);
    expect(m.endColumn).toBeLessThanOrEqual(lines[m.endLine - 1].length + 1);
    expect(m.line < m.endLine || (m.line === m.endLine && m.column <= m.endColumn)).toBe(true);
  }
  for (const m of r.messages) {
    if (m.fix) {
      expect(m.fix.range[0]).toBeGreaterThanOrEqual(0);
      expect(m.fix.range[0]).toBeLessThanOrEqual(m.fix.range[1]);
      expect(m.fix.range[1]).toBeLessThanOrEqual(text.length);
    }
  }
}

test('any string, read as text, Markdown, a page or a converted .docx: no throw, every node inside the text, start ≤ end', () => {
  fc.assert(
    fc.property(anyText, kinds, fc.boolean(), (text, kind, markdown) => {
      const { report, source } = parseReport(text, { filePath: kind === 'text' ? (markdown ? 'r.md' : 'r.txt') : `r.${kind}`, kind });
      walk(report, (node: ReportNode) => checkPosition(node.position, text.length, source.lines.map((l) => l.text)));
    }),
    settings(300),
  );
});

test('any string, linted: no throw, every message and related place inside the file', () => {
  fc.assert(
    fc.property(anyText, kinds, (text, kind) => {
      const r = lint(text, { filePath: kind === 'text' ? 'r.txt' : `r.${kind}`, kind });
      checkMessages(r, text);
    }),
    settings(200),
  );
});

test('any byte sequence: decoded or refused with a DecodeError, never anything else; what decodes is read', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      let text: string;
      try {
        text = decode(bytes).text;
      } catch (e) {
        expect(e).toBeInstanceOf(DecodeError);
        return;
      }
      checkMessages(lint(text, { filePath: 'r.txt' }), text);
    }),
    settings(300),
  );
});

const SEEDS = ['000_fdd122682e06667e', '001_3ae8912727f14c8a', '002_e5e51e0cfe3bc0cf', '003_ee5b6e7281e715ed', '004_4455f420e810b9a4'].map((n) =>
  sample(`seeds/${n}.txt`),
);

type Mutation = { kind: 'delete' | 'duplicate' | 'swap' | 'tab' | 'digit' | 'eol'; at: number; other: number; digit: number };
const mutation = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('delete', 'duplicate', 'swap', 'tab', 'digit', 'eol'),
  at: fc.nat(),
  other: fc.nat(),
  digit: fc.integer({ min: 0, max: 9 }),
});

function mutate(text: string, muts: Mutation[]): string {
  let lines = text.split('\n');
  for (const m of muts) {
    if (!lines.length) break;
    const i = m.at % lines.length;
    const j = m.other % lines.length;
    switch (m.kind) {
      case 'delete':
        lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, lines[i]);
        break;
      case 'swap':
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      case 'tab': {
        const l = lines[i];
        const k = m.other % (l.length + 1);
        lines[i] = l.slice(0, k) + '\t' + l.slice(k);
        break;
      }
      case 'digit':
        lines[i] = lines[i].replace(/\d/g, (d, k: number) => (k % 3 === m.other % 3 ? String(m.digit) : d));
        break;
      case 'eol':
        lines = [lines.slice(0, i + 1).join('\r\n'), ...lines.slice(i + 1)];
        break;
    }
  }
  return lines.join('\n');
}

test('mutations of the real seeds (lines deleted, duplicated, swapped; tabs inserted; digits changed; line endings): no crash, no finding outside the file', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: SEEDS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (s, muts) => {
      const text = mutate(SEEDS[s], muts);
      const r = lint(text, { filePath: s === 3 ? 'r.md' : 'r.txt' });
      expect(r.fatalErrorCount).toBe(0);
      checkMessages(r, text);
    }),
    settings(50),
  );
});
