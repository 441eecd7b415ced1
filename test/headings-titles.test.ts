/**
 * Issue 9, classes 5–7: headings as people really write them, titles split over lines, sub-topics numbered like
 * sections. Reports made in text, Markdown and as a web page.
 */
import { lint, parseReport } from '../src/index.js';
import { sections } from '../src/ast.js';
import { asHtml, asMarkdown, asText, report, t2Captioned, t3Tabbed, t4Three, type Block } from './support/layouts.js';

type Kind = 'text' | 'markdown' | 'html';
const RENDER: Record<Kind, [(b: Block[]) => string, string]> = { text: [asText, 'r.txt'], markdown: [asMarkdown, 'r.md'], html: [asHtml, 'r.html'] };
const base = { s2: t2Captioned(), s3: t3Tabbed(), s4: t4Three() };
const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

function read(blocks: Block[], kind: Kind) {
  const [render, filePath] = RENDER[kind];
  const text = render(blocks);
  return { text, parsed: parseReport(text, { filePath }), messages: lint(text, { filePath }).messages };
}

const ids = (r: ReturnType<typeof read>) => sections(r.parsed.report).map((s) => s.sectionId);
const structural = (r: ReturnType<typeof read>) =>
  r.messages.filter((m) => m.ruleId === null || /^(section-|table-incomplete|cell-count)/.test(m.ruleId)).map((m) => `${m.ruleId} ${m.message}`);

describe('class 5: headings worded otherwise', () => {
  test.each(['text', 'markdown', 'html'] as const)('五、存在的不足和下一步工作打算 is section 五, said by label-variant only (%s)', (kind) => {
    const headings = [...HEADINGS];
    headings[4] = '五、存在的不足和下一步工作打算';
    const r = read(report({ ...base, headings }), kind);
    expect(ids(r)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    expect(structural(r)).toEqual([]);
    expect(r.messages.filter((m) => m.ruleId === 'label-variant').map((m) => m.message)).toEqual([expect.stringContaining('存在的不足和下一步工作打算')]);
  });

  test.each(['text', 'markdown', 'html'] as const)('a heading on the line of its first sentence (%s)', (kind) => {
    const blocks = report({ ...base, s1: [] }).map((b) => ('h' in b && b.h === '一、总体情况' ? { p: '一、总体情况。2023年，我区认真贯彻落实政府信息公开条例。' } : b));
    const r = read(blocks, kind);
    expect(ids(r)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    expect(structural(r)).toEqual([]);
  });

  test('Markdown headings of mixed levels', () => {
    const text = asMarkdown(report(base))
      .replace('## 一、总体情况', '# 一、总体情况')
      .replace('## 三、收到', '### 三、收到')
      .replace('## 五、存在', '#### 五、存在');
    const r = lint(text, { filePath: 'r.md' });
    expect(sections(parseReport(text, { filePath: 'r.md' }).report).map((s) => s.sectionId)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    expect(r.messages.filter((m) => m.ruleId === null || /^section-/.test(m.ruleId))).toEqual([]);
  });

  test('a page whose headings are split over several spans', () => {
    const html = asHtml(report(base)).replace(/<p><strong>([一二三四五六])、([^<]{2})([^<]+)<\/strong><\/p>/g, '<p><span style="font-family:黑体"><strong>$1</strong></span><span>、</span><strong><span>$2</span><span>$3</span></strong></p>');
    expect(html).toContain('<span>、</span>');
    const parsed = parseReport(html, { filePath: 'r.html' });
    expect(sections(parsed.report).map((s) => s.sectionId)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
  });
});

describe('class 6: titles', () => {
  test.each(['text', 'markdown', 'html'] as const)('year first on a line of its own (%s)', (kind) => {
    const r = read(report({ ...base, title: ['2024年度', '某某区人民政府政府信息公开工作年度报告'] }), kind);
    expect(r.parsed.report.year).toBe(2024);
    expect(r.parsed.report.agency).toBe('某某区人民政府');
  });

  test.each(['text', 'html'] as const)('a line such as 正文 above the title is no agency (%s)', (kind) => {
    const r = read(report({ ...base, title: ['正文', '某某区人民政府2023年政府信息公开工作年度报告'] }), kind);
    expect(r.parsed.report.year).toBe(2023);
    expect(r.parsed.report.agency).toBe('某某区人民政府');
  });

  test.each(['text', 'html'] as const)('the agency on the line above the title (%s)', (kind) => {
    const r = read(report({ ...base, title: ['某某市统计局', '2023年政府信息公开工作年度报告'] }), kind);
    expect(r.parsed.report.year).toBe(2023);
    expect(r.parsed.report.agency).toBe('某某市统计局');
  });
});

describe('class 7: sub-topics numbered like sections', () => {
  test.each(['text', 'markdown', 'html'] as const)('一、…五、 inside 总体情况, then the real 二、 (%s)', (kind) => {
    const s1: Block[] = [
      { p: '一、主动公开情况' },
      { p: '2023年，我区主动公开政府信息1200条。' },
      { p: '二、依申请公开情况' },
      { p: '全年共收到政府信息公开申请1264件。' },
      { p: '三、政府信息管理情况' },
      { p: '四、平台建设情况' },
      { p: '五、监督保障情况' },
      { p: '我区将政务公开纳入绩效考核。' },
    ];
    const r = read(report({ ...base, s1 }), kind);
    expect(ids(r)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    expect(sections(r.parsed.report)[1].heading.value).toBe('二、主动公开政府信息情况');
    expect(structural(r)).toEqual([]);
  });
});
