/**
 * A worker thread of the pool (tinypool): lints one file, or reads one file into its summary for the cross-year
 * rules, with a RunEnv made from the run's settings (made once per worker, kept while the settings stay the same).
 */
import { summarize } from './crossyear.js';
import type { PeerReport } from './peer.js';
import { RunEnv, type RunSettings } from './run-env.js';
import type { LintResult } from '../types.js';

let run: RunEnv | undefined;
let runKey = '';

function envOf(settings: RunSettings): RunEnv {
  const key = JSON.stringify(settings);
  if (!run || key !== runKey) {
    run = new RunEnv(settings);
    runKey = key;
  }
  return run;
}

export async function lint(task: { settings: RunSettings; path: string; explicit: boolean; peers?: PeerReport[] }): Promise<LintResult | undefined> {
  return envOf(task.settings).lintOne(task.path, task.explicit, task.peers);
}

export interface SummaryTask {
  settings: RunSettings;
  path: string;
  aliases?: Map<string, string>;
}

export async function summary(task: SummaryTask): Promise<PeerReport | { error: string }> {
  const env = envOf(task.settings);
  try {
    const settings = await env.readSettings(task.path).catch(() => undefined);
    return await summarize(task.path, { settingsFor: () => settings, encoding: task.settings.encoding, aliases: task.aliases });
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
