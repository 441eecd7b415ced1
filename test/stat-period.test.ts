import { PREAMBLE, covered, lintOnly, reportText } from './support/identity.js';

const R = 'stat-period';

describe('stat-period', () => {
  test('another year than the title: an error on the period sentence, the title year as related location', () => {
    const text = reportText({ year: 2022, preamble: PREAMBLE(2021) });
    const ms = lintOnly(R, text);
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ severity: 2, message: '统计期限写的是 2021 年，标题表明报告年度是 2022 年', expected: '2022年1月1日至2022年12月31日' });
    expect(covered(text, ms[0])).toBe('统计期限自2021年1月1日起至2021年12月31日');
    expect(ms[0].related?.[0]).toMatchObject({ line: 1, message: '标题中的年份：2022' });
  });

  test('not a whole year', () => {
    const ms = lintOnly(R, reportText({ preamble: '本报告所列数据的统计期限自2021年1月1日起至2021年11月30日止。' }));
    expect(ms).toHaveLength(1);
    expect(ms[0].message).toContain('不是一个完整的年度');
  });

  test('two years in one span', () => {
    const ms = lintOnly(R, reportText({ preamble: '本报告所列数据的统计期限自2020年1月1日起至2021年12月31日止。' }));
    expect(ms).toHaveLength(1);
  });

  test('统计期限为2020年度 in a 2021 report', () => {
    const ms = lintOnly(R, reportText({ year: 2021, preamble: '本报告统计期限为2020年度。' }));
    expect(ms).toHaveLength(1);
    expect(ms[0].message).toBe('统计期限写的是 2020 年度，标题表明报告年度是 2021 年');
  });

  test('no title year: the year of the 落款 is used (signed early in the next year)', () => {
    const ms = lintOnly(R, reportText({ year: 2021, title: '某某县统计局政府信息公开工作年度报告', preamble: PREAMBLE(2020) }));
    expect(ms).toHaveLength(1);
    expect(ms[0].message).toBe('统计期限写的是 2020 年，落款日期表明报告年度是 2021 年');
  });

  test('a missing period is said only with requirePeriod', () => {
    const text = reportText({ preamble: '根据《中华人民共和国政府信息公开条例》要求，编制本报告。' });
    expect(lintOnly(R, text)).toEqual([]);
    const ms = lintOnly(R, text, { options: { requirePeriod: true } });
    expect(ms).toHaveLength(1);
    expect(ms[0].severity).toBe(1);
  });

  test.each([
    ['the usual sentence', PREAMBLE(2021)],
    ['PDF spaces', '本报告所列数据的统计期限自 2021 年 1 月 1 日起至 2021 年 12 月 31 日止。'],
    ['full-width digits', '本报告所列数据的统计期限自２０２１年１月１日起至２０２１年１２月３１日止。'],
    ['the end year left out', '本报告中所列数据的统计时间段为2021年1月1日到12月31日。'],
    ['统计期限为2021年度', '本报告统计期限为2021年度。'],
    ['除特别说明外', '本报告中所列数据统计期限自2021年1月1日至2021年12月31日（除特别说明外）。'],
  ])('valid: %s', (_, preamble) => {
    expect(lintOnly(R, reportText({ year: 2021, preamble }))).toEqual([]);
  });
});
