/**
 * Where configuration meets the command line (or the API's and the language server's options), in one place:
 * the built-in rules are named here and nowhere else; each file's configuration (discovered, or --config, or
 * none) is overlaid with the options' rule settings, --quiet turns warning and information rules off, and the result is the
 * LintEnv that lint.ts runs with, made once per distinct configuration.
 */
import builtinRules from '../rules/index.js';
import { ConfigLoader, describeConfig, type FileConfig } from './config/load.js';
import { lintEnv, ruleMap, severityOf, type LintEnv, type RuleSetting } from './engine/run.js';
import type { Plugin, RuleModule } from './engine/rule.js';
import type { SeveritySetting } from './types.js';
import { mergeRuleSettings } from './engine/rule-settings.js';

/** The built-in rules, a plugin like any other. */
export const BUILTIN_PLUGIN: Plugin = builtinRules;

export type RuleSettings = Record<string, SeveritySetting | RuleSetting>;

export interface SessionOptions {
  /** where relative paths and --config are resolved, and the configuration of texts without a file is found */
  cwd?: string;
  /** one configuration file for every file (--config) */
  configFile?: string;
  /** no configuration file (--no-config) */
  noConfig?: boolean;
  /** rule settings over each file's configuration (--rule, the API's `rules`) */
  rules?: RuleSettings;
  /** errors only: rules that would report warnings are turned off (--quiet) */
  quiet?: boolean;
  /** plugins used beside the configured ones (the API's `plugins`) */
  plugins?: Plugin[];
}

/** What applies to one file. */
export interface FileSetup {
  config: FileConfig;
  env: LintEnv;
  /** every rule that exists for the file, by id (also those turned off) */
  rules: ReadonlyMap<string, RuleModule>;
  /** the configuration's ignorePatterns leave the file out */
  ignored: boolean;
}

export class Session {
  readonly loader: ConfigLoader;
  private readonly setups = new Map<string, Omit<FileSetup, 'ignored' | 'config'>>();

  constructor(private readonly opts: SessionOptions = {}) {
    this.loader = new ConfigLoader({ cwd: opts.cwd ?? process.cwd(), configFile: opts.configFile, noConfig: opts.noConfig, builtin: BUILTIN_PLUGIN });
  }

  /** The configuration of a file (absolute path) and what it lints with. Throws ConfigError for a bad configuration. */
  async forFile(absPath: string): Promise<FileSetup> {
    const config = await this.loader.forFile(absPath);
    return { ...this.setupOf(config), config, ignored: config.config.ignore(absPath) };
  }

  /** What a configuration lints with, made once per distinct configuration (its key). */
  setupOf(fc: FileConfig): Omit<FileSetup, 'ignored' | 'config'> {
    let s = this.setups.get(fc.key);
    if (s) return s;
    const plugins = [...fc.config.plugins, ...(this.opts.plugins ?? [])];
    const rules = ruleMap(plugins);
    const settings = effectiveSettings(fc.rules, this.opts.rules ?? {}, rules, this.opts.quiet);
    s = { env: lintEnv(plugins, settings, { formats: fc.config.formats, dictionary: fc.config.dictionary, format: fc.format }), rules };
    this.setups.set(fc.key, s);
    return s;
  }

  /** What --print-config shows for a file: its configuration with the options' rule settings over it. */
  async describe(absPath: string): Promise<Record<string, unknown>> {
    const fc = await this.loader.forFile(absPath);
    this.setupOf(fc); // validates the settings
    return describeConfig({ ...fc, rules: overlay(fc.rules, this.opts.rules ?? {}) });
  }
}

/** The environment of a lint without configuration files: the built-in rules, extra plugins, rule settings. */
export function defaultEnv(plugins: readonly Plugin[] = [], rules?: RuleSettings): LintEnv {
  return lintEnv([BUILTIN_PLUGIN, ...plugins], rules);
}

/**
 * Option settings over configured ones; with `quiet`, every rule whose severity comes out as a warning is turned
 * off.
 */
function effectiveSettings(configured: Record<string, RuleSetting>, given: RuleSettings, rules: ReadonlyMap<string, RuleModule>, quiet?: boolean): RuleSettings {
  // a severity alone keeps the configured options, as ESLint does
  const settings: RuleSettings = mergeRuleSettings(configured, given);
  if (quiet) {
    for (const [id, r] of rules) {
      const v = settings[id] ?? r.meta.severity;
      const sv = typeof v === 'object' ? v.severity : v;
      // information is below warnings: off too
      if (sv === 'info' || severityOf(sv) === 1) settings[id] = 'off';
    }
  }
  return settings;
}

function overlay(configured: Record<string, RuleSetting>, given: RuleSettings): Record<string, RuleSetting> {
  return mergeRuleSettings(configured, given);
}
