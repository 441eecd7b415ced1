/**
 * Gathering the reports of a run (and of --history) in compact form and pairing them by agency and year, so that
 * cross-file rules get, through the lint options' `peers`, the other years of the same agency. The rules are not
 * named here: a run gathers peers when any rule in force says it compares reports (meta.crossFile).
 */
import { readFile } from 'node:fs/promises';
import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { parseText } from '../lint.js';
import type { Format } from '../format/formats.js';
import type { Dictionary } from '../format/dictionary.js';
import { readInput } from '../lint.js';
import type { InputKind } from '../readers/index.js';
import { identify, type ReportIdentity } from './identity.js';
import { isExtractJson, peerFromExtract, peerFromParsed, type PeerReport } from './peer.js';

export interface ReadSettings {
  formats?: readonly Format[];
  dictionary?: Dictionary;
  format?: string;
}

export interface GatherOptions {
  /** how a file is read (its configuration's formats and dictionary) */
  settingsFor: (path: string) => ReadSettings | undefined;
  encoding?: string;
  aliases?: Map<string, string>;
}

/** The reports of a run, by agency; each report's peers are the other years of its agency. */
export class PeerIndex {
  private readonly byAgency = new Map<string, PeerReport[]>();
  private readonly byPath = new Map<string, PeerReport>();
  /** files that were given as history or extract JSON and could not be used, with the reason */
  readonly problems: Array<{ filePath: string; message: string }> = [];

  add(peer: PeerReport): void {
    this.byPath.set(peer.filePath, peer);
    const key = peer.identity.agencyKey;
    if (!key || peer.identity.year === undefined) return;
    let list = this.byAgency.get(key);
    if (!list) this.byAgency.set(key, (list = []));
    list.push(peer);
  }

  /** the identity found for a file of the run */
  identity(filePath: string): ReportIdentity | undefined {
    return this.byPath.get(filePath)?.identity;
  }

  /** the summary of a file of the run */
  get(filePath: string): PeerReport | undefined {
    return this.byPath.get(filePath);
  }

  /** the other years' reports of the file's agency (none for a file whose agency or year is unknown) */
  peersOf(filePath: string): PeerReport[] {
    const me = this.byPath.get(filePath);
    const key = me?.identity.agencyKey;
    if (!me || !key || me.identity.year === undefined) return [];
    return (this.byAgency.get(key) ?? []).filter((p) => p !== me && p.identity.year !== me.identity.year);
  }

  /** agencies with the reports found for them, years in order */
  agencies(): Map<string, PeerReport[]> {
    const out = new Map<string, PeerReport[]>();
    for (const [k, v] of this.byAgency) out.set(k, [...v].sort((a, b) => a.identity.year! - b.identity.year! || a.filePath.localeCompare(b.filePath)));
    return out;
  }

  /** summaries of all files (also those without an agency or year) */
  all(): PeerReport[] {
    return [...this.byPath.values()];
  }

  /** keep only what pairing needs: agencies with more than one year (the rest released) */
  prune(keep: (p: PeerReport) => boolean = () => false): void {
    for (const [k, list] of this.byAgency) {
      if (new Set(list.map((p) => p.identity.year)).size > 1) continue;
      this.byAgency.delete(k);
      for (const p of list) if (!keep(p)) this.byPath.delete(p.filePath);
    }
  }
}

/** Read one file into its compact form; throws with a message for people when it cannot be read. */
export async function summarize(path: string, opts: GatherOptions): Promise<PeerReport> {
  if (extname(path).toLowerCase() === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, 'utf8'));
    } catch (e) {
      throw new Error(`不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`);
    }
    if (!isExtractJson(json)) throw new Error('不是 report-lint extract 输出的 JSON（应有 tables 和 unbound）');
    const id = identify({ agency: json.agency, year: json.year }, json.filePath || path, { aliases: opts.aliases });
    return peerFromExtract(json, path, id);
  }
  const input = await readInput(path, opts.encoding);
  return peerFromText(input.text, path, { ...(opts.settingsFor(path) ?? {}), kind: input.kind, aliases: opts.aliases });
}

/** A decoded report's compact form (what summarize does after reading the file). */
export function peerFromText(text: string, path: string, opts: ReadSettings & { kind?: InputKind; aliases?: Map<string, string> } = {}): PeerReport {
  const parsed = parseText(text, path, { kind: opts.kind, formats: opts.formats, dictionary: opts.dictionary, format: opts.format });
  const paragraphs = lastParagraphs(parsed.report);
  const id = identify(parsed.report, path, { paragraphs, text: parsed.input.kind === 'text' ? tail(text) : text, aliases: opts.aliases });
  return peerFromParsed(parsed, path, id);
}

/** Texts of the report's last paragraphs (where the 落款 is). */
function lastParagraphs(report: ReturnType<typeof parseText>['report']): string[] {
  const out: string[] = [];
  const last = report.children[report.children.length - 1];
  const kids = last?.type === 'section' ? last.children : report.children;
  for (const k of kids.slice(-8)) if (k.type === 'paragraph') out.push(...k.value.split('\n'));
  return out;
}

function tail(text: string): string {
  return text.length > 4000 ? text.slice(-4000) : text;
}

/** Gather the run's files and the history files into one index; files that cannot be read are left to the lint. */
export async function gatherPeers(files: readonly string[], history: readonly string[], opts: GatherOptions): Promise<PeerIndex> {
  const index = new PeerIndex();
  for (const f of files) {
    try {
      index.add(await summarize(f, opts));
    } catch {
      // the lint of this file says why it cannot be read
    }
  }
  for (const f of history) {
    try {
      index.add(await summarize(f, opts));
    } catch (e) {
      index.problems.push({ filePath: f, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return index;
}

const HISTORY_EXT = new Set(['.txt', '.md', '.html', '.htm', '.docx', '.json']);

/** The files of --history DIR (or a file): reports and extract JSON, folders searched, in path order. */
export function historyFiles(paths: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) if (!e.startsWith('.') && !e.startsWith('~$') && e !== 'node_modules') walk(join(p, e));
    } else if (HISTORY_EXT.has(extname(p).toLowerCase())) out.push(p);
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    try {
      walk(abs);
    } catch {
      throw new Error(`--history 指定的「${p}」不存在或无法读取`);
    }
  }
  return out;
}
