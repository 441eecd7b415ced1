import { lint } from '../src/index.js';
import { SEEDS, readSample, replaceLine } from './support/reports.js';
import { lintOnly } from './support/identity.js';

const R = 'format-year';
/** seed 000 (2019 format, title without a year) with a year in its title */
const s000As = (year: number) => replaceLine(readSample(SEEDS.s000), 4, () => `定海区统计局${year}年政府信息公开工作年度报告`);
/** seed 001 (2021 format) retitled */
const s001As = (year: number) => readSample(SEEDS.s001).replace('平湖市统计局 2021 年度', `平湖市统计局 ${year} 年度`);

describe('format-year', () => {
  test('a 2021 report in the 2019 format: one error at the first label of the other format', () => {
    const text = s000As(2021);
    const ms = lintOnly(R, text);
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ line: 28, severity: 2, expected: '2021', actual: '2019' });
    expect(ms[0].message).toBe(
      '标题写明是 2021 年度的报告，应使用 2021 年格式（国办公开办函〔2021〕30号），表格却是 2019 年格式（国办公开办函〔2019〕60号） 的写法：「本年新制作数量」「本年新公开数量」「对外公开总数量」等 11 处（这些标签不会被自动改写）',
    );
    expect(ms[0].related?.[0]).toMatchObject({ line: 4, message: '标题中的年份：2021' });
  });

  test('a 2020 report in the 2021 format', () => {
    const ms = lintOnly(R, s001As(2020));
    expect(ms).toHaveLength(1);
    expect(ms[0].message).toContain('表格却是 2021 年格式');
    expect(ms[0].message).toContain('「本年制发件数」「本年废止件数」「现行有效件数」');
  });

  test('label-variant still says where the labels differ, but offers no fix; --fix leaves the text alone', () => {
    const text = s000As(2021);
    const r = lint(text, { filePath: 'x.txt', rules: { 'cell-empty': 'off' } });
    const lv = r.messages.filter((m) => m.ruleId === 'label-variant');
    expect(lv.length).toBeGreaterThanOrEqual(3);
    for (const m of lv) {
      expect(m.fix).toBeUndefined();
      expect(m.message).toContain('本表用的是 2019 年格式的写法，见 format-year，不给出自动修改');
    }
    const fixed = lint(text, { filePath: 'x.txt', fix: true } as never);
    expect(fixed.output ?? text).toBe(text);
  });

  test('without a format mismatch the label fixes stay (seed 002, 2019 format, 2020)', () => {
    const r = lint(readSample(SEEDS.s002), { filePath: 'x.txt' });
    const lv = r.messages.filter((m) => m.ruleId === 'label-variant');
    expect(lv.length).toBe(5);
    expect(lv.every((m) => m.fix !== undefined)).toBe(true);
    expect(r.messages.filter((m) => m.ruleId === R)).toEqual([]);
  });

  test('the year from the 统计期限 when the title has none', () => {
    const text = readSample(SEEDS.s000).replace('定海区统计局\n2021年1月8日', '定海区统计局\n2022年1月8日').replace(
      /^(一、总体情况)/m,
      '本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n\n$1',
    );
    const ms = lintOnly(R, text);
    expect(ms).toHaveLength(1);
    expect(ms[0].message).toMatch(/^统计期限写明是 2021 年度的报告/);
  });

  test.each([
    ['seed 000 as it is (2020, 2019 format; year from the 落款 only)', () => readSample(SEEDS.s000)],
    ['seed 000 as a 2020 report', () => s000As(2020)],
    ['seed 001 (2021, 2021 format)', () => readSample(SEEDS.s001)],
    ['seed 001 as a 2023 report', () => s001As(2023)],
  ])('valid: %s', (_, text) => {
    expect(lintOnly(R, text())).toEqual([]);
  });

  test('a format forced on the command line is the user\'s choice: nothing said', () => {
    const r = lint(s000As(2021), { filePath: 'x.txt', format: '2021', rules: { 'cell-empty': 'off' } });
    expect(r.messages.filter((m) => m.ruleId === R)).toEqual([]);
  });
});
