/**
 * The files of a run: summaries for the cross-year rules and the lint of each file, from the cache where it holds
 * them, on worker threads or in this thread, in the files' order.
 */
import type { FileSetup } from '../session.js';
import { summarize } from '../batch/crossyear.js';
import { envKey, hash, type LintCache } from '../batch/cache.js';
import type { PeerIndex } from '../batch/crossyear.js';
import type { PeerReport } from '../batch/peer.js';
import type { Pool } from '../batch/pool.js';
import type { RunEnv, RunSettings } from '../batch/run-env.js';
import type { SummaryTask } from '../batch/worker.js';
import type { FileTarget } from '../io/files.js';
import { fatalResult } from '../lint.js';
import { result } from '../engine/run.js';
import { packageVersion } from '../paths.js';
import type { LintResult } from '../types.js';

export interface FilesRun {
  runEnv: RunEnv;
  settings: RunSettings;
  pool?: Pool;
  cache?: LintCache;
  configOf: (path: string) => FileSetup | undefined;
}

const envKeys = new WeakMap<FileSetup['env'], string>();

function keyOfConfig(_run: FilesRun, setup: FileSetup): string {
  let k = envKeys.get(setup.env);
  if (!k) envKeys.set(setup.env, (k = envKey(setup.env, packageVersion())));
  return k;
}

/** Summaries of files (the run's and history files) for the cross-year rules; { error } for one that cannot be read. */
export async function summarizeFiles(run: FilesRun, paths: string[], aliases?: Map<string, string>): Promise<Array<PeerReport | { error: string }>> {
  const out = new Array<PeerReport | { error: string }>(paths.length);
  const keys: Array<{ file?: string; key: string } | undefined> = [];
  const missing: number[] = [];
  for (let i = 0; i < paths.length; i++) {
    const fc = run.configOf(paths[i]);
    if (run.cache && fc) {
      const file = await run.cache.fileKey(paths[i]);
      const key = hash([keyOfConfig(run, fc), aliases, run.settings.encoding, run.settings.reportFormat]);
      keys[i] = { file, key };
      const s = run.cache.summary(paths[i], file, key);
      if (s) {
        out[i] = s;
        continue;
      }
    }
    missing.push(i);
  }
  let got: Array<PeerReport | { error: string }>;
  if (run.pool) {
    got = await run.pool.map<SummaryTask, PeerReport | { error: string }>('summary', missing.map((i) => ({ settings: run.settings, path: paths[i], aliases })));
  } else {
    got = [];
    for (const i of missing) {
      try {
        const settings = await run.runEnv.readSettings(paths[i]).catch(() => undefined);
        got.push(await summarize(paths[i], { settingsFor: () => settings, encoding: run.settings.encoding, aliases }));
      } catch (e) {
        got.push({ error: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  missing.forEach((i, j) => {
    out[i] = got[j];
    const k = keys[i];
    if (run.cache && k && !('error' in got[j])) run.cache.setSummary(paths[i], k.file, k.key, got[j] as PeerReport);
  });
  return out;
}

/** Lint the run's files; undefined for files a configuration ignores (found in a folder). */
export async function lintFiles(
  run: FilesRun,
  targets: readonly FileTarget[],
  peerIndex: PeerIndex | undefined,
  onDone?: (done: number) => void,
): Promise<Array<LintResult | undefined>> {
  const out = new Array<LintResult | undefined>(targets.length);
  const keys: Array<{ file?: string; key: string } | undefined> = [];
  const missing: number[] = [];
  let done = 0;
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    const fc = t.error ? undefined : run.configOf(t.path);
    if (t.error || !fc) {
      out[i] = fatalResult(t.path, t.error ?? '无法读取');
      onDone?.(++done);
      continue;
    }
    if (t.skipped) {
      out[i] = skippedResult(t.path, t.skipped);
      onDone?.(++done);
      continue;
    }
    if (run.cache && !fc.ignored) {
      const peers = peerIndex?.peersOf(t.path);
      const file = await run.cache.fileKey(t.path);
      const key = hash([keyOfConfig(run, fc), peers?.length ? hash(peers) : '']);
      keys[i] = { file, key };
      const r = run.cache.result(t.path, file, key);
      if (r) {
        out[i] = r;
        onDone?.(++done);
        continue;
      }
    }
    missing.push(i);
  }
  const task = (i: number) => ({ settings: run.settings, path: targets[i].path, explicit: Boolean(targets[i].explicit), peers: peerIndex?.peersOf(targets[i].path) });
  let got: Array<LintResult | undefined>;
  if (run.pool) {
    got = await run.pool.map<ReturnType<typeof task>, LintResult | undefined>('lint', missing.map(task), () => onDone?.(++done));
  } else {
    got = [];
    for (const i of missing) {
      const t = task(i);
      got.push(await run.runEnv.lintOne(t.path, t.explicit, t.peers));
      onDone?.(++done);
    }
  }
  missing.forEach((i, j) => {
    out[i] = got[j];
    const k = keys[i];
    if (run.cache && k && got[j]) run.cache.setResult(targets[i].path, k.file, k.key, got[j]!);
  });
  return out;
}

/** A path found in a folder and not read (a link to a folder, a pipe …): a warning that says why. */
function skippedResult(path: string, why: string): LintResult {
  return result(path, [{ ruleId: null, severity: 1, message: `已跳过：${why}`, line: 1, column: 1, endLine: 1, endColumn: 1 }]);
}
