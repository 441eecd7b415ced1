import { PREAMBLE, covered, lintOnly, reportText } from './support/identity.js';
import { SEEDS, lintSample } from './support/reports.js';

const R = 'preamble-parts';

describe('preamble-parts', () => {
  test('seed 004: 「…五部分组成」 (section 六 is missing)', () => {
    const ms = lintSample(SEEDS.s004).messages.filter((m) => m.ruleId === R);
    expect(ms).toHaveLength(1);
    expect(ms[0].message).toBe('前言说本报告有「五部分」，格式规定 6 个部分，本报告只写了 5 个部分');
    expect(ms[0]).toMatchObject({ expected: '6', actual: '5' });
  });

  test.each([
    ['五部分组成', PREAMBLE(2021).replace('六部分组成', '五部分组成'), '五部分'],
    ['digits', '本报告共包括7个部分：总体情况、主动公开政府信息情况等。', '7个部分'],
  ])('invalid: %s', (_, preamble, words) => {
    const text = reportText({ preamble });
    const ms = lintOnly(R, text);
    expect(ms).toHaveLength(1);
    expect(covered(text, ms[0])).toBe(words);
  });

  test.each([
    ['六部分组成', PREAMBLE(2021)],
    ['等六个部分', '本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个部分。'],
    ['六部分成 (MJ2025)', '本报告由总体情况等六部分成。'],
    ['第二部分 is a reference', '本报告第二部分列出了主动公开情况。'],
    ['一部分 of something else', '其中一部分数据来自各下属单位。'],
  ])('valid: %s', (_, preamble) => {
    expect(lintOnly(R, reportText({ preamble }))).toEqual([]);
  });

  test('reports before 2019 (seven to nine parts) are not checked', () => {
    expect(lintOnly(R, reportText({ year: 2016, preamble: '本报告由概述等七部分组成。' }))).toEqual([]);
  });
});
