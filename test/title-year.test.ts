import { covered, lintOnly, reportText } from './support/identity.js';
import { SEEDS, lintSample } from './support/reports.js';

const R = 'title-year';

describe('title-year', () => {
  test('a title without a year: a warning on the title, with the period and the 落款 as hints', () => {
    const text = reportText({ title: '某某区市场监督管理局政府信息公开工作年度报告' });
    const ms = lintOnly(R, text);
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ line: 1, column: 1, severity: 1 });
    expect(ms[0].message).toBe('标题「某某区市场监督管理局政府信息公开工作年度报告」没有写报告年度（如「2021年度」）；统计期限从 2021 年开始，落款日期为「2022年1月20日」');
  });

  test('seed 000: the title has no year, the year comes from its 落款 2021年1月8日', () => {
    const ms = lintSample(SEEDS.s000).messages.filter((m) => m.ruleId === R);
    expect(ms.map((m) => `${m.line}:${m.column}`)).toEqual(['4:1']);
    expect(ms[0].message).toContain('落款日期为「2021年1月8日」');
  });

  test('a title year changed but not the 落款: an error at the date, the title year as related location', () => {
    const text = reportText({ year: 2021, title: '某某县统计局2022年度政府信息公开工作年度报告' });
    const ms = lintOnly(R, text);
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ severity: 2, expected: '2023年或以后', actual: '2022年1月20日' });
    expect(covered(text, ms[0])).toBe('2022年1月20日');
    expect(ms[0].related).toEqual([expect.objectContaining({ line: 1, message: '标题中的年份：2022' })]);
  });

  test('a 落款 two years after the title year: a warning (the title year left from an older report?)', () => {
    const ms = lintOnly(R, reportText({ year: 2020, signature: '2022年1月12日' }));
    expect(ms).toHaveLength(1);
    expect(ms[0].severity).toBe(1);
    expect(ms[0].message).toContain('标题年份是否沿用了往年的');
  });

  test('a date line under the title, written in brackets, is checked too', () => {
    const text = reportText({ year: 2023, preamble: '（2023年12月26日）\n\n' + '本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。' });
    const ms = lintOnly(R, text);
    expect(ms.map((m) => covered(text, m))).toEqual(['（2023年12月26日）']);
  });

  test.each([
    ['agency first', '某某县统计局2021年度政府信息公开工作年度报告'],
    ['year first', '2021年某某县人民政府政府信息公开工作年度报告'],
    ['split: agency, then year and the rest', '某某县统计局\n\n2021年度政府信息公开工作年度报告'],
    ['split: year line first', '2021年度\n某某县人民政府政府信息公开工作年度报告'],
    ['split before 年度报告', '2021 年某某市住房和城乡建设局政府信息公开工作\n年度报告'],
    ['a 正文 line above', '正文\n\n2021年某某县人民政府政府信息公开工作年度报告'],
    ['PDF spaces', '平湖市统计局 2021 年度政府信息公开工作 年度报告'],
    ['full-width spaces and U+00A0', '某某县统计局\u30002021年度\u00a0政府信息公开工作年度报告'],
  ])('valid: %s', (_, title) => {
    expect(lintOnly(R, reportText({ year: 2021, title }))).toEqual([]);
  });

  test('a page: the publication date before the year is over is an error; PT2021 (published 2022-02-08) is valid', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('./support/reports.js');
    const page = readFileSync(join(ROOT, 'samples/pages/PT2021.html'), 'utf8');
    expect(lintOnly(R, page, { filePath: 'PT2021.html' })).toEqual([]);
    const early = page.replace('<meta name="PubDate" content="2022-02-08 16:34"/>', '<meta name="PubDate" content="2021-12-20 16:34"/>');
    const ms = lintOnly(R, early, { filePath: 'PT2021.html' });
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ line: 12, severity: 2 });
    expect(ms[0].message).toContain('网页发布日期「2021年12月20日」早于报告年度 2021 年结束');
  });
});
