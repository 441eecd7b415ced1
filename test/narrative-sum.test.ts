import { findings } from './prose-helpers.js';

const R = 'narrative-sum';

describe('narrative-sum', () => {
  test('a closed list (ends with 其他) that falls short: an error on the total, the parts as related places', () => {
    const f = findings(R, '今年，我局共公布政府信息2599条，(其中机构职能类信息25条，政策、规范性文件类信息68条，规划计划类信息28条，其他应主动公开政府信息856条)。');
    expect(f).toHaveLength(1);
    expect(f[0].at).toBe('2599条');
    expect(f[0].severity).toBe(2);
    expect(f[0].message).toContain('25 + 68 + 28 + 856 = 977条');
    expect(f[0].related).toEqual(['25条', '68条', '28条', '856条']);
  });

  test('parts that exceed the total: a warning', () => {
    const f = findings(R, '门户网站本年度更新信息1530条，其中工作动态1168条、通知公告305条、政策解读84条。');
    expect(f.map((x) => [x.at, x.severity])).toEqual([['1530条', 1]]);
  });

  test('an outcome list in the next sentence, all six groups', () => {
    const f = findings(R, '全年办结申请143件。其中予以公开61件，部分公开18件，不予公开9件，无法提供40件，不予处理6件，其他处理5件。');
    expect(f.map((x) => x.at)).toEqual(['143件']);
  });

  test('a nested list in parentheses is checked on its own', () => {
    const f = findings(R, '今年共发布380条财政资金信息，其中专项资金152条，预决算公开197条（政府预决算32条、部门预决算公开175条）、“三公”经费27条、债券发行4条。');
    expect(f.map((x) => x.at)).toEqual(['197条']);
  });

  test.each([
    ['PDF spaces, sums right', '主动公开政府信息的 1248 条，其中政府公报公开政府信息 2 条，政府网站公开政府信息 41 条，政务微博公开政府信息 1133 条，政务微信公开政府信息 72 条。'],
    ['U+3000 and U+00A0 around numbers', '主动公开政府信息\u30001248\u3000条，其中政府网站公开\u00a01176\u00a0条，政务微信公开 72 条。'],
    ['full-width digits', '全年主动公开政府信息１２４８条，其中政府网站公开１１７６条，政务微信公开７２条。'],
    ['parenthesised list', '公开文件 47 个(卫沙人普发 23 个，卫沙人普组发 2 个，卫沙统发 21 个，卫沙经普发 1 个)。'],
    ['open list that falls short', '全年公开信息1248条，其中政府网站公开1000条，政务微信公开72条。'],
    ['approximation', '全年公开信息1000余条，其中政策文件300条、工作动态500条、其他300条。'],
    ['another unit', '发布政策解读33条，其中图文解读12篇、视频解读5个。'],
    ['partial enumeration', '公开文件412件，其中包括：规范性文件9件；财政预决算信息；重点项目进展情况；人事任免信息37件；政策解读58件。'],
    ['a prefix sums (unrelated numbers follow)', '办结申请57件，其中予以公开31件、部分公开9件、不予公开5件、无法提供12件，另有行政复议3件、行政诉讼4件。'],
    ['含 with no number', '政府网站公开106条（含视频宣传片），新媒体发布106条。'],
    ['thousands separators', '新媒体发布信息2,345条，其中原创1,200条，转载1,145条。'],
  ])('no finding: %s', (_name, sentence) => {
    expect(findings(R, sentence)).toEqual([]);
  });
});
