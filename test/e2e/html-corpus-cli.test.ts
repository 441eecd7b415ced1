/**
 * The built CLI on the two real report pages (samples/pages): no error and no warning on PT2021, which is correct
 * throughout; on PT2019 the unit written in a cell and its two real prose defects; `extract` prints the values by format ids.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, runJson } from '../support/cli.js';

const page = (name: string) => join(ROOT, 'samples', 'pages', name);

test('the built CLI: PT2021 has no error and no warning; PT2019 the unit written in the 采购总金额 cell and its two prose defects', () => {
  const r2021 = runCli([page('PT2021.html')]);
  expect(r2021.code).toBe(0);
  expect(r2021.stdout.trim()).toBe('');
  const { code, results } = runJson([page('PT2019.html')]);
  // 共公布政府信息2599条 with parts that make 2533 (closed by 其他: an error); 核准企业资质条 with no number
  expect(code).toBe(1);
  expect(results[0].errorCount).toBe(1);
  expect(results[0].messages.map((x: { ruleId: string }) => x.ruleId)).toEqual(['narrative-sum', 'prose-number-missing', 'cell-value']);
  const m = results[0].messages[2];
  expect(m.ruleId).toBe('cell-value');
  expect(m.severity).toBe(1);
  expect(m.location).toEqual({ section: 's2', table: 'T2_9', row: 'procurement', column: 'amount' });
  expect(m.place?.text).toBe('第 1 个表格第 18 行第 3 格');
  const line = readFileSync(page('PT2019.html'), 'utf8').split('\n')[m.line - 1];
  expect(line.slice(m.column - 1, m.endColumn - 1)).toBe('75394432.52元');
});

test('report-lint extract on a page prints the values by format ids', () => {
  const r = runCli(['extract', page('PT2021.html')]);
  expect(r.code).toBe(0);
  const x = JSON.parse(r.stdout);
  expect(x.year).toBe(2021);
  expect(x.tables.T3.r1).toEqual({ natural: 64, commercial: 0, research: 0, public_welfare: 2, legal_service: 0, other: 4, total: 70 });
  expect(x.tables.T4.n.ld_total).toBe(12);
});
