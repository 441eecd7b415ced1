import { findings } from './prose-helpers.js';

const R = 'narrative-percent';

describe('narrative-percent', () => {
  test('a share that does not match, at the precision printed', () => {
    const f = findings(R, '全年办结申请640件，其中予以公开及部分公开230件，占36.9%，无法提供27件，占4.21%，不予处理19件，占2.97%。');
    expect(f.map((x) => [x.at, x.related])).toEqual([['36.9%', ['640件', '230件']]]);
    expect(f[0].message).toContain('= 35.94%');
  });
  test.each([
    ['rounded', '全年办结申请640件，其中予以公开及部分公开230件，占35.9%。'],
    ['truncated', '全年办结申请640件，其中无法提供27件，占4.21%。'],
    ['not in a list', '全年共发布信息291条，较2020年增长15%，群众满意率98.5%。'],
    ['approximate total', '全年公开信息约600条，其中政策文件300条，占40%。'],
  ])('no finding: %s', (_name, sentence) => {
    expect(findings(R, sentence)).toEqual([]);
  });
});
