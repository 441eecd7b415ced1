import { findings } from './prose-helpers.js';

const R = 'prose-number-missing';

describe('prose-number-missing', () => {
  test('an item without its number, next to items with numbers', () => {
    const f = findings(R, '全年公开核准企业资质条、施工许可证76条、安全生产许可证121条。');
    expect(f.map((x) => x.at)).toEqual(['全年公开核准企业资质条']);
    expect(findings(R, '全年公开行政许可信息76条、行政处罚信息条、行政强制信息5条。').map((x) => x.at)).toEqual(['行政处罚信息条']);
  });
  test.each([
    ['ordinary words', '全年公开行政许可信息76条、行政处罚信息12条，公开文件、政策解读等各项内容，逐条进行保密审查。'],
    ['事项 and 文件', '梳理审批事项、公开文件、处理案件，公开信息76条、动态12条。'],
    ['a regulation', '依据《条例》第二十条、第二十一条，公开信息76条。'],
    ['no sibling numbers', '未收到政府信息公开申请件，公开指南、目录各一份。'],
  ])('no finding: %s', (_name, sentence) => {
    expect(findings(R, sentence)).toEqual([]);
  });
});
