/**
 * `report-lint merge`: the outputs of several runs (the shards of a corpus) made one, as if one run had linted
 * every file: JSON results (ESLint's shape) concatenated in path order; SARIF logs made one run (artifacts, rules
 * and their indexes renumbered); audit JSON joined by agency and year, with the years missing and the totals
 * computed again.
 */
import type { AuditAgency, AuditData } from './audit.js';
import type { LintResult } from '../types.js';

export class MergeError extends Error {}

export type Merged = { kind: 'json'; results: LintResult[] } | { kind: 'sarif'; log: SarifLog } | { kind: 'audit'; data: AuditData };

type Json = Record<string, unknown>;
interface SarifLog extends Json {
  runs: Json[];
}

export function kindOf(x: unknown): 'json' | 'sarif' | 'audit' | undefined {
  if (Array.isArray(x) && x.every((r) => r && typeof r === 'object' && typeof (r as Json).filePath === 'string' && Array.isArray((r as Json).messages))) return 'json';
  if (x && typeof x === 'object' && Array.isArray((x as Json).runs) && typeof (x as Json).version === 'string') return 'sarif';
  if (x && typeof x === 'object' && Array.isArray((x as Json).agencies) && (x as Json).totals) return 'audit';
  return undefined;
}

export function merge(inputs: Array<{ name: string; data: unknown }>): Merged {
  if (!inputs.length) throw new MergeError('没有要合并的文件');
  const kinds = inputs.map((i) => ({ name: i.name, kind: kindOf(i.data) }));
  const bad = kinds.find((k) => !k.kind);
  if (bad) throw new MergeError(`「${bad.name}」不是 report-lint 的 JSON、SARIF 或 audit JSON 输出`);
  const kind = kinds[0].kind!;
  const other = kinds.find((k) => k.kind !== kind);
  if (other) throw new MergeError(`不能合并不同格式的输出：「${kinds[0].name}」是 ${kind}，「${other.name}」是 ${other.kind}`);
  if (kind === 'json') return { kind, results: mergeResults(inputs as Array<{ name: string; data: LintResult[] }>) };
  if (kind === 'sarif') return { kind, log: mergeSarif(inputs.map((i) => i.data as SarifLog)) };
  return { kind, data: mergeAudit(inputs.map((i) => i.data as AuditData)) };
}

function mergeResults(inputs: Array<{ name: string; data: LintResult[] }>): LintResult[] {
  const seen = new Map<string, string>();
  const out: LintResult[] = [];
  for (const i of inputs) {
    for (const r of i.data) {
      if (seen.has(r.filePath)) throw new MergeError(`文件「${r.filePath}」同时出现在「${seen.get(r.filePath)}」和「${i.name}」中：各份（--shard）应检查不同的文件`);
      seen.set(r.filePath, i.name);
      out.push(r);
    }
  }
  return out.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
}

