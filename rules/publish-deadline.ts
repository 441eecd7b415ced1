import { defineRule } from '../src/engine/rule.js';
import { compareDates, formatDate, type AgencyKind } from '../src/prose/identity.js';

const KIND_ZH: Record<AgencyKind, string> = { government: '人民政府', department: '政府部门', township: '乡镇、街道' };

export default defineRule({
  meta: {
    id: 'publish-deadline',
    type: 'problem',
    severity: 'warn',
    description: {
      zh: '网页的发布日期晚于法定期限：政府部门次年 1 月 31 日、县级以上人民政府次年 3 月 31 日（《政府信息公开条例》第四十九条）；期限可在选项中修改',
      en: "The page's publication date is after the deadline: 31 January (departments) or 31 March (governments) of the next year; deadlines are options",
    },
    docs: 'docs/rules/publish-deadline.md',
    schema: {
      type: 'object',
      properties: {
        department: { type: ['string', 'null'], pattern: '^\\d{2}-\\d{2}$', description: 'deadline of departments in the next year (MM-DD), null for none' },
        government: { type: ['string', 'null'], pattern: '^\\d{2}-\\d{2}$', description: 'deadline of governments in the next year (MM-DD), null for none' },
        township: { type: ['string', 'null'], pattern: '^\\d{2}-\\d{2}$', description: 'deadline of townships and streets in the next year (MM-DD), null for none' },
      },
      additionalProperties: false,
    },
    defaultOptions: { department: '01-31', government: '03-31', township: null },
  },
  check(report, ctx) {
    const id = ctx.identity();
    const pub = id.published;
    const kind = id.agencyKind;
    if (!pub || !kind) return;
    const p = id.period;
    const y = id.title?.year ?? (p?.from && p.to && p.from.year === p.to.year ? p.from.year : p?.wholeYear);
    if (y === undefined) return;
    const d = ctx.options[kind.kind] as string | null | undefined;
    if (!d) return;
    const [month, day] = d.split('-').map(Number);
    const deadline = { year: y + 1, month, day };
    if (compareDates(pub.date, deadline) <= 0) return;
    ctx.report({
      node: pub.node,
      message: `网页发布日期 ${formatDate(pub.date)} 晚于${KIND_ZH[kind.kind]}年度报告的发布期限 ${formatDate(deadline)}（${kind.reason}；《政府信息公开条例》第四十九条）`,
      expected: `不晚于${formatDate(deadline)}`,
      actual: formatDate(pub.date),
    });
  },
});
