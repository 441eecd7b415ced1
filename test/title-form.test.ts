import { lintOnly, reportText } from './support/identity.js';
import { SEEDS, lintSample } from './support/reports.js';

const R = 'title-form';

describe('title-form', () => {
  test('seed 002: 「…2020年度政府信息公开工作报告」, with a suggestion (never applied by --fix)', () => {
    const r = lintSample(SEEDS.s002);
    const ms = r.messages.filter((m) => m.ruleId === R);
    expect(ms).toHaveLength(1);
    expect(ms[0].message).toBe('标题「沈阳市辽中区统计局2020年度政府信息公开工作报告」以「工作报告」结尾，应为「政府信息公开工作年度报告」');
    expect(ms[0].fix).toBeUndefined();
    expect(ms[0].suggestions?.[0]).toMatchObject({ desc: '把「工作报告」改为「工作年度报告」', fix: { text: '工作年度报告' } });
  });

  test.each([
    ['工作报告', '某某市财政局2025年度政府信息公开工作报告', '以「工作报告」结尾'],
    ['政务公开', '某某市2016年政务公开工作年度报告', '写的是「政务公开」'],
    ['政务信息公开', '某某县2016年度政务信息公开工作报告', '写的是「政务公开」'],
  ])('invalid: %s', (_, title, words) => {
    const ms = lintOnly(R, reportText({ title }));
    expect(ms).toHaveLength(1);
    expect(ms[0].message).toContain(words);
  });

  test.each([
    ['no 工作', '某某县农业农村局2022年政府信息公开年度报告', '少了「工作」'],
    ['工作的年度报告', '某某市审计局2025年政府信息公开工作的年度报告', '工作的年度报告'],
    ['no 政府', '某某地税局2013年信息公开工作年度报告', '少了「政府」'],
  ])('mild variants only with the option: %s', (_, title, words) => {
    expect(lintOnly(R, reportText({ title }))).toEqual([]);
    const ms = lintOnly(R, reportText({ title }), { options: { mild: true } });
    expect(ms).toHaveLength(1);
    expect(ms[0].message).toContain(words);
  });

  test.each([
    '平潭综合实验区2021年度政府信息公开工作年度报告',
    '2022年上海市政府信息公开工作年度报告',
    '平湖市统计局 2021 年度政府信息公开工作 年度报告',
    '某某县统计局\n\n2020年度政府信息公开工作年度报告',
    '2023 年某某市住房和城乡建设局政府信息公开工作\n年度报告',
  ])('valid: %s', (title) => {
    expect(lintOnly(R, reportText({ title }), { options: { mild: true } })).toEqual([]);
  });
});
