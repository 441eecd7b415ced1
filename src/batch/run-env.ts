/**
 * What linting one file of a run takes, from settings that are plain data (so that a worker thread makes the same
 * from them): a Session (configuration × options → LintEnv) and the lint (or fix) of one file as the command line
 * does it.
 */
import { result, type RuleSetting } from '../engine/run.js';
import { fatalResult, fixFile, lintFile } from '../lint.js';
import { Session, type FileSetup } from '../session.js';
import type { LintResult, SeveritySetting } from '../types.js';
import type { PeerReport } from '../engine/peer.js';

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

export class RunEnv {
  readonly session: Session;

  constructor(readonly settings: RunSettings) {
    this.session = new Session({ cwd: settings.cwd, configFile: settings.configFile, noConfig: settings.noConfig, rules: settings.cliRules, quiet: settings.quiet });
  }

  /** how a file is read for its summary (cross-year rules) */
  async readSettings(path: string): Promise<{ formats?: FileSetup['env']['formats']; dictionary?: FileSetup['env']['dictionary']; format?: string }> {
    const { env } = await this.session.forFile(path);
    return { formats: env.formats, dictionary: env.dictionary, format: this.settings.reportFormat ?? env.format };
  }

  /**
   * Lint (or fix) one file as the command line does: undefined for a file found in a folder that the configuration
   * ignores; a warning for one named on the command line.
   */
  async lintOne(path: string, explicit: boolean, peers?: readonly PeerReport[]): Promise<LintResult | undefined> {
    let setup: FileSetup;
    try {
      setup = await this.session.forFile(path);
    } catch (e) {
      return fatalResult(path, e instanceof Error ? e.message : String(e));
    }
    if (setup.ignored) return explicit ? ignoredResult(path) : undefined;
    const s = this.settings;
    const opts = { format: s.reportFormat, encoding: s.encoding, ...s.directives, ...(peers?.length ? { peers } : {}) };
    const r = s.fixing ? await fixFile(path, setup.env, { ...opts, ...s.fixing }) : await lintFile(path, setup.env, opts);
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
