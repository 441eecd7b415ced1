/**
 * github: GitHub Actions workflow commands, one annotation a finding:
 *
 *   ::error file=report.txt,line=41,col=32,endLine=41,endColumn=33,title=report-lint row-total::message
 *
 * Data and properties are escaped as GitHub's toolkit (@actions/core) escapes them. GitHub shows only a few
 * annotations per step, so when GITHUB_STEP_SUMMARY is set a Markdown table of every finding is appended to that
 * file too (the job summary is not capped by count).
 */
import { appendFileSync, statSync } from 'node:fs';
import type { LintMessage, LintResult } from '../types.js';
import { ciPath, relatedLines, repoRelative, ruleHelpUri, severityName, sourceRoot, totals } from './ci.js';
import type { Formatter, FormatterContext } from './types.js';

/** Escape the message of a workflow command (% CR LF), as @actions/core's escapeData. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a property value of a workflow command (% CR LF : ,), as @actions/core's escapeProperty. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function workflowCommand(command: string, properties: Array<[string, string | number]>, message: string): string {
  const props = properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${command}${props ? ' ' + props : ''}::${escapeData(message)}`;
}

function annotation(r: LintResult, m: LintMessage, ctx: FormatterContext): string {
  const props: Array<[string, string | number]> = [['file', ciPath(r.filePath, ctx)]];
  if (!m.fatal) {
    props.push(['line', m.line]);
    // GitHub takes columns only for an annotation on one line
    if (m.endLine === m.line) props.push(['col', m.column], ['endLine', m.endLine], ['endColumn', m.endColumn]);
    else props.push(['endLine', m.endLine]);
  }
  props.push(['title', m.ruleId ? `report-lint ${m.ruleId}` : 'report-lint']);
  const text = [m.message, ...relatedLines(m)].join('\n');
  return workflowCommand(m.fatal || m.severity === 2 ? 'error' : m.severity === 0 ? 'notice' : 'warning', props, text);
}

export const github: Formatter = (results, ctx) => {
  const lines: string[] = [];
  for (const r of results) for (const m of r.messages) lines.push(annotation(r, m, ctx));
  const { errors, warnings } = totals(results);
  lines.push(
    errors + warnings
      ? `report-lint：检查了 ${results.length} 个文件，共 ${errors + warnings} 个问题（${errors} 个错误，${warnings} 个警告）`
      : `report-lint：检查了 ${results.length} 个文件，没有发现问题`,
  );
  const summaryFile = ctx.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    try {
      let used = 0;
      try {
        used = statSync(summaryFile).size;
      } catch {
        /* the file does not exist yet */
      }
      appendFileSync(summaryFile, stepSummary(results, ctx, SUMMARY_LIMIT - used));
    } catch (e) {
      lines.push(workflowCommand('warning', [['title', 'report-lint']], `无法写入 GITHUB_STEP_SUMMARY（${summaryFile}）：${e instanceof Error ? e.message : String(e)}`));
    }
  }
  return lines.join('\n') + '\n';
};

/** GitHub accepts at most 1 MiB of summary per step; keep a little room for what others write. */
export const SUMMARY_LIMIT = 1024 * 1024 - 4096;

/** Text for one cell of a Markdown table: markup characters escaped, line breaks as <br>. */
export function markdownCell(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~#!]/g, '\\$&')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/**
 * The job summary: counts, then one table row a finding. Rows that would take the summary over `budget` bytes are
 * left out and counted instead.
 */
export function stepSummary(results: LintResult[], ctx: FormatterContext, budget = SUMMARY_LIMIT): string {
  const { errors, warnings } = totals(results);
  const head =
    `\n## report-lint\n\n` +
    (errors + warnings
      ? `检查了 ${results.length} 个文件，发现 ${errors} 个错误、${warnings} 个警告。\n\n| 文件 | 行:列 | 严重程度 | 规则 | 说明 |\n| --- | --- | --- | --- | --- |\n`
      : `检查了 ${results.length} 个文件，没有发现问题。\n`);
  const env = ctx.env;
  const blob =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/` : undefined;
  const root = sourceRoot(ctx);
  let out = head;
  let size = Buffer.byteLength(out);
  let left = 0;
  for (const r of results) {
    const rel = repoRelative(r.filePath, root);
    for (const m of r.messages) {
      const pos = `${m.line}:${m.column}`;
      const where = blob && rel !== undefined ? `[${pos}](${blob}${rel.split('/').map(encodeURIComponent).join('/')}#L${m.line})` : pos;
      const help = ruleHelpUri(m.ruleId, ctx);
      const rule = m.ruleId ? (help ? `[${markdownCell(m.ruleId)}](${help})` : markdownCell(m.ruleId)) : '';
      const text = [m.message, ...relatedLines(m)].join('\n');
      const row = `| ${markdownCell(ciPath(r.filePath, ctx))} | ${where} | ${severityName(m)} | ${rule} | ${markdownCell(text)} |\n`;
      const bytes = Buffer.byteLength(row);
      if (left || size + bytes + 200 > budget) {
        left++;
        continue;
      }
      out += row;
      size += bytes;
    }
  }
  if (left) out += `\n另有 ${left} 个问题未列出（GitHub 的步骤摘要最多 1 MiB），请看完整的输出。\n`;
  return out;
}