function mergeSarif(logs: SarifLog[]): SarifLog {
  const runs = logs.flatMap((l) => l.runs);
  const first = runs[0];
  const rules: Json[] = [];
  const ruleIndex = new Map<string, number>();
  const artifacts: Json[] = [];
  const results: Json[] = [];
  const notifications: Json[] = [];
  let successful = true;
  for (const run of runs) {
    const driver = ((run.tool as Json).driver ?? {}) as Json;
    const runRules = (driver.rules ?? []) as Json[];
    for (const r of runRules) if (!ruleIndex.has(r.id as string)) ((ruleIndex.set(r.id as string, rules.length), rules.push(r)));
    const base = artifacts.length;
    artifacts.push(...((run.artifacts ?? []) as Json[]));
    const reindex = (loc: unknown) => {
      const a = (loc as Json | undefined)?.artifactLocation as Json | undefined;
      if (a && typeof a.index === 'number') a.index = a.index + base;
    };
    for (const res of (run.results ?? []) as Json[]) {
      if (typeof res.ruleId === 'string' && ruleIndex.has(res.ruleId)) res.ruleIndex = ruleIndex.get(res.ruleId);
      for (const l of (res.locations ?? []) as Json[]) reindex(l.physicalLocation);
      for (const l of (res.relatedLocations ?? []) as Json[]) reindex(l.physicalLocation);
      for (const f of (res.fixes ?? []) as Json[]) for (const c of (f.artifactChanges ?? []) as Json[]) if (typeof (c.artifactLocation as Json)?.index === 'number') (c.artifactLocation as Json).index = ((c.artifactLocation as Json).index as number) + base;
      results.push(res);
    }
    for (const inv of (run.invocations ?? []) as Json[]) {
      if (inv.executionSuccessful === false) successful = false;
      for (const n of (inv.toolExecutionNotifications ?? []) as Json[]) {
        for (const l of (n.locations ?? []) as Json[]) reindex(l.physicalLocation);
        if (n.associatedRule && ruleIndex.has((n.associatedRule as Json).id as string)) (n.associatedRule as Json).index = ruleIndex.get((n.associatedRule as Json).id as string);
        notifications.push(n);
      }
    }
  }
  const merged: Json = {
    ...first,
    tool: { ...(first.tool as Json), driver: { ...((first.tool as Json).driver as Json), rules } },
    invocations: [{ executionSuccessful: successful, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
    artifacts,
    results,
  };
  return { ...logs[0], runs: [merged] };
}

function mergeAudit(parts: AuditData[]): AuditData {
  const agencies = new Map<string, AuditAgency>();
  for (const p of parts) {
    for (const a of p.agencies) {
      let m = agencies.get(a.key);
      if (!m) agencies.set(a.key, (m = { ...a, years: [], yearsMissing: [], errors: 0, warnings: 0, infos: 0, byRule: {} }));
      for (const y of a.years) {
        const same = m.years.find((x) => x.year === y.year);
        if (!same) {
          m.years.push({ ...y, files: [...y.files], byRule: { ...y.byRule }, findings: [...y.findings] });
          continue;
        }
        same.files.push(...y.files);
        same.errors += y.errors;
        same.warnings += y.warnings;
        same.infos += y.infos;
        for (const [r, n] of Object.entries(y.byRule)) same.byRule[r] = (same.byRule[r] ?? 0) + n;
        same.findings.push(...y.findings);
      }
    }
  }
  const years = [...new Set(parts.flatMap((p) => p.years))].sort((a, b) => a - b);
  const last = years[years.length - 1];
  const totals: AuditData['totals'] = { files: 0, agencies: agencies.size, errors: 0, warnings: 0, infos: 0, byRule: {}, byRuleAndYear: {} };
  for (const p of parts) {
    totals.files += p.totals.files;
    totals.errors += p.totals.errors;
    totals.warnings += p.totals.warnings;
    totals.infos += p.totals.infos;
    for (const [r, n] of Object.entries(p.totals.byRule)) totals.byRule[r] = (totals.byRule[r] ?? 0) + n;
    for (const [r, ys] of Object.entries(p.totals.byRuleAndYear)) for (const [y, n] of Object.entries(ys)) (totals.byRuleAndYear[r] ??= {})[y] = (totals.byRuleAndYear[r][y] ?? 0) + n;
  }
  const list = [...agencies.values()].sort((x, y) => x.agency.localeCompare(y.agency, 'zh'));
  for (const a of list) {
    a.years.sort((x, y) => x.year - y.year);
    for (const y of a.years) {
      a.errors += y.errors;
      a.warnings += y.warnings;
      a.infos += y.infos;
      for (const [r, n] of Object.entries(y.byRule)) a.byRule[r] = (a.byRule[r] ?? 0) + n;
    }
    const have = new Set(a.years.map((y) => y.year));
    for (let y = a.years[0].year; y <= last; y++) if (!have.has(y)) a.yearsMissing.push(y);
  }
  return {
    ...parts[0],
    generated: parts.map((p) => p.generated).sort().pop()!,
    years,
    agencies: list,
    unidentified: parts.flatMap((p) => p.unidentified),
    totals,
  };
}
