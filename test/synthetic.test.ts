/**
 * End-to-end tests of the rules on generated reports with non-zero data, in every layout and both formats:
 * a correct report gives no finding; one changed number makes exactly the arithmetic rules fire that the
 * format's relations say, at the anchor cells, with the expected and actual values; fixed back, it is silent.
 * The structural defects (blank, dropped or added cell, text in a cell, label typo) give their one finding.
 */
import { builtinFormats, lint, parse, type LintMessage } from '../src/index.js';
import { extractValues } from '../src/cli/extract.js';
import { deepestRows, editCells, expectedArithmetic, synthesize, type Defect, type Layout, type Synth, type SynthOptions } from '../tools/synth/index.js';

const ARITHMETIC = new Set(['balance', 'row-total', 'outcome-total', 'review-total']);

const VARIANTS: Array<{ layout: Layout; atx?: boolean }> = [
  { layout: 'tab' },
  { layout: 'tab', atx: true },
  { layout: 'word' },
  { layout: 'markdown' },
  { layout: 'pdf', atx: false },
  { layout: 'pdf', atx: true },
];
const CASES = ['2019', '2021'].flatMap((format) => VARIANTS.map((v) => ({ format, ...v, name: `${format} ${v.layout}${v.atx ? ' #' : ''}` })));

function lintOf(s: Synth, text = s.text) {
  return lint(text, { filePath: s.layout === 'markdown' ? 'report.md' : 'report.txt' });
}
const arithmetic = (ms: LintMessage[]) => ms.filter((m) => m.ruleId !== null && ARITHMETIC.has(m.ruleId));
const brief = (m: LintMessage) => `${m.ruleId}@${m.line}:${m.column}`;

