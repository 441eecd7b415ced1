/**
 * The five real reports: every known defect that falls under the rules is found at its place, and nothing else
 * is reported (the correct parts stay silent). Then copies of them with one thing changed: the rule fires at
 * that row's line; changed back, it is silent.
 */
import { lint } from '../src/index.js';
import { SEEDS, brief, lintSample, readSample, replaceLine, spanText } from './support/reports.js';

describe('the known defects of the seeds, and nothing else', () => {
  test('000: blank cells in sections 二, 三 and 四 (only the 总计 column of 三 is filled)', () => {
    const r = lintSample(SEEDS.s000);
    expect(r.messages.every((m) => m.ruleId === 'cell-empty' && m.severity === 1)).toBe(true);
    expect(brief(r.messages)).toEqual([
      '35:2 cell-empty', '40:2 cell-empty', '52:2 cell-empty', '57:2 cell-empty', '69:2 cell-empty', '74:2 cell-empty',
      '119:2 cell-empty', '128:2 cell-empty', '138:2 cell-empty', '148:2 cell-empty', '159:2 cell-empty', '170:2 cell-empty',
      '181:2 cell-empty', '192:2 cell-empty', '203:2 cell-empty', '214:2 cell-empty', '225:2 cell-empty', '236:2 cell-empty',
      '247:2 cell-empty', '258:2 cell-empty', '269:2 cell-empty', '280:2 cell-empty', '291:2 cell-empty', '302:2 cell-empty',
      '313:2 cell-empty', '324:2 cell-empty', '334:2 cell-empty', '344:2 cell-empty', '353:2 cell-empty', '392:2 cell-empty',
    ]);
    const first = r.messages[0];
    expect(first.message).toBe('「规章」「本年新制作数量」为空，应填写数字（没有的填 0）');
    expect(r.messages.find((m) => m.line === 119)!.message).toBe(
      '「一、本年新收政府信息公开申请数量」有 6 个格子是空的（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他），应填写数字（没有的填 0）',
    );
    expect(r.messages.find((m) => m.line === 119)!.related).toHaveLength(5);
    expect(r.messages.find((m) => m.line === 392)!.message).toBe('第四部分表格的数据行整行 15 个格子都是空的，应填写数字（没有的填 0）');
    // the previous year's 统计公报 and the all-zero 总计 column are not findings
    expect(r.errorCount).toBe(0);
  });

  test('001: a correct report in the 2021 format gives no finding', () => {
    expect(lintSample(SEEDS.s001).messages).toEqual([]);
  });

  test('002: five row labels with typos, each with the canonical label as fix', () => {
    const text = readSample(SEEDS.s002);
    const r = lintSample(SEEDS.s002);
    expect(brief(r.messages)).toEqual(['123:2 label-variant', '132:2 label-variant', '185:2 label-variant', '229:2 label-variant', '262:2 label-variant']);
    expect(r.messages.map((m) => m.message)).toEqual([
      '行名「一、本年新收到政府信息公开申请数量」与格式不一致（多了「到」），应为「一、本年新收政府信息公开申请数量」',
      '行名「二、上年结转政府信息公开数量」与格式不一致（缺少「申请」），应为「二、上年结转政府信息公开申请数量」',
      '行名「3.危机“三安全一稳定”」与格式不一致（「机」应为「及」），应为「3.危及“三安全一稳定”」',
      '行名「7.属于行政法案卷」与格式不一致（缺少「执」），应为「7.属于行政执法案卷」',
      '行名「2.没有现成信息需另行制作」与格式不一致（缺少「要」），应为「2.没有现成信息需要另行制作」',
    ]);
    for (const m of r.messages) {
      // the finding covers exactly the label as written, and the fix replaces exactly that
      expect(spanText(text, m)).toBe(m.actual);
      expect(text.slice(m.fix!.range[0], m.fix!.range[1])).toBe(m.actual);
      expect(m.fix!.text).toBe(m.expected);
    }
  });

  test('003: a unit inside a money cell is a warning; split labels and the page-broken label are not reported', () => {
    const text = readSample(SEEDS.s003);
    const r = lintSample(SEEDS.s003);
    expect(brief(r.messages)).toEqual(['32:11 cell-value']);
    expect(r.messages[0].severity).toBe(1);
    expect(spanText(text, r.messages[0])).toBe('20 万元');
  });

  test('004: section 六 missing, the reworded heading of 四, 社会组织, rows with 6 and 16 cells', () => {
    const text = readSample(SEEDS.s004);
    const r = lintSample(SEEDS.s004);
    expect(brief(r.messages)).toEqual([
      '57:13 label-variant', '60:4 cell-count', '61:6 cell-count', '86:3 label-variant', '91:1 cell-count', '103:1 section-missing',
    ]);
    const byLine = (l: number) => r.messages.find((m) => m.line === l)!;
    expect(spanText(text, byLine(57))).toBe('社会组织');
    expect(byLine(57).fix).toEqual({ range: expect.any(Array), text: '社会公益组织' });
    expect(byLine(60)).toMatchObject({ expected: '7', actual: '6', message: expect.stringContaining('「（一）予以公开」应有 7 个数字格，实有 6 个') });
    expect(byLine(91)).toMatchObject({ expected: '15', actual: '16' });
    expect(byLine(86).message).toBe('部分标题「因政府信息公开工作被申请复议、提起行政诉讼情况」与格式不一致，应为「政府信息公开行政复议、行政诉讼情况」');
    expect(spanText(text, byLine(86))).toBe('因政府信息公开工作被申请复议、提起行政诉讼情况');
    expect(byLine(103)).toMatchObject({ severity: 2, message: '缺少第六部分「六、其他需要报告的事项」（报告到此结束，未见这一部分）' });
    // the sums of the text (397 条 … 106 条 … 291 条) and the zero tables: no arithmetic finding
    expect(r.messages.some((m) => ['balance', 'row-total', 'outcome-total', 'review-total'].includes(m.ruleId!))).toBe(false);
  });
});

