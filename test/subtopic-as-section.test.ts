import { lint } from '../src/index.js';
import { SEEDS, lintSample } from './support/reports.js';
import { reportText } from './support/identity.js';

const R = 'subtopic-as-section';
const SUB = [
  '某某县统计局2021年度政府信息公开工作年度报告',
  '',
  '根据《中华人民共和国政府信息公开条例》要求，编制本报告。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。',
  '',
  '一、主动公开工作情况',
  '全年主动公开政府信息236条。',
  '二、依申请公开工作情况',
  '全年新收申请27件。',
  '三、政府信息管理情况',
  '完善了公开目录。',
  '四、平台建设情况',
  '更新了公开专栏。',
  '五、监督保障情况',
  '开展了年度考核。',
  '一、主动公开政府信息情况',
  '（表格从略）',
  '二、收到和处理政府信息公开申请情况',
  '全年新收政府信息公开申请27件，均已按期答复。',
  '三、政府信息公开行政复议、行政诉讼情况',
  '全年未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。',
  '四、存在的主要问题及改进情况',
  '信息发布的及时性还需提高。',
  '五、其他需要报告的事项',
  '本年度未收取信息处理费。',
].join('\n');

describe('subtopic-as-section', () => {
  test('numbering restarts after five sub-topics: one error, and no section-order / section-missing / label-variant flood', () => {
    const r = lint(SUB, { filePath: 'x.txt' });
    expect(r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['5:1 subtopic-as-section']);
    const m = r.messages[0];
    expect(m.severity).toBe(2);
    expect(m.message).toContain('「一、主动公开工作情况」「二、依申请公开工作情况」「三、政府信息管理情况」「四、平台建设情况」「五、监督保障情况」用了一级编号');
    expect(m.message).toContain('「一、主动公开政府信息情况」应为「二、」');
    expect(m.related?.map((x) => x.line)).toEqual([7, 9, 11, 13]);
  });

  test('without the restart: sub-topics first, then the statutory sections shifted by one', () => {
    // 六、主动公开…: no second 一、, but 二、收到… 三、… are one lower than the format
    const text = SUB.replace('一、主动公开政府信息情况', '六、主动公开政府信息情况');
    const r = lint(text, { filePath: 'x.txt' });
    expect(r.messages.filter((m) => m.ruleId === R)).toHaveLength(1);
    // the heading that is neither shifted nor a sub-topic is still section-order's
    expect(r.messages.filter((m) => m.ruleId === 'section-order').map((m) => m.line)).toEqual([15]);
    const shifted = SUB.replace('一、主动公开政府信息情况\n（表格从略）\n', '');
    const r2 = lint(shifted, { filePath: 'x.txt' });
    expect(r2.messages.filter((m) => m.ruleId === R)).toHaveLength(1);
  });

  test.each([
    ['sub-topics as （一）…（五） under 一、总体情况', reportText({ s1: '（一）主动公开情况。公开236条。\n（二）依申请公开情况。收到27件。\n（三）政府信息管理情况。\n（四）政府信息公开平台建设情况。\n（五）监督保障情况。' })],
    ['one sub-topic-like heading only', reportText({ s1: '全年主动公开政府信息236条。\n一、主动公开工作情况' })],
  ])('valid: %s', (_, text) => {
    expect(lint(text, { filePath: 'x.txt' }).messages.filter((m) => m.ruleId === R)).toEqual([]);
  });

  test('the seeds: nothing', () => {
    for (const s of Object.values(SEEDS)) expect(lintSample(s).messages.filter((m) => m.ruleId === R)).toEqual([]);
  });
});
