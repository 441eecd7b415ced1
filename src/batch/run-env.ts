/**
 * What linting one file of a run takes, from settings that are plain data (so a worker thread can make the same
 * from them): the configuration loader, the lint environment of each configuration (rules resolved once), and the
 * lint (or fix) of one file as the command line does it.
 */
import { ConfigLoader, type FileConfig } from '../config/load.js';
import { result, ruleMap, type RuleSetting } from '../engine/linter.js';
import { fatalResult, fixFile, lintEnv, lintFile, type LintEnv } from '../index.js';
import type { LintResult, SeveritySetting } from '../types.js';
import type { PeerReport } from './peer.js';

export interface RunSettings {
  cwd: string;
  configFile?: string;
  noConfig: boolean;
  /** --rule settings, over every configuration */
  cliRules: Record<string, SeveritySetting | RuleSetting>;
  /** --quiet: warnings and information off */
  quiet: boolean;
  reportFormat?: string;
  encoding?: string;
  directives: { reportUnusedDisableDirectives?: SeveritySetting; requireReason?: boolean };
  fixing?: { dryRun: boolean; fixTypes?: Array<'problem' | 'suggestion' | 'layout'> };
  /** keep a result's text (the output format shows source lines) */
  keepSource: boolean;
}

function lowSeverity(s: SeveritySetting | RuleSetting): boolean {
  const v = typeof s === 'object' ? s.severity : s;
  return v === 'info' || v === 'warn' || v === 'warning' || v === 1;
}

export class RunEnv {
  readonly loader: ConfigLoader;
  private readonly envs = new Map<string, LintEnv>();

  constructor(readonly settings: RunSettings) {
    this.loader = new ConfigLoader({ cwd: settings.cwd, configFile: settings.configFile, noConfig: settings.noConfig });
  }

  /** what is in force for a file: its configuration, then --rule, then --quiet */
  envFor(fc: FileConfig): LintEnv {
    let env = this.envs.get(fc.key);
    if (env) return env;
    const rules: Record<string, SeveritySetting | RuleSetting> = { ...fc.rules, ...this.settings.cliRules };
    if (this.settings.quiet) for (const [id, r] of ruleMap(fc.config.plugins)) if (lowSeverity(rules[id] ?? r.meta.severity)) rules[id] = 'off';
    env = lintEnv(fc.config.plugins, rules, { formats: fc.config.formats, dictionary: fc.config.dictionary, format: fc.format });
    this.envs.set(fc.key, env);
    return env;
  }

  /** how a file is read for its summary (cross-year rules) */
  async readSettings(path: string): Promise<{ formats: FileConfig['config']['formats']; dictionary: FileConfig['config']['dictionary']; format?: string }> {
    const fc = await this.loader.forFile(path);
    return { formats: fc.config.formats, dictionary: fc.config.dictionary, format: this.settings.reportFormat ?? fc.format };
  }

  /**
   * Lint (or fix) one file as the command line does: undefined for a file found in a folder that the configuration
   * ignores; a warning for one named on the command line.
   */
  async lintOne(path: string, explicit: boolean, peers?: readonly PeerReport[]): Promise<LintResult | undefined> {
    let fc: FileConfig;
    try {
      fc = await this.loader.forFile(path);
    } catch (e) {
      return fatalResult(path, e instanceof Error ? e.message : String(e));
    }
    if (fc.config.ignore(path)) return explicit ? ignoredResult(path) : undefined;
    const s = this.settings;
    const opts = { env: this.envFor(fc), format: s.reportFormat, encoding: s.encoding, ...s.directives, ...(peers?.length ? { peers } : {}) };
    const r = s.fixing ? await fixFile(path, { ...opts, ...s.fixing }) : await lintFile(path, opts);
    // a file's text is kept only where the output shows source lines: many files are linted one by one, and only
    // their findings stay
    if (!s.keepSource || !r.messages.length) delete r.source;
    return r;
  }
}

export function ignoredResult(path: string): LintResult {
  return result(path, [
    { ruleId: null, severity: 1, message: '这个文件被配置的 ignorePatterns 忽略，未检查', line: 1, column: 1, endLine: 1, endColumn: 1 },
  ]);
}
