/**
 * The command line's side of cross-year checks: --history and --agency-aliases, and whether a run gathers the
 * reports' summaries first (only when a rule in force compares reports, and there is something to compare with).
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { LintEnv } from '../engine/run.js';
import { gatherPeers, historyFiles, PeerIndex, type ReadSettings } from '../batch/crossyear.js';
import type { PeerReport } from '../batch/peer.js';
import { resolveAliases } from '../batch/identity.js';

export class CrossYearUsageError extends Error {}

/** --agency-aliases FILE: a JSON or YAML map, old name → current name. */
export function loadAliases(file: string | undefined, cwd: string): Map<string, string> | undefined {
  if (file === undefined) return undefined;
  let data: unknown;
  try {
    data = parseYaml(readFileSync(resolve(cwd, file), 'utf8'));
  } catch (e) {
    throw new CrossYearUsageError(`--agency-aliases 的文件「${file}」无法读取：${e instanceof Error ? e.message : String(e)}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || Object.values(data).some((v) => typeof v !== 'string')) {
    throw new CrossYearUsageError(`--agency-aliases 的文件「${file}」应是「旧名称: 新名称」的对应表（JSON 或 YAML）`);
  }
  try {
    return resolveAliases(data as Record<string, string>);
  } catch (e) {
    throw new CrossYearUsageError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * The index of peers for a run, or undefined when no rule in force compares reports or there is nothing to
 * compare with (one file and no history). Problems with history files are written to stderr.
 */
export async function crossYearIndex(opts: {
  files: string[];
  envs: Array<LintEnv | undefined>;
  settingsFor: (path: string) => ReadSettings | undefined;
  history: string[];
  aliases?: Map<string, string>;
  encoding?: string;
  cwd: string;
  stderr: (s: string) => void;
  /** keep every file's summary (audit) instead of only those with another year */
  keepAll?: boolean;
  /** read many files into summaries at once (on worker threads); default: one after another here */
  summarizeMany?: (paths: string[], aliases?: Map<string, string>) => Promise<Array<PeerReport | { error: string }>>;
}): Promise<PeerIndex | undefined> {
  const wanted = opts.envs.some((e) => e?.active.some((a) => a.rule.meta.crossFile));
  if (!wanted && !opts.keepAll) return undefined;
  if (!opts.keepAll && opts.files.length < 2 && !opts.history.length) return undefined;
  // a folder of one year's reports (the common case) has no pairs: its files are not read twice
  if (!opts.keepAll && !opts.history.length && oneYear(opts.files)) return undefined;
  let hist: string[];
  try {
    hist = historyFiles(opts.history, opts.cwd);
  } catch (e) {
    throw new CrossYearUsageError(e instanceof Error ? e.message : String(e));
  }
  const run = new Set(opts.files);
  const extra = hist.filter((h) => !run.has(h));
  const index = opts.summarizeMany
    ? indexOf(opts.files, extra, await opts.summarizeMany([...opts.files, ...extra], opts.aliases))
    : await gatherPeers(opts.files, extra, { settingsFor: opts.settingsFor, encoding: opts.encoding, aliases: opts.aliases });
  for (const p of index.problems) opts.stderr(`report-lint：历史报告「${p.filePath}」未能使用：${p.message}\n`);
  if (!opts.keepAll) index.prune();
  return index;
}

/** The index of summaries read elsewhere (worker threads), in the order gatherPeers adds them. */
function indexOf(files: string[], history: string[], summaries: Array<PeerReport | { error: string }>): PeerIndex {
  const index = new PeerIndex();
  summaries.forEach((s, i) => {
    if (!('error' in s)) index.add(s);
    else if (i >= files.length) index.problems.push({ filePath: history[i - files.length], message: s.error });
  });
  return index;
}

/**
 * Whether every file names the same year in its first lines (its title): then no two of them can be consecutive
 * years of one agency. Pages, Word files and texts whose first lines name no year are not guessed at (false).
 */
export function oneYear(files: readonly string[]): boolean {
  let year: string | undefined;
  const buf = Buffer.alloc(4096);
  for (const f of files) {
    if (!/\.(txt|md|markdown)$/i.test(f)) return false;
    let n = 0;
    let fd: number | undefined;
    try {
      // O_NONBLOCK and regular files only: a pipe or a device is never waited on (the lint says what it is)
      fd = openSync(f, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      if (!fstatSync(fd).isFile()) continue;
      n = readSync(fd, buf, 0, buf.length, 0);
    } catch {
      continue; // the lint says why it cannot be read
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    const m = /((?:19|20)\d{2})\s*年/.exec(new TextDecoder('utf-8').decode(buf.subarray(0, n)));
    if (!m) return false;
    if (year === undefined) year = m[1];
    else if (m[1] !== year) return false;
  }
  return true;
}
