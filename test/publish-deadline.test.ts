import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/reports.js';
import { lintOnly } from './support/identity.js';
import { agencyKind } from '../src/prose/identity.js';

const R = 'publish-deadline';
const page = (name: string) => readFileSync(join(ROOT, 'samples/pages', name), 'utf8');
const withDate = (html: string, d: string) => html.replace(/<meta name="PubDate" content="[^"]*"\/>/, `<meta name="PubDate" content="${d} 09:00"/>`);

describe('publish-deadline', () => {
  test('PT2019 (2020-01-20) and PT2021 (2022-02-08): on time for a government-level report', () => {
    expect(lintOnly(R, page('PT2019.html'), { filePath: 'PT2019.html' })).toEqual([]);
    expect(lintOnly(R, page('PT2021.html'), { filePath: 'PT2021.html' })).toEqual([]);
  });

  test('PT2021 published on 2022-04-02: after 3-31, at the page date in the metadata', () => {
    const ms = lintOnly(R, withDate(page('PT2021.html'), '2022-04-02'), { filePath: 'PT2021.html' });
    expect(ms).toHaveLength(1);
    expect(ms[0]).toMatchObject({ line: 12, severity: 1, actual: '2022年4月2日', expected: '不晚于2022年3月31日' });
    expect(ms[0].message).toContain('标题只写地名「平潭综合实验区」');
  });

  test('the same page as a county bureau: late after 1-31; the deadline is an option', () => {
    const html = withDate(page('PT2021.html'), '2022-02-08').replace(/平潭综合实验区2021年度政府信息公开工作年度报告/g, '平潭综合实验区统计局2021年度政府信息公开工作年度报告');
    const ms = lintOnly(R, html, { filePath: 'p.html' });
    expect(ms).toHaveLength(1);
    expect(ms[0].message).toContain('晚于政府部门年度报告的发布期限 2022年1月31日');
    expect(lintOnly(R, html, { filePath: 'p.html', options: { department: '02-10' } })).toEqual([]);
    expect(lintOnly(R, html, { filePath: 'p.html', options: { department: null } })).toEqual([]);
  });

  test('without metadata: the article header 「时间：…」 before the report', () => {
    const html = page('PT2021.html').replace(/<meta name="PubDate"[^>]*>/, '').replace('时间：2022-02-08 16:34', '时间：2022-04-06 16:34');
    const ms = lintOnly(R, html, { filePath: 'p.html' });
    expect(ms).toHaveLength(1);
    expect(ms[0].actual).toBe('2022年4月6日');
  });

  test('a text file has no page date: nothing', () => {
    expect(lintOnly(R, '某某县统计局2021年度政府信息公开工作年度报告\n\n一、总体情况\n无。\n', { filePath: 'a.txt' })).toEqual([]);
  });

  test.each([
    ['某某县人民政府', 'government'],
    ['某某市人民政府办公室', 'department'],
    ['某某经济开发区管理委员会', 'government'],
    ['某某区管委会办公室', 'department'],
    ['武山县城关镇人民政府', 'township'],
    ['某某街道办事处', 'township'],
    ['咸宁市审计局', 'department'],
    ['沈阳市辽中区统计局', 'department'],
    ['上海市', 'government'],
    ['平潭综合实验区', 'government'],
  ])('agency kind: %s → %s', (name, kind) => {
    expect(agencyKind(name)?.kind).toBe(kind);
  });

  test('agency kind from the preamble when the name says nothing', () => {
    expect(agencyKind(undefined, '根据……要求，区管委会办公室编制完成了本报告。')?.kind).toBe('government');
    expect(agencyKind(undefined, '根据……要求，我区编制完成了本报告。')?.kind).toBe('government');
    expect(agencyKind(undefined, '根据……要求，编制本报告。')).toBeUndefined();
  });
});
