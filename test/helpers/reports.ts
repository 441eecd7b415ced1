/**
 * Small reports written for the tests: the 2021 format, section 三 in the tab-separated layout of seed 001
 * (lines 34–64) but with non-zero numbers that add up, so that every arithmetic rule holds until a test edits one.
 */
const T = '\t';

/** Values of section 三 by row: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
export const SECTION3: Array<[string, number[]]> = [
  ['一、本年新收政府信息公开申请数量' + T, [10, 3, 0, 0, 0, 0, 13]],
  ['二、上年结转政府信息公开申请数量' + T, [2, 0, 0, 0, 0, 0, 2]],
  ['三、本年度办理结果' + T + '(一) 予以公开', [5, 2, 0, 0, 0, 0, 7]],
  [T + '(二) 部分公开（区分处理的，只计这一情形，不计其他情形）', [1, 0, 0, 0, 0, 0, 1]],
  [T + '(三) 不予公开' + T + '1. 属于国家秘密', [1, 0, 0, 0, 0, 0, 1]],
  [T + T + '2. 其他法律行政法规禁止公开', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '3. 危及“三安全一稳定”', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '4. 保护第三方合法权益', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '5. 属于三类内部事务信息', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '6. 属于四类过程性信息', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '7. 属于行政执法案卷', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '8. 属于行政查询事项', [0, 0, 0, 0, 0, 0, 0]],
  [T + '(四) 无法提供' + T + '1. 本机关不掌握相关政府信息', [2, 0, 0, 0, 0, 0, 2]],
  [T + T + '2. 没有现成信息需要另行制作', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '3. 补正后申请内容仍不明确', [0, 0, 0, 0, 0, 0, 0]],
  [T + '(五) 不予处理' + T + '1. 信访举报投诉类申请', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '2. 重复申请', [1, 0, 0, 0, 0, 0, 1]],
  [T + T + '3. 要求提供公开出版物', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '4. 无正当理由大量反复申请', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '5. 要求行政机关确认或重新出具已获取信息', [0, 0, 0, 0, 0, 0, 0]],
  [T + '(六) 其他处理' + T + '1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [0, 0, 0, 0, 0, 0, 0]],
  [T + T + '3. 其他', [0, 1, 0, 0, 0, 0, 1]],
  ['(七) 总计' + T, [10, 3, 0, 0, 0, 0, 13]],
  ['四、结转下年度继续办理' + T, [2, 0, 0, 0, 0, 0, 2]],
];

/** A whole 2021 report (sections 一…六) whose section 三 holds `rows` (default: SECTION3, all sums right). */
export function smallReport(rows: Array<[string, number[]]> = SECTION3): string {
  return [
    '测试县统计局 2021 年政府信息公开工作年度报告',
    '',
    '一、总体情况',
    '',
    '2021 年，我局认真贯彻落实《政府信息公开条例》。',
    '',
    '二、主动公开政府信息情况',
    '',
    '第二十条第（一）项\t\t\t',
    '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
    '规章\t0\t0\t0',
    '行政规范性文件\t0\t0\t0',
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
    '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t\t',
    '\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
    '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
    ...rows.map(([label, values]) => label + T + values.join(T)),
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    '五、存在的主要问题及改进情况',
    '',
    '我局将继续做好政府信息公开工作。',
    '',
    '六、其他需要报告的事项',
    '',
    '无。',
    '',
  ].join('\n');
}

/** 0-based line of the section 三 row whose label contains `label`. */
export function rowLine(text: string, label: string): number {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(label) && /\t\d/.test(l));
  if (i < 0) throw new Error(`no row ${label}`);
  return i;
}

/** Columns of section 三, in the order of the values. */
export const COLUMNS = ['natural', 'commercial', 'research', 'public_welfare', 'legal_service', 'other', 'total'] as const;

/** [start, end) UTF-16 characters of a row's value in a column (the last seven tab-separated fields are the values). */
export function valueSpan(line: string, column: (typeof COLUMNS)[number]): [number, number] {
  const fields = line.split('\t');
  const k = fields.length - COLUMNS.length + COLUMNS.indexOf(column);
  let start = 0;
  for (let i = 0; i < k; i++) start += fields[i].length + 1;
  return [start, start + fields[k].length];
}
