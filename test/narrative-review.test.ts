import { findings } from './prose-helpers.js';

// the sample's table 四: 行政复议 41 (维持 37, 纠正 0, 其他 1, 尚未审结 3); 直接起诉 3 (1/0/1/1); 复议后起诉 3 (0/1/1/1)
const R = 'narrative-review';

describe('narrative-review', () => {
  test('counts against the totals', () => {
    const f = findings(R, '本年度因政府信息公开工作被申请行政复议42件，被提起行政诉讼5件。');
    expect(f.map((x) => [x.at, x.message])).toEqual([
      ['42件', '正文「因政府信息公开工作被申请行政复议42件」与表四不符：行政复议「总计」 = 41'],
      ['5件', '正文「被提起行政诉讼5件」与表四不符：直接起诉「总计」 + 复议后起诉「总计」 = 6'],
    ]);
  });

  test('qualifiers: 均获维持, 均已审结, 无败诉, 未发生', () => {
    expect(findings(R, '因政府信息公开被申请行政复议41件，均获维持。').map((x) => x.at)).toEqual(['均获维持']);
    expect(findings(R, '因政府信息公开被提起行政诉讼6件，均已审结。').map((x) => x.at)).toEqual(['均已审结']);
    // the sample's own prose states 复议41件 and 诉讼6件: 未发生 beside them is narrative-contradiction's finding
    expect(findings(R, '全年没有发生因政府信息公开申请引发的行政复议、行政诉讼等情况。')).toEqual([]);
    expect(findings('narrative-contradiction', '全年没有发生因政府信息公开申请引发的行政复议、行政诉讼等情况。').map((x) => x.at)).toEqual(['41件', '6件']);
  });

  test.each([
    ['agreeing counts', '本年度因政府信息公开工作被申请行政复议41件，被提起行政诉讼6件。'],
    ['all three totals', '涉及政府信息公开行政复议和行政诉讼的案件共47件。'],
    ['the agency as the review organ', '全年受理行政复议申请120件，依法审结115件。'],
    ['a change', '因政府信息公开被申请行政复议41件，较上年减少2件。'],
    ['not about information disclosure', '全年办理行政诉讼案件12件。'],
  ])('no finding: %s', (_name, sentence) => {
    expect(findings(R, sentence)).toEqual([]);
  });
});
