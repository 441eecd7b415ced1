import { defineRule } from '../src/engine/rule.js';
import { applicationStatements, reviewStatements } from '../src/prose/statements.js';

export default defineRule({
  meta: {
    id: 'narrative-contradiction',
    type: 'problem',
    severity: 'warn',
    description: {
      zh: '正文前后矛盾：既说申请全部办结又写有结转下年度的申请；既说未收到申请又写收到N件；既说未发生行政复议、行政诉讼又写有N件',
      en: 'The prose contradicts itself: all applications handled yet some carried forward; no application received yet N received; no review or suit yet N of them',
    },
    docs: 'docs/rules/narrative-contradiction.md',
    schema: { type: 'object', properties: {}, additionalProperties: false },
  },
  check(report, ctx) {
    const prose = ctx.prose();
    const { counts, quals } = applicationStatements(prose, report.agency, report.year);
    for (const q of quals) {
      const against =
        q.kind === 'none-received'
          ? counts.filter((c) => (c.metric === 'received' || c.metric === 'new') && c.number.value > 0)
          : counts.filter((c) => c.metric === 'carried-out' && c.number.value > 0);
      for (const c of against) {
        ctx.report({
          node: { position: c.number.position },
          message:
            q.kind === 'none-received'
              ? `正文前后矛盾：「${c.quote}」，另一处却说「${q.quote}」`
              : `正文前后矛盾：「${c.quote}」，另一处却说「${q.quote}」`,
          expected: 0,
          actual: c.number.value,
          related: [{ node: { position: q.position }, message: `「${q.quote}」` }],
        });
      }
    }
    const review = reviewStatements(prose, report.year);
    for (const q of review.quals) {
      if (q.kind !== 'none') continue;
      for (const c of review.counts) {
        if (c.number.value <= 0) continue;
        const about = c.metric === 'review' ? ['rv'] : c.metric === 'litigation' ? ['ld', 'la'] : ['rv', 'ld', 'la'];
        if (!about.some((g) => (q.groups as string[]).includes(g))) continue;
        ctx.report({
          node: { position: c.number.position },
          message: `正文前后矛盾：「${c.quote}」，另一处却说「${q.quote}」`,
          expected: 0,
          actual: c.number.value,
          related: [{ node: { position: q.position }, message: `「${q.quote}」` }],
        });
      }
    }
  },
});
