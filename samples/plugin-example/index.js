// An example report-lint plugin. A plugin is a module that exports { name?, rules, templates?, dictionaries? };
// its rules use the same API as the built-in ones (see docs/api.md). This file has no dependencies: the report
// AST and the rule context are plain objects.

const RELATIVE = /(前年|去年|今年|明年|上一年度|本年度)/g;

/** Every paragraph of the report (the preamble and the sections' paragraphs). */
function paragraphs(report) {
  const out = [];
  for (const node of report.children) {
    if (node.type === 'paragraph') out.push(node);
    if (node.type === 'section') for (const c of node.children) if (c.type === 'paragraph') out.push(c);
  }
  return out;
}

/** @type {import('report-lint').RuleModule} */
const noRelativeYear = {
  meta: {
    id: 'no-relative-year',
    type: 'suggestion',
    severity: 'warn',
    description: {
      zh: '年度报告在次年发布，“去年”“今年”会让读者弄错年份，应写明具体年份',
      en: 'Relative years (去年, 今年) in a report published the next year; write the year',
    },
    docs: 'samples/plugin-example/README.md',
    schema: {
      type: 'object',
      properties: { words: { type: 'array', items: { type: 'string' }, description: 'words to report (default: 前年 去年 今年 明年)' } },
      additionalProperties: false,
    },
    defaultOptions: { words: ['前年', '去年', '今年', '明年'] },
  },
  check(report, context) {
    const words = new Set(context.options.words);
    const offsetOf = { 前年: -2, 去年: -1, 今年: 0, 明年: 1 };
    for (const p of paragraphs(report)) {
      RELATIVE.lastIndex = 0;
      let m;
      while ((m = RELATIVE.exec(p.value)) !== null) {
        if (!words.has(m[1])) continue;
        const start = p.position.start.offset + m.index;
        const year = report.year !== undefined && m[1] in offsetOf ? report.year + offsetOf[m[1]] : undefined;
        context.report({
          node: { position: context.source.position(start, start + m[1].length) },
          message: `「${m[1]}」是相对时间，报告在次年发布时容易让人误解${year ? `，建议写明「${year}年」` : '，建议写明具体年份'}`,
          actual: m[1],
          ...(year ? { expected: `${year}年` } : {}),
        });
      }
    }
  },
};

export default {
  name: 'example',
  rules: [noRelativeYear],
  // a province's extra row: 第二十条第（五）项 行政确认, in the 2021 format
  templates: ['./province-2021.json'],
  dictionaries: [
    [
      {
        pattern: '信息公开办',
        expected: '政务公开办公室',
        context: 'prose',
        specs: [{ from: '由局信息公开办负责', to: '由局政务公开办公室负责' }],
      },
    ],
  ],
};
