/**
 * sarif: SARIF 2.1.0 (OASIS), the format GitHub code scanning and many review tools read.
 *
 * One run. tool.driver.rules describes every rule known in the run; each finding is a result with a physical
 * location (URI relative to %SRCROOT%, region in UTF-16 columns), its logical location (section / table / row /
 * column of the format), the cells of an arithmetic finding as related locations, fixes where a rule offers them,
 * and a partial fingerprint that does not depend on line numbers. Messages without a rule (a file that cannot be
 * read, a text that is not a report) and crashed rules are tool execution notifications, not results.
 */
import { createHash } from 'node:crypto';
import { extname, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCS_BASE, packageVersion } from '../paths.js';
import { docsUrl } from '../engine/rule.js';
import type { LintMessage, LintResult, LogicalLocation, RelatedLocation } from '../types.js';
import { repoRelative, sourceRoot } from './ci.js';
import type { Formatter, FormatterContext } from './types.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** key of report-lint's partial fingerprint; the version changes if the way it is computed changes */
export const FINGERPRINT_KEY = 'reportLintFinding/v1';

type Json = Record<string, unknown>;

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

/** A file's location: relative to %SRCROOT% when below it, else a file: URI (or, for `<text>`, the name). */
function artifactLocation(filePath: string, root: string): ArtifactLocation {
  const rel = repoRelative(filePath, root);
  if (rel !== undefined) return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  if (isAbsolute(filePath)) return { uri: pathToFileURL(filePath).href };
  return { uri: encodeURIComponent(filePath) };
}

const MIME: Record<string, string> = {
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
};

function region(p: { line: number; column: number; endLine: number; endColumn: number }): Json {
  return { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn };
}

const LOGICAL_KINDS: Array<[keyof LogicalLocation, string]> = [
  ['section', 'section'],
  ['table', 'table'],
  ['row', 'row'],
  ['column', 'cell'],
];

/** The format's coordinates as one SARIF logical location: `s3/T3/r3_1/total`, kind cell. */
function logicalLocations(loc: LogicalLocation | undefined): Json[] | undefined {
  if (!loc) return undefined;
  const parts = LOGICAL_KINDS.filter(([k]) => loc[k] !== undefined);
  if (!parts.length) return undefined;
  const [lastKey, kind] = parts[parts.length - 1];
  return [
    {
      name: loc[lastKey],
      fullyQualifiedName: parts.map(([k]) => loc[k]).join('/'),
      kind,
      properties: Object.fromEntries(parts.map(([k]) => [k, loc[k]])),
    },
  ];
}

/**
 * What identifies a finding across runs: the rule, the logical location and the message with its numbers masked
 * (a total that changes from one wrong value to another is the same finding). Line numbers play no part, so a
 * paragraph added above a table moves no finding. Identical keys in one file are told apart by their order.
 */
export function fingerprintKey(m: LintMessage): string {
  const loc = m.location ? LOGICAL_KINDS.map(([k]) => m.location?.[k] ?? '').join('/') : '';
  return [m.ruleId ?? '', loc, m.message.replace(/\d+(\.\d+)?/g, '#')].join('\u0000');
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 32);
}

function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function level(m: LintMessage): 'error' | 'warning' | 'note' {
  return m.fatal || m.severity === 2 ? 'error' : m.severity === 0 ? 'note' : 'warning';
}

export const sarif: Formatter = (results, ctx) => JSON.stringify(sarifLog(results, ctx), null, 2) + '\n';

export function sarifLog(results: LintResult[], ctx: FormatterContext): Json {
  const root = sourceRoot(ctx);
  const ruleIds = [...ctx.rules.keys()];
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const meta = ctx.rules.get(id)!.meta;
    const helpUri = docsUrl(id, meta);
    return {
      id,
      name: ruleName(id),
      shortDescription: { text: meta.description.zh },
      fullDescription: { text: `${meta.description.zh}\n${meta.description.en}` },
      ...(helpUri
        ? { helpUri, help: { text: `${meta.description.zh}\n说明与示例：${helpUri}`, markdown: `${meta.description.zh}\n\n[说明与示例](${helpUri})` } }
        : { help: { text: meta.description.zh } }),
      defaultConfiguration: { level: meta.severity === 'error' ? 'error' : meta.severity === 'info' ? 'note' : 'warning' },
      properties: { tags: [meta.type], ...(meta.fixable ? { fixable: true } : {}) },
    };
  });

  const artifacts: Json[] = [];
  const sarifResults: Json[] = [];
  const notifications: Json[] = [];

  for (const r of results) {
    const index = artifacts.length;
    const location = artifactLocation(r.filePath, root);
    artifacts.push({ location, roles: ['analysisTarget'], mimeType: MIME[extname(r.filePath).toLowerCase()] ?? 'text/plain' });
    const indexed: ArtifactLocation = { ...location, index };
    const seen = new Map<string, number>();

    for (const m of r.messages) {
      if (m.fatal || m.ruleId === null) {
        notifications.push({
          level: level(m),
          message: { text: m.message },
          locations: [{ physicalLocation: { artifactLocation: indexed } }],
          ...(m.ruleId !== null && ruleIndex.has(m.ruleId) ? { associatedRule: { id: m.ruleId, index: ruleIndex.get(m.ruleId) } } : {}),
        });
        continue;
      }
      const key = fingerprintKey(m);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const logical = logicalLocations(m.location);
      const result: Json = {
        ruleId: m.ruleId,
        ...(ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
        level: level(m),
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation: indexed, region: region(m) }, ...(logical ? { logicalLocations: logical } : {}) }],
        partialFingerprints: { [FINGERPRINT_KEY]: `${hash(key)}:${n}` },
      };
      if (m.related?.length) result.relatedLocations = m.related.map((rel, i) => relatedLocation(rel, i + 1, rel.filePath !== undefined ? artifactLocation(rel.filePath, root) : indexed));
      const fixes = [...(m.fix ? [{ desc: `改为「${m.fix.text}」`, fix: m.fix }] : []), ...(m.suggestions ?? [])].map((s) => ({
        description: { text: s.desc },
        artifactChanges: [
          {
            artifactLocation: indexed,
            replacements: [
              { deletedRegion: { charOffset: s.fix.range[0], charLength: s.fix.range[1] - s.fix.range[0] }, insertedContent: { text: s.fix.text } },
            ],
          },
        ],
      }));
      if (fixes.length) result.fixes = fixes;
      if (m.expected !== undefined || m.actual !== undefined || m.place) {
        result.properties = {
          ...(m.expected !== undefined ? { expected: m.expected } : {}),
          ...(m.actual !== undefined ? { actual: m.actual } : {}),
          // where it is in the document's own terms: a PDF's page and position, a Word file's table and cell
          ...(m.place ? { place: m.place } : {}),
        };
      }
      sarifResults.push(result);
    }
  }

  const version = packageVersion();
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'report-lint',
            version,
            semanticVersion: version,
            informationUri: DOCS_BASE + 'README.md',
            rules,
          },
        },
        invocations: [{ executionSuccessful: !results.some((r) => r.fatalErrorCount > 0), ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        language: 'zh-CN',
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(root), description: { text: '仓库根目录' } } },
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

function relatedLocation(rel: RelatedLocation, id: number, file: ArtifactLocation): Json {
  const logical = logicalLocations(rel.location);
  return {
    id,
    message: { text: rel.message },
    physicalLocation: { artifactLocation: file, region: region(rel) },
    ...(logical ? { logicalLocations: logical } : {}),
  };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
}
