/**
 * PDF text breaks labels into pieces. These tests take a correct generated report (tab layout) and break the
 * labels of section 三 as PDF extraction does; the report stays correct, so no finding is expected.
 *
 * Two of them fail today and are marked test.failing (parser gaps, reported with the synthetic-report work):
 *  - a group label broken over the label column of several rows (三、 / 本年度办理 / 结 果): a piece that is
 *    within the edit distance of the whole label (本年度办理 is 本年度办理结果 less two characters) is taken for a
 *    typo of it, not for a piece, and label-variant warns; seed 004's split (三、 / 本年度办 / 理 结 果) is three
 *    characters short and happens to pass;
 *  - a row label whose last piece has one CJK character (…不计其他情 / 形）): the piece is not a label cell
 *    (fewer than two CJK characters), so it is not joined, and label-variant warns that 形) is missing.
 */
import { lint } from '../src/index.js';
import { synthesize } from '../tools/synth/index.js';

const s = synthesize({ seed: 21, layout: 'tab', format: '2019', spanStyle: 'none' });
const lines = s.text.split('\n');
const at = (row: string) => s.rows[row].line - 1;

/** The report with the lines of three rows rewritten. */
function rewrite(edit: (l: string[]) => void): string {
  const copy = [...lines];
  edit(copy);
  return copy.join('\n');
}

const findings = (text: string) => lint(text, { filePath: 'r.txt' }).messages.map((m) => `${m.line}:${m.ruleId} ${m.message}`);

test('the report as generated gives no finding', () => {
  expect(lines[at('T3.r3_1')].startsWith('三、本年度办理结果\t（一）予以公开\t')).toBe(true);
  expect(lines[at('T3.r3_2')].startsWith('\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t')).toBe(true);
  expect(findings(s.text)).toEqual([]);
});

test('a group label broken as in seed 004 (三、 / 本年度办 / 理 结 果) is read without a finding', () => {
  const text = rewrite((l) => {
    l[at('T3.r3_1')] = l[at('T3.r3_1')].replace('三、本年度办理结果\t', '三、\t');
    l[at('T3.r3_2')] = '本年度办' + l[at('T3.r3_2')];
    l[at('T3.r3_3_1')] = '理 结 果' + l[at('T3.r3_3_1')];
  });
  expect(findings(text)).toEqual([]);
});

test('a row label broken with its last words on the next line (… 不计其 / 他情形）) is read without a finding', () => {
  const text = rewrite((l) => {
    l[at('T3.r3_2')] = l[at('T3.r3_2')].replace('不计其他情形）', '不计其');
    l.splice(at('T3.r3_2') + 1, 0, '\t他情形）\t\t\t\t\t\t\t');
  });
  expect(findings(text)).toEqual([]);
});

// parser gap: see the comment at the top
test.failing('a group label broken as 三、 / 本年度办理 / 结 果 is read without a finding', () => {
  const text = rewrite((l) => {
    l[at('T3.r3_1')] = l[at('T3.r3_1')].replace('三、本年度办理结果\t', '三、\t');
    l[at('T3.r3_2')] = '本年度办理' + l[at('T3.r3_2')];
    l[at('T3.r3_3_1')] = '结 果' + l[at('T3.r3_3_1')];
  });
  expect(findings(text)).toEqual([]);
});

// parser gap: see the comment at the top
test.failing('a row label broken with one character on the next line (… 不计其他情 / 形）) is read without a finding', () => {
  const text = rewrite((l) => {
    l[at('T3.r3_2')] = l[at('T3.r3_2')].replace('不计其他情形）', '不计其他情');
    l.splice(at('T3.r3_2') + 1, 0, '\t形）\t\t\t\t\t\t\t');
  });
  expect(findings(text)).toEqual([]);
});
