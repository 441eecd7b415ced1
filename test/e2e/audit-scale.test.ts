/**
 * The audit at scale, small: a generated corpus of agencies × years (consistent year to year, cross-year defects
 * injected into some reports) is audited by the built CLI; every injected defect is found and no cross-year finding
 * is made on a clean report. bench/audit-scale.ts runs the same over 20,000 reports.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, runAudit, writeCorpus } from '../../bench/audit-scale.js';
import { series } from '../../bench/years.js';

test('the generator: every year continues the one before, defects aside', () => {
  const reports = [...series({ agencies: 6, from: 2019, to: 2023, seed: 2, defectRate: 0.5 })];
  expect(reports).toHaveLength(30);
  expect(new Set(reports.map((r) => r.layout))).toEqual(new Set(['tab', 'word', 'markdown', 'pdf']));
  expect(new Set(reports.filter((r) => r.defect).map((r) => r.defect))).toEqual(new Set(['carry', 'stock', 'copy']));
  // no defect in an agency's first year (nothing to compare it with)
  expect(reports.filter((r) => r.year === 2019 && r.defect)).toEqual([]);
});

test('audit finds every injected cross-year defect and nothing on clean pairs', () => {
  const root = mkdtempSync(join(tmpdir(), 'report-lint-audit-small-'));
  try {
    const dir = join(root, 'corpus');
    const expected = writeCorpus(dir, { agencies: 10, from: 2019, to: 2023, seed: 7, defectRate: 0.4 });
    const r = runAudit(dir, ['--concurrency', '2']);
    const c = check(r.audit, expected);
    expect(c.reports).toBe(50);
    expect(Object.values(c.injected).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(8);
    expect(c.missed).toEqual([]);
    expect(c.falsePositives).toEqual([]);
    expect(c.misfiled).toEqual([]);
    expect(c.found).toBe(Object.values(c.injected).reduce((a, b) => a + b, 0));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}, 300_000);
