/**
 * markdownHints hands remark the text with its plain prose paragraphs blanked (a speed-up: remark's time goes
 * into inline parsing). The hints must be exactly those of the text as it is: same headings, same tables, same
 * offsets, on real, made and generated reports and on texts built to trip a careless blanking.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { blankPlainParagraphs, markdownHints } from '../src/readers/markdown-hints.js';
import { LAYOUTS, synthesize } from '../tools/synth/index.js';

const same = (text: string) => {
  const fast = markdownHints(text);
  const slow = markdownHints(text, { blank: false });
  expect(fast).toEqual(slow);
  return fast;
};

describe('blanking plain paragraphs before remark', () => {
  test('keeps the length, the lines and every non-prose line', () => {
    const text = '# 标题\r\n\r\n第一段文字。\r\n第一段第二行。\r\n\r\n| a | b |\n| - | - |\n\n第二段。\n';
    const b = blankPlainParagraphs(text);
    expect(b.length).toBe(text.length);
    expect(b.split(/\r\n|\r|\n/).map((l) => l.length)).toEqual(text.split(/\r\n|\r|\n/).map((l) => l.length));
    expect(b).toBe('# 标题\r\n\r\n      \r\n       \r\n\r\n| a | b |\n| - | - |\n\n    \n');
  });

  test('the seeds and the made samples give the same hints', () => {
    for (const dir of ['samples/seeds', 'samples/made']) {
      for (const f of readdirSync(dir).filter((x) => /\.(txt|md)$/.test(x))) same(readFileSync(join(dir, f), 'utf8'));
    }
  });

  test('generated reports in every layout, with and without # headings, give the same hints', () => {
    let tables = 0;
    for (let seed = 1; seed <= 12; seed++) {
      for (const layout of LAYOUTS) {
        const h = same(synthesize({ seed, layout, atx: true, targetBytes: 6000 }).text);
        expect(h.headings.size).toBeGreaterThanOrEqual(6);
        tables += h.tables.length;
      }
    }
    expect(tables).toBeGreaterThan(0);
  });

  test.each([
    ['an ordered list, a paragraph, then a line indented as the list item', '10. 列表项\n\n中文段落。\n\n    ## 一、总体情况\n'],
    ['a footnote, a paragraph, then an indented table', '[^1]: 注释\n\n中文段落。\n\n    | a | b |\n    | - | - |\n    | 1 | 2 |\n'],
    ['an HTML comment ended inside prose', '<!--\n\n中文-->结束\n\n## 二、主动公开政府信息情况\n'],
    ['a fence around prose and a heading', '```\n\n中文\n\n# 不是标题\n```\n\n## 三、收到和处理政府信息公开申请情况\n'],
    ['prose right under a table', '| 项目 | 数量 |\n| --- | --- |\n| 规章 | 1 |\n中文紧接表格\n\n第二段\n'],
    ['prose over a delimiter row', '中文表头\n| --- |\n| 1 |\n'],
    ['a setext underline', '中文标题\n===\n\n正文。\n'],
    ['a quote, then prose', '> ## 一、总体情况\n\n中文。\n\n> | a |\n> | - |\n'],
    ['a paragraph last, no line end', '# 标题\n\n结尾段落'],
    ['a table with escaped pipes, no outer pipes, empty and padded cells', '| 项目 | 数量 |\n|---|--:|\n规章 \\| 规范 | 1\n|  | 　2　 |\n| a \\\\| b |\n'],
    ['a table row with more cells than its header, and one with fewer', '| a | b |\n| - | - |\n| 1 | 2 | 3 |\n| 4 |\n'],
    ['a table in a list item', '- | a | b |\n  | - | - |\n  | 1 | 2 |\n'],
    ['tab-separated rows after a list item, then a heading', '1. 项目\n\n\t规章\t0\t0\n\n# 一、总体情况\n'],
    ['a rule of dashes between tabs right under table rows, then a heading', '规章\t0\t0\n-------\t---\t---\n## 四、政府信息公开行政复议、行政诉讼情况\n'],
    ['prose starting with a digit or a closing quote, and a list item starting with digits', '# 标题\n2020年，公开信息 12 条。\n”和“三审三校”制度。\n\n1. 列表\n\n    ## 不是标题\n'],
    ['indented numbered labels in tab rows, with and without list items around', '## 三\n\t\t2.其他法律\t0\t1\n\t\t3.危及\t1\t0\n## 四\n'],
    ['indented numbered labels in tab rows inside a list', '- 项\n\n\t\t2.其他法律\t0\n\n  ## 五\n'],
    ['tab rows between headings with no blank line', '## 三、收到\n规章\t0\t0\n-------\t---\n### 四、诉讼\n中文\t1\n# 五\n'],
    ['a heading inside a fence stays code, the rows around it too', '```\n规章\t0\n# 不是标题\n中文\t1\n```\n## 六、其他\n'],
    ['tab rows that start a list item or hold markup stay for remark', '- 规章\t0\n\n**规章**\t1\n\n| a |\n| - |\n'],
  ])('%s', (_name, text) => {
    same(text);
  });
});
