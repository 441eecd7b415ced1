import { covered, lintOnly, reportText } from './support/identity.js';
import { SEEDS, lintSample } from './support/reports.js';

const R = 'relative-date';

describe('relative-date', () => {
  test('seed 004: 「去年 4 月份开通局微信订阅号」, on the word itself', () => {
    const text = (lintSample(SEEDS.s004).messages.filter((m) => m.ruleId === R));
    expect(text.map((m) => `${m.line}:${m.column}-${m.endColumn}`)).toEqual(['23:88-90']);
    expect(text[0].message).toContain('「去年」可指 2019 年也可指 2020 年');
  });

  test.each([
    ['今年', '今年，我局共公开政府信息236条。', '今年'],
    ['去年', '去年以来，我局开通了政务微信公众号。', '去年'],
    ['明年', '明年将继续完善政府信息公开目录。', '明年'],
    ['前年', '前年建成的公开专栏运行良好。', '前年'],
    ['上年度', '上年度新建的依申请公开台账已全部归档。', '上年度'],
    ['after a U+3000', '\u3000\u3000今年，全局主动公开政府信息88条。', '今年'],
  ])('invalid: %s', (_, s1, word) => {
    const text = reportText({ s1 });
    const ms = lintOnly(R, text);
    expect(ms).toHaveLength(1);
    expect(covered(text, ms[0])).toBe(word);
    expect(ms[0].severity).toBe(1);
  });

  test.each([
    ['较去年', '全年主动公开政府信息236条，较去年增长12%。'],
    ['与上年度', '依申请公开数量与上年度基本持平。'],
    ['比去年', '办理时限比去年缩短了3天。'],
    ['去年同期', '收到申请数量高于去年同期。'],
    ['in 《》', '转发了《关于做好今年防汛工作的通知》。'],
    ['过去年度', '对过去年度公开的信息进行了清理。'],
    ['说明年度', '按要求说明年度重点工作安排。'],
    ['以前年度', '清理以前年度结转的申请。'],
    ['如今年轻人', '如今年轻人更多通过政务新媒体获取信息。'],
    ['上年度结转', '上年度结转的2件申请已全部办结。'],
    ['上年度存在问题', '上年度存在问题的整改情况：已全部整改到位。'],
    ['years written out', '2021年4月，我局开通了政务微信公众号，2022年将继续完善。'],
  ])('valid: %s', (_, s1) => {
    expect(lintOnly(R, reportText({ s1 }))).toEqual([]);
  });
});
