import { findings } from './prose-helpers.js';

const R = 'narrative-contradiction';

describe('narrative-contradiction', () => {
  test('未收到申请 and 收到N件', () => {
    const f = findings(R, '全年未收到政府信息公开申请。本年度全区共收到3件申请，均已办结。');
    // (the sample's own paragraph, 共收到政府信息公开申请137件, contradicts the inserted sentence too)
    expect(f.map((x) => [x.at, x.related])).toContainEqual(['3件', ['未收到政府信息公开申请']]);
  });
  test('所有申请均已办结 and N件结转下年度', () => {
    expect(findings(R, '所有申请均已办结。本年度共收到政府信息公开申请137件，1件结转下年度继续办理。').map((x) => x.at)).toContain('1件');
  });
  test('未发生复议 and 复议N件', () => {
    expect(findings(R, '全年未发生政府信息公开行政复议案件。因政府信息公开被申请行政复议41件，均已审结。').map((x) => x.at)).toContain('41件');
  });
  test.each([
    ['timeliness', '所有申请均在法定期限内予以答复，另有1件结转下年度继续办理。'],
    ['not about applications', '全年未发生因政府信息公开引发的舆情事件，未收到群众投诉。'],
    ['timeliness of all answers', '全年收到的政府信息公开申请均在法定期限内答复，没有超期情况。'],
  ])('no finding: %s', (_name, sentence) => {
    expect(findings(R, sentence)).toEqual([]);
  });
});
