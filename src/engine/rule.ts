/**
 * The rule API. Built-in rules and plugin rules use exactly this interface; the engine knows no rule by name.
 */
import { DOCS_BASE } from '../paths.js';
import type { Format } from '../format/formats.js';
import type { Dictionary } from '../format/dictionary.js';
import type { SourceText } from '../text/lines.js';
import type { ReportIdentity } from '../prose/identity.js';
import type { Prose } from '../prose/index.js';
import type { Fix, LogicalLocation, Position, Report, Suggestion } from '../types.js';
import type { PeerReport } from './peer.js';

export type { PeerReport };

export type RuleSeverityName = 'error' | 'warn' | 'info';

export interface RuleMeta {
  /** public id, used in configs, on the command line and in output */
  id: string;
  type: 'problem' | 'suggestion' | 'layout';
  /** default severity */
  severity: RuleSeverityName;
  description: { zh: string; en: string };
  /** docs page, relative to the package root (docs/rules/<id>.md) */
  docs: string;
  /** JSON Schema of the rule's options (an object) */
  schema: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  /** the rule offers fixes that are safe to apply */
  fixable?: boolean;
  /** the rule offers suggestions that are not safe to apply automatically */
  hasSuggestions?: boolean;
  /** the kinds of the format's relations (data/formats/*.json relations[].kind) that the rule checks */
  relations?: string[];
  /**
   * the rule compares the report with other reports (context.peers): whoever lints a set of files gathers them
   * first; linted alone, the rule sees no peers and reports nothing
   */
  crossFile?: boolean;
}

export interface Located {
  position: Position;
}

export interface RelatedDescriptor {
  /** a node of this report; or, for a place in another file, `position` (and `filePath`) */
  node?: Located;
  position?: Located['position'];
  /** another report's file (a peer's filePath) */
  filePath?: string;
  location?: LogicalLocation;
  message: string;
}

export interface ReportDescriptor {
  /** the node the finding is about; its position is the finding's location */
  node: Located;
  message: string;
  expected?: string | number;
  actual?: string | number;
  /** other places that take part (the cells of a sum) */
  related?: RelatedDescriptor[];
  fix?: Fix;
  suggestions?: Suggestion[];
  /** lower the severity of this one finding (never raises it above the configured severity) */
  severity?: RuleSeverityName;
  /** logical location, when the node alone does not tell it */
  location?: LogicalLocation;
}

export interface RuleContext {
  readonly ruleId: string;
  readonly filePath: string;
  readonly format: Format;
  readonly source: SourceText;
  /** variants and typos in force (built-in and configured dictionaries) */
  readonly dictionary: Dictionary;
  readonly options: Record<string, unknown>;
  /** the report's identity: title and its year, 统计期限, 落款, page date, parts, agency kind (read once per report) */
  identity(): ReportIdentity;
  /**
   * Other reports of the same agency (other years), as compact summaries, given by whoever lints a set of files
   * (empty when a report is linted alone). The engine does not look into them.
   */
  readonly peers: readonly PeerReport[];
  /** the report's prose: paragraphs (never table cells) with their sentences, numbers and lists; read once per report, on first use */
  prose(): Prose;
  report(descriptor: ReportDescriptor): void;
}

export interface RuleModule {
  meta: RuleMeta;
  check(report: Report, context: RuleContext): void;
}

export interface Plugin {
  /** namespace of the plugin's rule ids (plugin-name/rule-id); none for the built-in rules */
  name?: string;
  rules: RuleModule[];
}

/** Identity helper that gives a rule module its type. */
export function defineRule(rule: RuleModule): RuleModule {
  return rule;
}

export function definePlugin(plugin: Plugin): Plugin {
  return plugin;
}

/**
 * The web address of a rule's docs page: the page itself when `docs` is an address; for a built-in rule (an id
 * without a plugin's namespace), the page in report-lint's repository; none for a plugin's page given as a path.
 */
export function docsUrl(id: string, meta: Pick<RuleMeta, 'docs'>): string | undefined {
  if (!meta.docs) return undefined;
  if (/^https?:\/\//.test(meta.docs)) return meta.docs;
  return id.includes('/') ? undefined : DOCS_BASE + meta.docs;
}
