/**
 * Configuration: discovery from the linted file's folder upwards (lilconfig), `extends` (presets, files,
 * shareable configs from npm), plugins, dictionaries, templates, ignorePatterns and per-glob overrides; all
 * validated (ajv, with a schema generated from the rules' meta) before any file is linted.
 *
 * The nearest configuration file applies to a file (files further up are not merged in; use `extends`).
 */
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lilconfig, type Loader } from 'lilconfig';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../errors.js';
import { ruleMap, type RuleSetting } from '../engine/run.js';
import type { Plugin, RuleModule } from '../engine/rule.js';
import { builtinFormats, type Format } from '../format/formats.js';
import { formatFromData, loadFormatFile } from '../format/custom.js';
import type { SeveritySetting } from '../types.js';
import { buildDictionary, builtinDictionary, loadDictionaryFile, makeDictionary, type Dictionary, type DictionaryEntry } from '../format/dictionary.js';
import { validateConfig } from './schema.js';
import { mergeRuleSettings } from '../engine/rule-settings.js';

export const MODULE = 'report-lint';
/** In one folder, the first of these that exists wins (package.json only when it has a "report-lint" key). */
export const SEARCH_PLACES = [
  '.reportlintrc.json',
  '.reportlintrc.yaml',
  '.reportlintrc.yml',
  'report-lint.config.js',
  'report-lint.config.mjs',
  'package.json',
];

export type RuleEntry = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

export interface ConfigData {
  $schema?: string;
  extends?: string | string[];
  rules?: Record<string, RuleEntry>;
  plugins?: string[];
  dictionaries?: string[];
  templates?: string[];
  ignorePatterns?: string[];
  format?: string;
  overrides?: Array<{ files: string | string[]; excludedFiles?: string | string[]; rules?: Record<string, RuleEntry>; format?: string }>;
}

/** A configuration file with everything it names loaded. */
export interface LoadedConfig {
  /** the file, or undefined for the defaults */
  file?: string;
  dir: string;
  plugins: Plugin[];
  rules: Record<string, RuleSetting>;
  formats: Format[];
  dictionary: Dictionary;
  ignore: (absPath: string) => boolean;
  overrides: Array<{ match: (absPath: string) => boolean; rules: Record<string, RuleSetting>; format?: string }>;
  format?: string;
  /** the plugin and dictionary sources, for --print-config */
  sources: { plugins: string[]; dictionaries: string[]; templates: string[]; ignorePatterns: string[]; extends: string[] };
}

/** What applies to one file. */
export interface FileConfig {
  config: LoadedConfig;
  rules: Record<string, RuleSetting>;
  format?: string;
  /** overrides that matched, by index (part of the cache key of the active rules) */
  key: string;
}

const yamlLoader: Loader = (_path, content) => parseYaml(content);
const jsonLoader: Loader = (path, content) => {
  try {
    return JSON.parse(content);
  } catch (e) {
    throw new ConfigError(`配置文件 ${path} 不是有效的 JSON：${e instanceof Error ? e.message : e}`);
  }
};
const esmLoader: Loader = async (path) => {
  const mod = await import(pathToFileURL(path).href);
  return mod.default ?? mod;
};

// no module-wide cache: each ConfigLoader caches what it found and read (byDir, byFile), so that a new loader sees
// configuration files as they are now (the language server makes a new one when a configuration file changes)
const explorer = lilconfig(MODULE, {
  cache: false,
  searchPlaces: SEARCH_PLACES,
  loaders: { '.json': jsonLoader, '.yaml': yamlLoader, '.yml': yamlLoader, '.js': esmLoader, '.mjs': esmLoader, noExt: jsonLoader },
});

function normalizeSetting(v: RuleEntry): RuleSetting {
  if (Array.isArray(v)) return v.length > 1 ? { severity: v[0], options: v[1] as Record<string, unknown> } : { severity: v[0] };
  return { severity: v };
}

/** Merge rule settings: a severity alone keeps the options set before it (as ESLint does). */
function mergeRules(base: Record<string, RuleSetting>, add: Record<string, RuleEntry> | undefined): Record<string, RuleSetting> {
  const out = { ...base };
  for (const [id, v] of Object.entries(add ?? {})) {
    const s = normalizeSetting(v);
    out[id] = s.options === undefined && out[id]?.options !== undefined ? { severity: s.severity, options: out[id].options } : s;
  }
  return out;
}

