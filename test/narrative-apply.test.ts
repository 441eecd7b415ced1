import { findings } from './prose-helpers.js';

// the sample's table 三: 一 137, 二 1, （七） 137, 四 1; （一） 13, （二） 33, 不予公开 53 (1.属于国家秘密 1), 无法提供 16, 不予处理 13, 其他处理 9; 自然人 87
const R = 'narrative-apply';

describe('narrative-apply', () => {
  test('received: both readings of 收到 are accepted, another number is not', () => {
    expect(findings(R, '全年共收到政府信息公开申请137件。')).toEqual([]);
    expect(findings(R, '全年共收到政府信息公开申请138件（含上年结转1件）。')).toEqual([]);
    const f = findings(R, '全年共收到政府信息公开申请136件。');
    expect(f.map((x) => x.at)).toEqual(['136件']);
    expect(f[0].message).toBe('正文「共收到政府信息公开申请136件」与表三不符：一、本年新收 = 137，一、本年新收 + 二、上年结转 = 138');
    expect(f[0].related).toEqual(['137']);
  });

  test('outcome groups: 予以公开及部分公开 = （一）+（二）; a group is the sum of its sub-rows', () => {
    const f = findings(R, '办结政府信息公开申请137件，其中予以公开及部分公开41件，不予公开1件。');
    expect(f.map((x) => x.message)).toEqual([
      '正文「予以公开及部分公开41件」与表三不符：（一）予以公开 + （二）部分公开 = 46',
      '正文「不予公开1件」与表三不符：（三）不予公开各小项之和 = 53（正文的数字等于第 1 小项，应为各小项之和）',
    ]);
    expect(f[0].related).toEqual(['13', '33']);
  });

  test('carried in, handled, carried forward, applicants', () => {
    const f = findings(R, '本年度新收政府信息公开申请137件，其中自然人申请86件，上年结转2件，办结136件，另有3件因需征求第三方意见顺延至下年度办理。');
    expect(f.map((x) => x.at)).toEqual(['86件', '2件', '136件', '3件']);
  });

  test('未收到申请 and 所有申请均已办结: left to narrative-contradiction when the prose itself states the count (the sample says 共收到…137件 and 结转下年度继续办理1件)', () => {
    expect(findings(R, '全年未收到政府信息公开申请。')).toEqual([]);
    expect(findings(R, '所有申请均已办结。')).toEqual([]);
    expect(findings('narrative-contradiction', '全年未收到政府信息公开申请。').map((x) => x.related)).toEqual([['未收到政府信息公开申请']]);
  });

  test.each([
    ['timeliness is not completeness', '所有申请均在法定期限内予以答复，另有1件结转下年度继续办理。'],
    ['a sub-unit', '区民政局收到政府信息公开申请12件，全部按期答复。'],
    ['another year', '2020年共收到政府信息公开申请98件，办结98件。'],
    ['a change', '全年共收到政府信息公开申请137件，较上年增加12件。'],
    ['not applications', '受理群众来电214件，当场答复96件，转办118件。办理网民留言咨询127件。'],
    ['plans', '下一步，力争全年办结申请200件以上。'],
    ['agreeing counts', '全年共收到政府信息公开申请137件，其中自然人申请87件，法人或其他组织申请50件，办结137件，1件结转下年度继续办理。'],
  ])('no finding: %s', (_name, sentence) => {
    expect(findings(R, sentence)).toEqual([]);
  });
});
