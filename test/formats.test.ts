/**
 * The formats are data: validated by the schema (ajv), in agreement with the reference facts, and the label
 * matcher behaves as the parser needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinFormats, validateFormat, FormatError } from '../src/format/formats.js';
import { LabelSet, allowedDistance } from '../src/format/match.js';
import { normalizeLabel, parseCellNumber } from '../src/text/normalize.js';
import { ROOT } from './support/reports.js';

// copies of the reference templates: a fresh clone has no ../shared beside it
/** The reference facts of each format (test/fixtures/reference: the official templates as data, with provenance). */
const reference = (y: string) => JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'reference', `template-${y}.json`), 'utf8'));

describe('built-in formats', () => {
  test('both validate against data/format.schema.json and cover the years without a gap', () => {
    // built-in data is not checked at every start: here it is
    for (const y of ['2019', '2021']) {
      expect(() => validateFormat(JSON.parse(readFileSync(join(ROOT, `data/formats/${y}.json`), 'utf8')), `${y}.json`)).not.toThrow();
    }
    const fs = builtinFormats();
    expect(fs.map((f) => [f.short, f.data.years])).toEqual([
      ['2019', { from: 2019, to: 2020 }],
      ['2021', { from: 2021 }],
    ]);
    expect(fs[0].appliesTo(2020) && fs[1].appliesTo(2021) && !fs[0].appliesTo(2021)).toBe(true);
  });

  for (const y of ['2019', '2021']) {
    test(`${y}: sections, tables, rows and columns agree with the reference facts`, () => {
      const ref = reference(y);
      const f = builtinFormats().find((x) => x.short === y)!;
      expect(f.data.sections.map((s) => `${s.number}、${s.title}`)).toEqual(ref.sections.map((s: { heading: string }) => s.heading));
      for (const rt of ref.tables) {
        const t = f.table(rt.id)!;
        expect(t.rows.map((r) => [r.id, r.label, r.data])).toEqual(rt.rows.map((r: { id: string; label: string; data: boolean }) => [r.id, r.label, r.data]));
        expect(t.columns.map((c) => [c.id, c.label, c.type])).toEqual(rt.columns.map((c: { id: string; label: string; type: string }) => [c.id, c.label, c.type]));
      }
    });
  }

  test('relations expand over their placeholders', () => {
    const f = builtinFormats()[1];
    const kinds = (k: string) => f.relations.filter((r) => r.kind === k);
    expect(kinds('balance')).toHaveLength(7);
    expect(kinds('row-total')).toHaveLength(25);
    expect(kinds('outcome-total')).toHaveLength(7);
    expect(kinds('outcome-total')[0].rhs).toHaveLength(21);
    expect(kinds('review-total').map((r) => r.anchor.column)).toEqual(['rv_total', 'ld_total', 'la_total']);
    expect(builtinFormats()[0].relations.find((r) => r.kind === 'outcome-total')!.rhs).toHaveLength(19);
  });
});

test('the built-in dictionary validates against the dictionary schema and its specs hold', async () => {
  const { buildDictionary } = await import('../src/format/dictionary.js');
  const { parse } = await import('yaml');
  const data = parse(readFileSync(join(ROOT, 'data/dictionaries/builtin.yaml'), 'utf8'));
  expect(buildDictionary(data, 'builtin.yaml').length).toBeGreaterThanOrEqual(10);
  expect(() => buildDictionary([{ pattern: 'x', expected: 'y', specs: [], extra: 1 }], 'bad.yaml')).toThrow(/bad\.yaml/);
});

describe('format validation rejects bad data with a message', () => {
  const good = () => JSON.parse(readFileSync(join(ROOT, 'data/formats/2021.json'), 'utf8'));
  test('a schema violation', () => {
    const d = good();
    d.tables[0].columns[0].type = 'integer';
    expect(() => validateFormat(d, 'x.json')).toThrow(FormatError);
    expect(() => validateFormat(d, 'x.json')).toThrow(/x\.json: 格式定义不符合 schema: \/tables\/0\/columns\/0\/type/);
  });
  test('a relation naming a row that does not exist', () => {
    const d = good();
    d.relations[0].lhs[0] = 'T3.r9.{c}';
    expect(() => validateFormat(d, 'x.json')).toThrow(/relation T3_BALANCE: T3\.r9 is not a data row/);
  });
  test('a table in an unknown section', () => {
    const d = good();
    d.tables[0].section = 's9';
    expect(() => validateFormat(d, 'x.json')).toThrow(/unknown section s9/);
  });
});

describe('label matching', () => {
  const set = new LabelSet([
    { id: 'a', label: '结果维持' },
    { id: 'b', label: '结果纠正' },
    { id: 'c', label: '社会公益组织' },
    { id: 'd', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  ]);
  test('exact after normalising width, brackets, punctuation and inner spaces', () => {
    expect(set.match('结果 维持')?.kind).toBe('exact');
    expect(set.match('(二) 部分公开(区分处理的, 只 计这一情形, 不计其他情形)')).toMatchObject({ id: 'd', kind: 'exact' });
    expect(normalizeLabel('（一）　予以公开\u00a0')).toBe('(一)予以公开');
  });
  test('a typo within the allowed distance, and only when one candidate is clearly closest', () => {
    expect(set.match('社会组织')).toMatchObject({ id: 'c', kind: 'variant', distance: 2 });
    expect(set.match('结果维护')).toMatchObject({ id: 'a', kind: 'variant', distance: 1 });
    // as far from 维持 as from 纠正: ambiguous, no match
    expect(set.match('结果处理')).toBeUndefined();
    expect(set.match('总计')).toBeUndefined();
    expect([2, 4, 6, 12, 20].map(allowedDistance)).toEqual([0, 1, 2, 2, 4]);
  });
  test('fragments only when asked, and only of one label', () => {
    expect(set.match('(二) 部分公开(区分处理的, 只计这一情形')).toBeUndefined();
    expect(set.match('(二) 部分公开(区分处理的, 只计这一情形', { fragments: true })).toMatchObject({ id: 'd', kind: 'fragment' });
  });
});

describe('reading numbers', () => {
  test.each([
    ['0', { status: 'number', value: 0 }],
    ['１２', { status: 'number', value: 12 }],
    ['1,234', { status: 'number', value: 1234 }],
    ['-3', { status: 'number', value: -3 }],
    ['73802895.90元', { status: 'unit', value: 73802895.9, unit: '元' }],
    ['20 万元', { status: 'unit', value: 20, unit: '万元' }],
    ['2件', { status: 'unit', value: 2, unit: '件' }],
    ['\u3000\u00a0', { status: 'blank' }],
    ['三', { status: 'invalid' }],
    ['N/A', { status: 'invalid' }],
    ['/', { status: 'invalid' }],
    ['—', { status: 'invalid' }],
    ['1,23', { status: 'invalid' }],
  ])('%j', (raw, want) => {
    expect(parseCellNumber(raw)).toEqual(want);
  });
});