describe.each(CASES)('$name', ({ format, layout, atx }) => {
  const base: Omit<SynthOptions, 'seed'> = { format, layout, atx };
  const fmt = builtinFormats().find((f) => f.short === format)!;
  const deep = deepestRows(fmt, 'T3');

  test('correct reports give no finding at all, and every value is read into its row and column', () => {
    for (const seed of [1, 2, 3, 4]) {
      const s = synthesize({ ...base, seed });
      expect(Buffer.byteLength(s.text)).toBeGreaterThan(9000);
      expect(Object.values(s.values).filter((v) => v !== 0).length).toBeGreaterThan(60);
      expect(lintOf(s).messages).toEqual([]);
      const ex = extractValues(parse(s.text, { filePath: s.layout === 'markdown' ? 'r.md' : 'r.txt' }), 'r');
      expect(ex.format).toBe(format);
      expect(ex.unbound).toEqual([]);
      const read: Record<string, number | null> = {};
      for (const [t, rows] of Object.entries(ex.tables)) for (const [r, cols] of Object.entries(rows)) for (const [c, v] of Object.entries(cols)) read[`${t}.${r}.${c}`] = v;
      expect(read).toEqual(s.values);
    }
  });

  test('a changed leaf number: row-total on its row, outcome-total on （七）总计, with the values; fixed back, silent', () => {
    const cell = `${deep[1]}.natural`;
    const s = synthesize({ ...base, seed: 5, defect: { kind: 'number', cell, delta: 2 } });
    const [t, r, c] = cell.split('.');
    const was = s.values[cell];
    const msgs = lintOf(s).messages;
    expect(msgs.map((m) => m.ruleId).sort()).toEqual(['outcome-total', 'row-total']);
    const rowTotal = msgs.find((m) => m.ruleId === 'row-total')!;
    expect(rowTotal).toMatchObject({ line: s.cells[`${t}.${r}.total`].line, column: s.cells[`${t}.${r}.total`].column, severity: 2 });
    expect(rowTotal.expected).toBe(String(s.values[`${t}.${r}.total`] + 2));
    expect(rowTotal.actual).toBe(String(s.values[`${t}.${r}.total`]));
    expect(rowTotal.message).toContain(`应为 ${s.values[`${t}.${r}.total`] + 2}`);
    expect(rowTotal.message).toContain(`实为 ${s.values[`${t}.${r}.total`]}`);
    expect(rowTotal.location).toEqual({ section: 's3', table: 'T3', row: r, column: 'total' });
    // the changed cell takes part
    expect(rowTotal.related?.some((x) => x.line === s.injection!.loc.line && x.column === s.injection!.loc.column)).toBe(true);
    const outcome = msgs.find((m) => m.ruleId === 'outcome-total')!;
    const total7 = s.cells[`T3.r3_7.${c}`];
    expect(outcome).toMatchObject({ line: total7.line, column: total7.column, expected: String(s.values[`T3.r3_7.${c}`] + 2), actual: String(s.values[`T3.r3_7.${c}`]) });
    expect(s.injection).toMatchObject({ table: t, row: r, column: c, before: String(was), after: String(was + 2) });

    const loc = s.injection!.loc;
    const fixed = s.text.slice(0, loc.offset) + s.injection!.before + s.text.slice(loc.endOffset);
    expect(fixed).toBe(synthesize({ ...base, seed: 5 }).text);
    expect(lintOf(s, fixed).messages).toEqual([]);
  });

  const numberCells = (): string[] => ['T3.r1.natural', 'T3.r2.other', 'T3.r3_1.total', `${deep[0]}.commercial`, 'T3.r3_7.research', 'T3.r4.total', 'T4.n.rv_pending', 'T4.n.la_total'];

  test.each(numberCells())('a changed number in %s: exactly the relations it takes part in fail, at their anchors', (cell) => {
    for (const seed of [6, 7]) {
      const s = synthesize({ ...base, seed, defect: { kind: 'number', cell } });
      const want = expectedArithmetic(s);
      expect(want.length).toBeGreaterThan(0);
      const msgs = lintOf(s).messages;
      // nothing but the arithmetic rules
      expect(msgs.filter((m) => !ARITHMETIC.has(m.ruleId ?? ''))).toEqual([]);
      const got = arithmetic(msgs).map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column, expected: m.expected, actual: m.actual }));
      const exp = want.map((e) => ({ ruleId: e.ruleId, line: e.line, column: e.column, expected: String(e.expected), actual: String(e.actual) }));
      const order = (a: { line: number; column: number; ruleId: string | null }, b: typeof a) => a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId));
      expect(got.sort(order)).toEqual(exp.sort(order));
      for (const m of arithmetic(msgs)) {
        expect(m.severity).toBe(2);
        expect(m.message).toContain(m.expected!);
        expect(m.message).toContain(m.actual!);
      }
    }
  });

  test('a blank cell: cell-empty at that cell, and the sums it takes part in are not checked', () => {
    const cell = `${deep[2]}.natural`;
    const s = synthesize({ ...base, seed: 8, defect: { kind: 'blank', cell } });
    const msgs = lintOf(s).messages;
    expect(msgs.map(brief)).toEqual([`cell-empty@${s.injection!.loc.line}:${s.injection!.loc.column}`]);
    expect(msgs[0]).toMatchObject({ severity: 1, expected: '0', actual: '' });
    expect(msgs[0].message).toContain('为空');
  });

  test('text in a number cell: cell-value, an error; the arithmetic stays silent', () => {
    const s = synthesize({ ...base, seed: 9, defect: { kind: 'raw', cell: 'T3.r3_1.natural', raw: '三' } });
    const msgs = lintOf(s).messages;
    expect(msgs.map(brief)).toEqual([`cell-value@${s.injection!.loc.line}:${s.injection!.loc.column}`]);
    expect(msgs[0]).toMatchObject({ severity: 2, actual: '三' });
  });

  test.each(['drop-cell', 'add-cell'] as const)('%s in a row of section 三: cell-count on the row, no sum of that row is checked', (kind) => {
    const cell = `${deep[3]}.research`;
    const s = synthesize({ ...base, seed: 10, defect: { kind, cell } as Defect });
    const msgs = lintOf(s).messages;
    expect(msgs.map(brief)).toEqual([`cell-count@${s.injection!.loc.line}:${s.injection!.loc.column}`]);
    expect(msgs[0]).toMatchObject({ severity: 1, expected: '7', actual: kind === 'drop-cell' ? '6' : '8' });
    expect(expectedArithmetic(s)).toEqual([]);
  });

  test.each(['drop-cell', 'add-cell'] as const)('%s in the row of section 四: cell-count, review-total silent', (kind) => {
    const s = synthesize({ ...base, seed: 11, defect: { kind, cell: 'T4.n.rv_correct' } as Defect });
    const msgs = lintOf(s).messages;
    expect(msgs.map(brief)).toEqual([`cell-count@${s.injection!.loc.line}:${s.injection!.loc.column}`]);
    expect(msgs[0]).toMatchObject({ expected: '15', actual: kind === 'drop-cell' ? '14' : '16' });
  });

  test.each(['T3.r3_4_1', 'T3.r1', 'T3.r3_2'])('a typo in the label of %s: label-variant names the canonical label and offers it as the fix', (row) => {
    const s = synthesize({ ...base, seed: 12, defect: { kind: 'label-typo', row } });
    const msgs = lintOf(s).messages;
    const inj = s.injection!;
    expect(msgs.map(brief)).toEqual([`label-variant@${inj.loc.line}:${inj.loc.column}`]);
    expect(msgs[0].expected).toBe(inj.before);
    expect(msgs[0].message).toContain(`应为「${inj.before}」`);
    if (msgs[0].fix) {
      // applied, the fix gives the correct report back (the label was on one line)
      const fixed = s.text.slice(0, msgs[0].fix.range[0]) + msgs[0].fix.text + s.text.slice(msgs[0].fix.range[1]);
      expect(lintOf(s, fixed).messages).toEqual([]);
    }
  });

  test('sections: one left out, two swapped, a heading with a typo', () => {
    for (const defect of [
      { kind: 'drop-section', section: 's6' },
      { kind: 'drop-section', section: 's3' },
      { kind: 'swap-sections', a: 's4', b: 's5' },
      { kind: 'heading-typo', section: 's5' },
    ] as Defect[]) {
      const s = synthesize({ ...base, seed: 13, defect });
      const msgs = lintOf(s).messages;
      expect({ defect, found: msgs.map(brief) }).toEqual({ defect, found: [`${s.injection!.rule}@${s.injection!.loc.line}:${s.injection!.loc.column}`] });
    }
  });

  test('two changes that cancel out in a column: row-total on both rows and nothing else', () => {
    const s = synthesize({ ...base, seed: 14 });
    const down = deep.find((r) => s.values[`${r}.natural`] > 0)!;
    expect(down).toBeDefined();
    const up = deep.find((r) => r !== down)!;
    const text = editCells(s, { [`${up}.natural`]: String(s.values[`${up}.natural`] + 1), [`${down}.natural`]: String(s.values[`${down}.natural`] - 1) });
    const msgs = lintOf(s, text).messages;
    // the edits may change the width of a number, so the columns are checked against the edited text
    expect(msgs.map((m) => `${m.ruleId}@${m.line}`).sort()).toEqual([`row-total@${s.cells[`${up}.total`].line}`, `row-total@${s.cells[`${down}.total`].line}`].sort());
    const lines = text.split('\n');
    for (const [row, delta] of [[up, 1], [down, -1]] as const) {
      const m = msgs.find((x) => x.line === s.cells[`${row}.total`].line && x.actual === String(s.values[`${row}.total`]))!;
      expect(m).toMatchObject({ expected: String(s.values[`${row}.total`] + delta), actual: String(s.values[`${row}.total`]) });
      expect(lines[m.line - 1].slice(m.column - 1, m.endColumn - 1)).toBe(String(s.values[`${row}.total`]));
    }
  });
});

