/**
 * `report-lint merge FILES...`: the outputs of several runs (shards) as one. JSON results can then be printed in
 * any output format (--format, default json); SARIF stays SARIF; audit JSON can be written as HTML, CSV or JSON.
 * Exit code as a run over all the files would give: 2 a file that could not be read, 1 errors, else 0.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditCsv } from '../batch/audit.js';
import { merge, MergeError } from '../batch/merge.js';
import { formatters } from '../formatters/index.js';
import type { FormatterContext } from '../formatters/types.js';
import { auditHtml } from './audit-html.js';
import { readErrorMessage } from '../io/read.js';

export { MergeError };

export function runMerge(
  files: string[],
  opts: { cwd: string; format?: string; formatGiven: boolean; ctx: FormatterContext },
): { output: string; code: number } {
  if (!files.length) throw new MergeError('请给出要合并的输出文件，例如：report-lint merge out/shard-*.json');
  const inputs = files.map((f) => {
    let text: string;
    try {
      text = readFileSync(resolve(opts.cwd, f), 'utf8');
    } catch (e) {
      throw new MergeError(`「${f}」${readErrorMessage(e)}`);
    }
    try {
      return { name: f, data: JSON.parse(text) as unknown };
    } catch {
      throw new MergeError(`「${f}」不是有效的 JSON`);
    }
  });
  const m = merge(inputs);
  const format = opts.formatGiven ? opts.format : undefined;
  if (m.kind === 'json') {
    const f = formatters[format ?? 'json'];
    if (!f) throw new MergeError(`不认识的输出格式「${format}」，可用：${Object.keys(formatters).join('、')}`);
    const code = m.results.some((r) => r.fatalErrorCount > 0) ? 2 : m.results.some((r) => r.errorCount > 0) ? 1 : 0;
    return { output: f(m.results, opts.ctx), code };
  }
  if (m.kind === 'sarif') {
    if (format !== undefined && format !== 'sarif') throw new MergeError(`SARIF 只能合并为 SARIF（收到 --format ${format}）`);
    const run = m.log.runs[0] as { results?: Array<{ level?: string }>; invocations?: Array<{ executionSuccessful?: boolean }> };
    const code = run.invocations?.some((i) => i.executionSuccessful === false) ? 2 : run.results?.some((r) => r.level === 'error') ? 1 : 0;
    return { output: JSON.stringify(m.log, null, 2) + '\n', code };
  }
  const code = m.data.totals.errors > 0 ? 1 : 0;
  if (format === undefined || format === 'json') return { output: JSON.stringify(m.data, null, 2) + '\n', code };
  if (format === 'csv') return { output: auditCsv(m.data), code };
  if (format === 'html') return { output: auditHtml(m.data), code };
  throw new MergeError(`audit 的输出只能合并为 html、csv 或 json（收到 --format ${format}）`);
}
