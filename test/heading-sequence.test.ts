import { covered, lintOnly, reportText } from './support/identity.js';
import { SEEDS, lintSample } from './support/reports.js';

const R = 'heading-sequence';

describe('heading-sequence', () => {
  test('seed 004: the second （二） of section 一, once', () => {
    const ms = lintSample(SEEDS.s004).messages.filter((m) => m.ruleId === R);
    expect(ms.map((m) => `${m.line}:${m.column}`)).toEqual(['19:1']);
    expect(ms[0]).toMatchObject({ message: '小标题编号「（二）」重复使用，应为「（三）」', expected: '（三）', actual: '（二）' });
    expect(ms[0].related?.[0]).toMatchObject({ line: 15, message: '上一个「（二）」' });
  });

  test('（三） written as （二）: one finding, not a second one for the （四） after it', () => {
    const text = reportText({ s1: '（一）主动公开情况。公开信息236条。\n（二）依申请公开情况。收到申请27件。\n（二）政府信息管理情况。完善目录。\n（四）平台建设情况。更新专栏。' });
    const ms = lintOnly(R, text);
    expect(ms.map((m) => covered(text, m))).toEqual(['（二）']);
  });

  test('a gap: （一）（二）（四）', () => {
    const text = reportText({ s1: '（一）主动公开情况。\n（二）依申请公开情况。\n（四）平台建设情况。' });
    const ms = lintOnly(R, text);
    expect(ms).toHaveLength(1);
    expect(ms[0].message).toBe('小标题编号跳号：「（二）」之后是「（四）」，缺少「（三）」');
  });

  test('half-width brackets and 1. 2. 2.', () => {
    const text = reportText({ s1: '(一)基本情况\n1.加强组织领导。\n2.完善工作制度。\n2.强化监督检查。' });
    const ms = lintOnly(R, text);
    expect(ms.map((m) => covered(text, m))).toEqual(['2.']);
  });

  test('inline: 一是…二是…二是 and 一是…三是', () => {
    const dup = reportText({ s5: '一是加强培训；二是完善制度；二是强化监督。' });
    const d = lintOnly(R, dup);
    expect(d.map((m) => m.message)).toEqual(['「二是」重复使用，应为「三是」']);
    const gap = reportText({ s5: '存在的问题：一是公开内容不够全面；三是解读形式单一。' });
    expect(lintOnly(R, gap).map((m) => m.message)).toEqual(['「一是」之后是「三是」，缺少「二是」']);
    expect(lintOnly(R, gap, { options: { inline: false } })).toEqual([]);
  });

  test('valid: nested levels start afresh under a higher one (PT2019 一: （二） 1. 2. （1）…（14） 3.)', () => {
    const s1 = ['（一）基本情况', '公开信息2599条。', '（二）主要做法', '1.加强组织领导，健全工作机制', '2.把握工作重点', '（1）加强政策解读信息公开。', '（2）推进扶贫信息公开。', '（3）推进食品药品安全信息公开。', '3.创新公开形式', '（1）开设部门专栏。'].join('\n');
    expect(lintOnly(R, reportText({ s1 }))).toEqual([]);
  });

  test.each([
    ['restart after 五\'s （一）（二）', '（一）存在的主要问题。一是公开不及时；二是解读不足。\n（二）改进措施。一是完善制度；二是加强培训；三是强化考核。'],
    ['统一是 and 唯一是 are no enumerators', '一是统一是非标准；二是唯一是关键的环节。'],
    ['numbers and dates at the start', '1.5万人次访问了公开专栏。\n2021年共公开信息236条。'],
    ['a second list from 一是', '一是加强培训；二是完善制度。下一步，一是丰富解读形式；二是强化监督。'],
  ])('valid: %s', (_, s5) => {
    expect(lintOnly(R, reportText({ s5 }))).toEqual([]);
  });

  test('seeds 001, 002, 003 and the pages: nothing', async () => {
    for (const s of [SEEDS.s000, SEEDS.s001, SEEDS.s002, SEEDS.s003]) expect(lintSample(s).messages.filter((m) => m.ruleId === R)).toEqual([]);
  });
});
