/**
 * Helpers shared by the formats read by CI systems (sarif, github, junit, checkstyle): where a file is relative to
 * the repository, how a finding is named in one line, and XML escaping.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { docsUrl } from '../engine/rule.js';
import type { LintMessage, RelatedLocation } from '../types.js';
import type { FormatterContext } from './types.js';

/**
 * The repository root that CI paths are relative to: GITHUB_WORKSPACE inside GitHub Actions (the checkout, even
 * when a step runs in a sub-folder), else the working directory.
 */
export function sourceRoot(ctx: FormatterContext): string {
  const ws = ctx.env.GITHUB_WORKSPACE;
  return ws && isAbsolute(ws) ? ws : ctx.cwd;
}

/**
 * A file's path relative to `root` with forward slashes, or undefined when the file is not below the root (or the
 * path is not absolute, as for standard input's `<text>`).
 */
export function repoRelative(filePath: string, root: string): string | undefined {
  if (!isAbsolute(filePath)) return undefined;
  const r = relative(root, filePath);
  if (!r || r === '..' || r.startsWith('..' + sep) || isAbsolute(r)) return undefined;
  return sep === '/' ? r : r.split(sep).join('/');
}

/** The path to print for CI: repository-relative when possible, else as given. */
export function ciPath(filePath: string, ctx: FormatterContext): string {
  return repoRelative(filePath, sourceRoot(ctx)) ?? filePath;
}

export function severityName(m: LintMessage): '错误' | '警告' | '提示' {
  return m.fatal || m.severity === 2 ? '错误' : m.severity === 0 ? '提示' : '警告';
}

/** The web page of a rule, when the rule is known. */
export function ruleHelpUri(ruleId: string | null, ctx: FormatterContext): string | undefined {
  const rule = ruleId ? ctx.rules.get(ruleId) : undefined;
  return rule && ruleId ? docsUrl(ruleId, rule.meta) : undefined;
}

/** `相关：41:20 自然人：3` — one line for each cell taking part in a finding. */
export function relatedLines(m: LintMessage): string[] {
  return (m.related ?? []).map((r: RelatedLocation) => `相关：${r.filePath !== undefined ? `${r.filePath}:` : ''}${r.line}:${r.column} ${r.message}`);
}

/** Counts over all results. */
export function totals(results: { errorCount: number; warningCount: number }[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
  }
  return { errors, warnings };
}

// Characters XML 1.0 allows: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. With the u
// flag a lone surrogate is one code point outside these ranges, so it is dropped too.
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content of an XML element: characters XML 1.0 cannot hold are dropped, markup characters escaped. */
export function xmlText(s: string): string {
  return s.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An XML attribute value (for double quotes). Tabs and line breaks are written as character references, since a
 * parser turns literal ones into spaces.
 */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
