import { findings } from './prose-helpers.js';

// the sample's table 二 第二十条第（一）项: 规章 67 / 20 / 39, 行政规范性文件 7 / 0 / 2
const R = 'narrative-t2';

describe('narrative-t2', () => {
  test('issued, repealed and in force against table 二', () => {
    const f = findings(R, '本年度我局制发行政规范性文件8件，废止1件；截至2021年底，现行有效行政规范性文件3件。');
    expect(f.map((x) => [x.at, x.message])).toEqual([
      ['8件', '正文「我局制发行政规范性文件8件」与表二不符：行政规范性文件「本年制发件数」 = 7'],
      ['1件', '正文「废止1件」与表二不符：行政规范性文件「本年废止件数」 = 0'],
      ['3件', '正文「现行有效行政规范性文件3件」与表二不符：行政规范性文件「现行有效件数」 = 2'],
    ]);
    expect(f[0].related).toEqual(['7']);
  });
  test('规章: 新制定 inside the parenthesis of a count of 规章 made public', () => {
    expect(findings(R, '主动公开市政府规章13件（含新制定5件，修改4件，废止20件）。').map((x) => x.at)).toEqual(['5件']);
  });
  test.each([
    ['agreeing counts', '本年度制发行政规范性文件7件，现行有效行政规范性文件2件。'],
    ['documents forwarded or explained', '公开转发上级规范性文件15件，解读规范性文件7件。'],
    ['a clean-up', '清理规范性文件30件，废止5件，修改3件。'],
    ['both kinds together', '本年度共制发规章和规范性文件12件。'],
    ['another year', '2020年制发行政规范性文件9件。'],
    ['a sub-unit', '区教育局制发行政规范性文件3件。'],
  ])('no finding: %s', (_name, sentence) => {
    expect(findings(R, sentence)).toEqual([]);
  });
});
