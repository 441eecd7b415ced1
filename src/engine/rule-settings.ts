/**
 * Rule settings as ESLint takes them, in every place they meet (configuration, overrides, --rule, the API):
 * `"warn"`, `2`, `["error"]`, `["error", { …options }]` or `{ severity, options }`; and merged as ESLint merges
 * them: a later setting that gives only a severity keeps the options set before it.
 */
import type { RuleSetting } from './run.js';
import type { SeveritySetting } from '../types.js';

export type AnyRuleSetting = SeveritySetting | RuleSetting | readonly [SeveritySetting] | readonly [SeveritySetting, Record<string, unknown>];

export function normalizeRuleSetting(v: AnyRuleSetting): RuleSetting {
  if (Array.isArray(v)) return v.length > 1 ? { severity: v[0], options: v[1] as Record<string, unknown> } : { severity: v[0] };
  if (typeof v === 'object' && v !== null) return v as RuleSetting;
  return { severity: v as SeveritySetting };
}

/** `base` with `add` over it; a severity alone keeps the options `base` had. */
export function mergeRuleSettings(
  base: Readonly<Record<string, AnyRuleSetting>> | undefined,
  add: Readonly<Record<string, AnyRuleSetting>> | undefined,
): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [id, v] of Object.entries(base ?? {})) out[id] = normalizeRuleSetting(v);
  for (const [id, v] of Object.entries(add ?? {})) {
    const s = normalizeRuleSetting(v);
    const before = out[id];
    out[id] = s.options === undefined && before?.options !== undefined ? { severity: s.severity, options: before.options } : s;
  }
  return out;
}
