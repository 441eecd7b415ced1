/**
 * Issue 9: a file in which a report's title, its section names or its table rows are found, but not its
 * structure, is an error that fails the run (exit 1) — never the informational "not a report" with exit 0. A
 * file with no sign of a report keeps that warning.
 */
import { lint } from '../src/index.js';

const TITLE = '某某区人民政府2023年政府信息公开工作年度报告';

test('a title and sections numbered otherwise (第一部分): an error at the title, nothing else', () => {
  const text = `${TITLE}\n\n第一部分　总体情况\n\n2023年，我区认真贯彻落实条例。\n\n第二部分　主动公开政府信息情况\n\n本年主动公开信息 504 条。\n`;
  const r = lint(text, { filePath: 'r.txt' });
  expect(r.messages).toHaveLength(1);
  expect(r.messages[0]).toMatchObject({ ruleId: null, severity: 2, line: 1, column: 1, endLine: 1, endColumn: TITLE.length + 1 });
  expect(r.messages[0].message).toMatch(/^读不出报告的结构，未作检查：文件中有报告标题「某某区人民政府2023年政府信息公开工作年度报告」、部分名称「第一部分　总体情况」「第二部分　主动公开政府信息情况」/);
  expect(r.errorCount).toBe(1);
  expect(r.messages[0].fatal).toBeUndefined();
});

test('a title alone (the rest of the report a picture): an error', () => {
  const r = lint(`${TITLE}\n\n（图片）\n`, { filePath: 'r.txt' });
  expect(r.messages.map((m) => [m.severity, m.message.slice(0, 13)])).toEqual([[2, '读不出报告的结构，未作检查']]);
});

test('table rows of the format without any heading: an error', () => {
  const text = '一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n';
  const r = lint(text, { filePath: 'table.txt' });
  expect(r.messages).toHaveLength(1);
  expect(r.messages[0]).toMatchObject({ severity: 2, line: 1, column: 1 });
  expect(r.messages[0].message).toContain('表格的行名（如「本年新收政府信息公开申请数量」）');
});

test('a page with the title and unnumbered section names in bold: an error located on the title', () => {
  const html = `<html><body><h1>${TITLE}</h1><p><b>总体情况</b></p><p>2023年，我区……</p><p><b>主动公开政府信息情况</b></p></body></html>`;
  const r = lint(html, { filePath: 'r.html' });
  expect(r.messages).toHaveLength(1);
  expect(r.messages[0]).toMatchObject({ ruleId: null, severity: 2, line: 1 });
  expect(html.slice(r.messages[0].column - 1, r.messages[0].endColumn - 1)).toBe(TITLE);
});

test('no sign of a report (a README, a news page, notes): the warning as before, exit 0', () => {
  for (const [name, text] of [
    ['README.md', '# Hello\n\nThis is not a report.\n'],
    ['notes.txt', '会议纪要\n今天开会。\n'],
    ['news.html', '<html><head><title>新闻</title></head><body><p>今天召开了全县工作会议。</p></body></html>'],
  ]) {
    const r = lint(text, { filePath: name });
    expect(r.messages.map((m) => [m.severity, m.message.slice(0, 16)])).toEqual([[1, '未识别为政府信息公开工作年度报告']]);
  }
});
