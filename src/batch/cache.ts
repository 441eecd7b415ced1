/**
 * --cache, --cache-location, --cache-strategy metadata|content, as ESLint has them: a file whose bytes (content) or
 * size and modification time (metadata) are unchanged, linted with the same configuration, formats, dictionaries,
 * plugins, options and report-lint version (and, for the cross-year rules, the same other years' reports), is not
 * linted again: its result is taken from the cache file. Summaries for the cross-year rules are cached the same way.
 * The cache file is JSON, written atomically at the end of a run; one that cannot be read is started afresh.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { readRegularFile } from '../io/read-file.js';
import { MAX_FILE_BYTES } from '../io/read.js';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../io/output.js';
import type { LintEnv } from '../engine/run.js';
import type { LintResult } from '../types.js';
import type { PeerReport } from './peer.js';

export type CacheStrategy = 'metadata' | 'content';
export const DEFAULT_CACHE_FILE = '.reportlintcache';
const CACHE_VERSION = 1;

export class CacheError extends Error {}

interface Entry {
  /** size:mtime, or the content's hash */
  file: string;
  /** the lint's key: environment, run settings, peers */
  key?: string;
  result?: LintResult;
  /** the summary's key (how the file is read) */
  summaryKey?: string;
  summary?: PeerReport;
}

export function hash(x: unknown): string {
  return createHash('sha256')
    .update(typeof x === 'string' ? x : stableJson(x))
    .digest('base64url')
    .slice(0, 32);
}

/** JSON with regular expressions as their source and functions as their text (a plugin's rule changed is another key). */
export function stableJson(x: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(x, (_k, v: unknown) => {
    if (v instanceof RegExp) return `/${v.source}/${v.flags}`;
    if (typeof v === 'function') return `fn:${v.toString()}`;
    if (v instanceof Map) return [...v.entries()];
    if (v instanceof Set) return [...v.values()];
    if (v && typeof v === 'object') {
      if (seen.has(v)) return undefined;
      seen.add(v);
    }
    return v;
  });
}

/**
 * Everything of a lint environment that decides a result: the rules in force with severities, options, meta and
 * code; the formats; the dictionary; the configured report format.
 */
export function envKey(env: LintEnv, version: string): string {
  return hash({
    version,
    rules: env.active.map((a) => ({ id: a.id, severity: a.severity, options: a.options, meta: a.rule.meta, check: a.rule.check })),
    known: env.knownRuleIds,
    formats: env.formats?.map((f) => f.data) ?? 'builtin',
    dictionary: env.dictionary ? env.dictionary.entries.map((e) => [e.source, e.expected, e.context, e.pattern]) : 'builtin',
    format: env.format,
  });
}

export class LintCache {
  private entries = new Map<string, Entry>();
  private dirty = false;
  hits = 0;
  misses = 0;

  private constructor(
    readonly file: string,
    readonly strategy: CacheStrategy,
  ) {}

  /** --cache-location: a file, or a folder (ending in a slash, or existing) that gets .reportlintcache */
  static location(given: string | undefined, cwd: string): string {
    if (given === undefined || given === '') return resolve(cwd, DEFAULT_CACHE_FILE);
    const abs = resolve(cwd, given);
    const isDir = /[\\/]$/.test(given) || (existsSync(abs) && statSync(abs).isDirectory());
    return isDir ? join(abs, DEFAULT_CACHE_FILE) : abs;
  }

  static open(file: string, strategy: CacheStrategy, runKey: string): LintCache {
    const c = new LintCache(file, strategy);
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; strategy?: string; run?: string; entries?: Record<string, Entry> };
      // another strategy or other run settings: every entry would miss
      if (data.version === CACHE_VERSION && data.strategy === strategy && data.run === runKey && data.entries) {
        c.entries = new Map(Object.entries(data.entries));
      }
    } catch {
      // no cache yet, or one that cannot be read: start afresh (it is rewritten at the end)
    }
    c.runKey = runKey;
    return c;
  }

  private runKey = '';

  /** the file's state as the strategy sees it; undefined when it cannot be read (it is linted, and says why) */
  async fileKey(path: string): Promise<string | undefined> {
    try {
      // a regular file within the size limit only (a pipe is never waited on): else it is linted, and says why
      if (this.strategy === 'content') return hash((await readRegularFile(path, MAX_FILE_BYTES)).toString('base64'));
      const st = await stat(path);
      return `${st.size}:${st.mtimeMs}`;
    } catch {
      return undefined;
    }
  }

  result(path: string, file: string | undefined, key: string): LintResult | undefined {
    const e = file === undefined ? undefined : this.entries.get(path);
    if (e && e.file === file && e.key === key && e.result) {
      this.hits++;
      return e.result;
    }
    this.misses++;
    return undefined;
  }

  setResult(path: string, file: string | undefined, key: string, result: LintResult): void {
    // a file that could not be read, or could not be linted, is tried again next time
    if (file === undefined || result.fatalErrorCount > 0) return;
    const e = this.entries.get(path);
    this.entries.set(path, { ...(e && e.file === file ? e : {}), file, key, result });
    this.dirty = true;
  }

  summary(path: string, file: string | undefined, key: string): PeerReport | undefined {
    const e = file === undefined ? undefined : this.entries.get(path);
    return e && e.file === file && e.summaryKey === key ? e.summary : undefined;
  }

  setSummary(path: string, file: string | undefined, key: string, summary: PeerReport): void {
    if (file === undefined) return;
    const e = this.entries.get(path);
    this.entries.set(path, { ...(e && e.file === file ? e : {}), file, summaryKey: key, summary });
    this.dirty = true;
  }

  /** drop the entries of files that no longer exist, and write the cache file */
  save(): void {
    for (const p of this.entries.keys()) if (!existsSync(p)) ((this.entries.delete(p), (this.dirty = true)));
    if (!this.dirty && existsSync(this.file)) return;
    const entries: Record<string, Entry> = {};
    for (const [k, v] of this.entries) entries[k] = v;
    writeFileAtomic(this.file, JSON.stringify({ version: CACHE_VERSION, strategy: this.strategy, run: this.runKey, entries }));
  }
}

export function cacheStrategy(x: unknown): CacheStrategy {
  if (x === undefined) return 'metadata';
  if (x === 'metadata' || x === 'content') return x;
  throw new CacheError(`--cache-strategy 的值「${String(x)}」无效，应为 metadata 或 content`);
}