describe('copies of the seeds with one thing changed', () => {
  const lintText = (text: string) => lint(text, { filePath: 'copy.txt' });

  test('001 (tab rows): one applicant cell of （一）予以公开 changed → row-total and outcome-total at that row', () => {
    const base = readSample(SEEDS.s001);
    // line 41: 三、本年度办理结果\t(一) 予以公开\t0\t0… → 自然人 = 5
    const text = replaceLine(base, 41, (l) => l.replace('予以公开\t0', '予以公开\t5'));
    const r = lintText(text);
    expect(brief(r.messages)).toEqual(['41:32 row-total', '63:8 outcome-total']);
    expect(r.messages.map((m) => spanText(text, m))).toEqual(['0', '0']);
    const rt = r.messages[0];
    expect(rt).toMatchObject({ severity: 2, expected: '5', actual: '0', message: '「（一）予以公开」的总计应为 5（六类申请人之和），实为 0' });
    expect(rt.related).toHaveLength(6);
    expect(r.messages[1]).toMatchObject({ expected: '5', actual: '0', message: '（七）总计「自然人」栏应为 5（（一）至（六）之和），实为 0' });
    expect(r.messages[1].related).toEqual([expect.objectContaining({ line: 41, column: 20, message: '（一）予以公开：5' })]);
    // changed back: silent
    expect(lintText(replaceLine(text, 41, (l) => l.replace('予以公开\t5', '予以公开\t0'))).messages).toEqual([]);
  });

  test('001: 一、本年新收 changed in the 总计 column only → balance and row-total', () => {
    const base = readSample(SEEDS.s001);
    const lines = base.split('\n');
    // line 39: the last number is the 总计
    const text = replaceLine(base, 39, (l) => l.replace(/0\t$/, '3\t'));
    expect(lines[38].endsWith('0\t')).toBe(true);
    const r = lintText(text);
    expect(brief(r.messages)).toEqual(['39:31 row-total', '63:20 balance']);
    expect(r.messages[1].message).toBe(
      '「总计」列勾稽关系不成立：一、本年新收（3）+ 二、上年结转（0）= 3，（七）总计（0）+ 四、结转下年度继续办理（0）= 0，两者应相等',
    );
    expect(r.messages[1].related!.map((x) => x.line)).toEqual([39, 40, 63, 64]);
  });

  test('002 (Word export): a number in section 四 changed → review-total at the 总计 cell', () => {
    const base = readSample(SEEDS.s002);
    // lines 395–409 are the 15 cells of the data row; 396 is 行政复议·结果纠正
    const text = replaceLine(base, 396, () => '\t2');
    const r = lintText(text);
    const arith = r.messages.filter((m) => m.ruleId === 'review-total');
    expect(brief(arith)).toEqual(['399:2 review-total']);
    expect(arith[0]).toMatchObject({ expected: '2', actual: '0', message: '「行政复议·总计」应为 2（结果维持、结果纠正、其他结果、尚未审结之和），实为 0' });
  });

  test('003 (Markdown + PDF text): a cell that is not a number → cell-value; the arithmetic of its row stays silent', () => {
    const base = readSample(SEEDS.s003);
    const text = replaceLine(base, 47, (l) => l.replace(/\t0\t0$/, '\t无\t0'));
    const r = lintText(text);
    const found = r.messages.filter((m) => m.ruleId !== 'cell-value' || m.line !== 32);
    expect(brief(found)).toEqual(['47:25 cell-value']);
    expect(spanText(text, found[0])).toBe('无');
    expect(found[0].message).toBe('「（三）不予公开4.保护第三方合法权益」「其他」填的是「无」，不是数字');
  });

  test('004 (PDF text): a cell dropped from a full row → cell-count, and no arithmetic guess', () => {
    const base = readSample(SEEDS.s004);
    const text = replaceLine(base, 58, (l) => l.replace(/\t0$/, ''));
    const r = lintText(text);
    expect(r.messages.filter((m) => m.line === 58).map((m) => m.ruleId)).toEqual(['cell-count']);
  });

  test('004: section 六 added back → section-missing is silent; sections swapped → section-order', () => {
    const base = readSample(SEEDS.s004);
    const withSix = base + '\n六、其他需要报告的事项\n\n无。\n';
    expect(lintText(withSix).messages.some((m) => m.ruleId === 'section-missing')).toBe(false);
    const lines = withSix.split('\n');
    const i5 = lines.findIndex((l) => l.startsWith('五、'));
    const i6 = lines.findIndex((l) => l.startsWith('六、'));
    [lines[i5], lines[i6]] = ['六、其他需要报告的事项', '五、存在的主要问题及改进情况'];
    const swapped = lintText(lines.join('\n'));
    expect(swapped.messages.filter((m) => m.ruleId === 'section-order').map((m) => m.line)).toEqual([i6 + 1]);
  });

  test('000: a blank cell filled with 0 → that finding is gone, the others stay', () => {
    const base = readSample(SEEDS.s000);
    const text = replaceLine(base, 35, () => '\t0');
    const r = lintText(text);
    expect(r.messages.some((m) => m.line === 35)).toBe(false);
    expect(r.messages).toHaveLength(29);
  });
});