function list(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** A matcher for globs relative to a folder; a pattern without a slash matches a file name at any depth. */
function globMatcher(dir: string, patterns: string[]): (absPath: string) => boolean {
  if (!patterns.length) return () => false;
  const ms = patterns.map((p) => picomatch(p.replace(/^\.\//, ''), { dot: true, basename: !p.includes('/') }));
  return (abs) => {
    const rel = relative(dir, abs).split(sep).join('/');
    if (rel.startsWith('..') || isAbsolute(rel)) return false;
    return ms.some((m) => m(rel));
  };
}

export function presets(rules: Map<string, RuleModule>): Record<string, ConfigData> {
  const strict: Record<string, RuleEntry> = {};
  for (const [id, r] of rules) if (!id.includes('/') && r.meta.severity) strict[id] = 'error';
  return {
    'report-lint:recommended': {},
    'report-lint:strict': { rules: strict },
  };
}

interface RawLayer {
  data: ConfigData;
  file: string;
}

export class ConfigLoader {
  private readonly byFile = new Map<string, Promise<LoadedConfig>>();
  private readonly byDir = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly opts: {
      cwd: string;
      /** --config PATH: this file for every linted file */
      configFile?: string;
      /** --no-config: the defaults only */
      noConfig?: boolean;
      /** the built-in rules, named by the session (session.ts), the one place that knows them */
      builtin: Plugin;
    },
  ) {}

  /** The configuration that applies to a file. */
  async forFile(absPath: string): Promise<FileConfig> {
    const config = await this.configFor(dirname(absPath));
    const matched = config.overrides.map((o, i) => (o.match(absPath) ? i : -1)).filter((i) => i >= 0);
    let rules = config.rules;
    let format = config.format;
    for (const i of matched) {
      rules = mergeRuleSettings(rules, config.overrides[i].rules);
      format = config.overrides[i].format ?? format;
    }
    return { config, rules, format, key: `${config.file ?? '<defaults>'}#${matched.join(',')}` };
  }

  /** The configuration for files in a folder. */
  async configFor(dir: string): Promise<LoadedConfig> {
    let file: string | undefined;
    if (this.opts.noConfig) file = undefined;
    else if (this.opts.configFile) file = resolve(this.opts.cwd, this.opts.configFile);
    else file = await this.find(dir);
    const key = file ?? '<defaults>';
    let p = this.byFile.get(key);
    if (!p) this.byFile.set(key, (p = this.load(file)));
    return p;
  }

  private find(dir: string): Promise<string | undefined> {
    let p = this.byDir.get(dir);
    if (!p) {
      p = explorer.search(dir).then(
        (r) => r?.filepath,
        (e) => {
          throw asConfigError(e, dir);
        },
      );
      this.byDir.set(dir, p);
    }
    return p;
  }

  private async load(file: string | undefined): Promise<LoadedConfig> {
    const dir = file ? dirname(file) : this.opts.cwd;
    const layers: RawLayer[] = [];
    const extendsSeen: string[] = [];
    if (file) await this.collect(file, layers, extendsSeen, []);

    // plugins first: their rules are part of the schema every layer is validated against
    const plugins: Plugin[] = [this.opts.builtin];
    const pluginSources: string[] = [];
    const extraFormats: Format[] = [];
    const extraDict: DictionaryEntry[] = [];
    for (const layer of layers) {
      for (const spec of layer.data.plugins ?? []) {
        const { plugin, formats, dictionary, origin } = await loadPlugin(spec, layer.file, [...extraFormats, ...builtinFormats()]);
        if (plugins.some((p) => p.name === plugin.name)) continue;
        plugins.push(plugin);
        pluginSources.push(origin);
        extraFormats.push(...formats);
        extraDict.push(...dictionary);
      }
    }
    const rules = ruleMap(plugins);
    for (const layer of layers) {
      const problems = validateConfig(layer.data, rules);
      if (problems.length) {
        throw new ConfigError(`配置文件 ${layer.file} 有误：\n${problems.map((p) => `  - ${p.message}`).join('\n')}`);
      }
    }

    let settings: Record<string, RuleSetting> = {};
    const dictFiles: string[] = [];
    const templateFiles: string[] = [];
    const ignorePatterns: string[] = [];
    const ignoreMatchers: Array<(p: string) => boolean> = [];
    const overrides: LoadedConfig['overrides'] = [];
    let format: string | undefined;
    const formats: Format[] = [...extraFormats];
    const dictEntries: DictionaryEntry[] = [...builtinDictionary(), ...extraDict];
    for (const layer of layers) {
      const d = layer.data;
      const base = dirname(layer.file);
      settings = mergeRules(settings, d.rules);
      for (const t of d.templates ?? []) {
        const path = resolve(base, t);
        templateFiles.push(path);
        formats.unshift(loadFormatFile(path, [...formats, ...builtinFormats()]));
      }
      for (const x of d.dictionaries ?? []) {
        const path = resolve(base, x);
        dictFiles.push(path);
        dictEntries.push(...loadDictionaryFile(path));
      }
      if (d.ignorePatterns?.length) {
        ignorePatterns.push(...d.ignorePatterns.map((p) => relative(dir, resolve(base, p)).split(sep).join('/') || p));
        ignoreMatchers.push(globMatcher(base, d.ignorePatterns));
      }
      for (const o of d.overrides ?? []) {
        const files = globMatcher(base, list(o.files));
        const excluded = globMatcher(base, list(o.excludedFiles));
        overrides.push({ match: (p) => files(p) && !excluded(p), rules: mergeRules({}, o.rules), format: o.format });
      }
      if (d.format) format = d.format;
    }
    // every rule's options must satisfy its schema (overrides included)
    for (const id of Object.keys(settings)) if (!rules.has(id)) throw new ConfigError(`配置文件 ${file}：没有名为「${id}」的规则`);
    const defaultIgnore = globMatcher(dir, ['**/node_modules/**', '**/.git/**']);
    return {
      file,
      dir,
      plugins,
      rules: settings,
      formats: [...formats, ...builtinFormats()],
      dictionary: makeDictionary(dictEntries),
      ignore: (p) => defaultIgnore(p) || ignoreMatchers.some((m) => m(p)),
      overrides,
      format,
      sources: { plugins: pluginSources, dictionaries: dictFiles, templates: templateFiles, ignorePatterns, extends: extendsSeen },
    };
  }

  /** Depth-first: what a config extends comes before it. */
  private async collect(file: string, layers: RawLayer[], extendsSeen: string[], stack: string[]): Promise<void> {
    if (stack.includes(file)) throw new ConfigError(`配置文件循环继承：${[...stack, file].join(' → ')}`);
    const data = await readConfigFile(file);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new ConfigError(`配置文件 ${file} 的内容应为一个对象（键值表），实为 ${Array.isArray(data) ? '数组' : JSON.stringify(data)}`);
    }
    const d = data as ConfigData;
    for (const ext of list(d.extends as string | string[] | undefined)) {
      if (typeof ext !== 'string') continue; // the schema check reports it
      extendsSeen.push(ext);
      const preset = presets(ruleMap([this.opts.builtin]))[ext];
      if (preset) {
        layers.push({ data: preset, file: `${file}（${ext}）` });
        continue;
      }
      if (ext.startsWith('report-lint:')) {
        throw new ConfigError(`配置文件 ${file}：extends 的「${ext}」不是内置预设（可用：report-lint:recommended、report-lint:strict）`);
      }
      await this.collect(resolveModule(ext, file, 'report-lint-config-', 'extends'), layers, extendsSeen, [...stack, file]);
    }
    layers.push({ data: d, file });
  }
}

async function readConfigFile(file: string): Promise<unknown> {
  try {
    const r = await explorer.load(file);
    if (!r) throw new ConfigError(`配置文件 ${file} 是空的`);
    return r.config ?? {};
  } catch (e) {
    throw asConfigError(e, file);
  }
}

function asConfigError(e: unknown, where: string): ConfigError {
  if (e instanceof ConfigError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new ConfigError(`找不到配置文件「${where}」`);
  return new ConfigError(`无法读取配置文件 ${where}：${e instanceof Error ? e.message : String(e)}`);
}

/** A path relative to the config file, or an npm package found from its folder (with the conventional prefix). */
function resolveModule(spec: string, fromFile: string, prefix: string, what: string): string {
  if (spec.startsWith('.') || isAbsolute(spec)) return resolve(dirname(fromFile), spec);
  const req = createRequire(resolve(dirname(fromFile), 'noop.js'));
  const names = spec.startsWith(prefix) || spec.includes(`/${prefix}`) ? [spec] : [spec, spec.startsWith('@') ? spec.replace('/', `/${prefix}`) : `${prefix}${spec}`];
  for (const n of names) {
    try {
      return req.resolve(n);
    } catch {
      /* next */
    }
  }
  throw new ConfigError(`配置文件 ${fromFile}：${what} 的「${spec}」找不到（试过 ${names.join('、')}；是否忘了 npm install？）`);
}

interface PluginModule {
  name?: string;
  rules?: RuleModule[] | Record<string, RuleModule>;
  templates?: unknown[];
  dictionaries?: unknown[];
}

async function loadPlugin(
  spec: string,
  fromFile: string,
  known: Format[],
): Promise<{ plugin: Plugin; formats: Format[]; dictionary: DictionaryEntry[]; origin: string }> {
  const path = resolveModule(spec, fromFile, 'report-lint-plugin-', 'plugins');
  let mod: PluginModule;
  try {
    const m = await import(pathToFileURL(path).href);
    mod = (m.default ?? m) as PluginModule;
  } catch (e) {
    throw new ConfigError(`插件「${spec}」（${path}）加载失败：${e instanceof Error ? e.message : e}`);
  }
  const name = mod.name ?? pluginName(spec, path);
  const rules = Array.isArray(mod.rules) ? mod.rules : Object.values(mod.rules ?? {});
  for (const r of rules) {
    const ok = r && typeof r === 'object' && r.meta && typeof r.meta.id === 'string' && typeof r.check === 'function' && r.meta.schema && typeof r.meta.schema === 'object';
    if (!ok) throw new ConfigError(`插件「${name}」里有一条规则不符合规则接口（需要 meta.id、meta.schema 和 check 函数）`);
    if (!['error', 'warn', 'info'].includes(r.meta.severity)) throw new ConfigError(`插件「${name}」的规则「${r.meta.id}」的默认严重程度应为 error、warn 或 info`);
  }
  const base = dirname(path);
  const formats = (mod.templates ?? []).map((t, i) =>
    typeof t === 'string' ? loadFormatFile(resolve(base, t), known) : formatFromData(t, `${name} 的第 ${i + 1} 个格式`, known),
  );
  const dictionary = (mod.dictionaries ?? []).flatMap((d, i) =>
    typeof d === 'string' ? loadDictionaryFile(resolve(base, d)) : buildDictionary(d, `${name} 的第 ${i + 1} 个词典`),
  );
  return { plugin: { name, rules }, formats, dictionary, origin: path };
}

function pluginName(spec: string, path: string): string {
  if (spec.startsWith('.') || isAbsolute(spec)) return basename(path).replace(/\.(m?js|cjs)$/, '').replace(/^report-lint-plugin-/, '');
  if (spec.startsWith('@')) {
    const [scope, pkg] = spec.split('/');
    const rest = pkg.replace(/^report-lint-plugin-?/, '');
    return rest ? `${scope}/${rest}` : scope;
  }
  return spec.replace(/^report-lint-plugin-/, '');
}

/** What --print-config shows. */
export function describeConfig(fc: FileConfig): Record<string, unknown> {
  const rules: Record<string, unknown> = {};
  const known = ruleMap(fc.config.plugins);
  for (const [id, r] of known) {
    const s = fc.rules[id];
    const severity = s ? s.severity : r.meta.severity;
    const options = { ...(r.meta.defaultOptions ?? {}), ...(s?.options ?? {}) };
    rules[id] = Object.keys(options).length ? [severity, options] : [severity];
  }
  return {
    configFile: fc.config.file ?? null,
    extends: fc.config.sources.extends,
    format: fc.format ?? null,
    rules,
    plugins: fc.config.plugins.filter((p) => p.name).map((p) => p.name),
    pluginFiles: fc.config.sources.plugins,
    formats: fc.config.formats.map((f) => ({ id: f.id, short: f.short, years: f.data.years })),
    dictionaries: ['builtin', ...fc.config.sources.dictionaries],
    templates: fc.config.sources.templates,
    ignorePatterns: fc.config.sources.ignorePatterns,
  };
}