describe('the generator', () => {
  test('is deterministic and driven by the seed', () => {
    const a = synthesize({ seed: 42 });
    expect(synthesize({ seed: 42 }).text).toBe(a.text);
    expect(synthesize({ seed: 43 }).text).not.toBe(a.text);
  });

  test('picks the format by the year', () => {
    expect(synthesize({ seed: 1, year: 2020 }).format).toBe('2019');
    expect(synthesize({ seed: 1, year: 2023 }).format).toBe('2021');
    expect(synthesize({ seed: 1, year: 2023 }).text).toMatch(/2023年度?政府信息公开工作年度报告/);
  });

  test('a defect changes the report in that one place only', () => {
    const clean = synthesize({ seed: 3, layout: 'word', format: '2021' });
    const bad = synthesize({ seed: 3, layout: 'word', format: '2021', defect: { kind: 'number', cell: 'T4.n.ld_total', delta: 5 } });
    const a = clean.text.split('\n');
    const b = bad.text.split('\n');
    expect(b.length).toBe(a.length);
    const diff = a.map((l, i) => (l === b[i] ? -1 : i + 1)).filter((i) => i > 0);
    expect(diff).toEqual([bad.injection!.loc.line]);
    expect(bad.raw['T4.n.ld_total']).toBe(String(clean.values['T4.n.ld_total'] + 5));
  });

  test('refuses a typo it could not make recognisable', () => {
    expect(() => synthesize({ seed: 1, format: '2021', defect: { kind: 'label-typo', row: 'T2_1.regulation' } })).toThrow(/too short/);
  });
});
