/**
 * A rule tester in the style of ESLint's RuleTester, built on the public API (`lint()` and `ruleMap()`): each case
 * is linted with only the rule under test turned on (every other rule, built-in or not, is off), and
 *  - a valid case must give no finding at all (not even one without a rule, such as 「未识别为…年度报告」);
 *  - an invalid case must give exactly the findings listed in `errors`, in order — each message as written, and
 *    any other field given (line, column, endLine, endColumn, severity, expected, actual, location, place, related)
 *    equal — no more, no fewer;
 *  - `output` is the text after `--fix` (only this rule's fixes); `output: null` says the rule fixes nothing there.
 *    A case whose findings carry a fix must say its output, as in ESLint;
 *  - `suggestions` of an error, when given, are checked one by one: their description and the text with that
 *    suggestion applied.
 *
 *   new RuleTester({ filePath: 'report.txt' }).run('cell-empty', cellEmpty, {
 *     valid: [report, { code, options: { aggregateRows: false }, format: '2019', filePath: 'r.md' }],
 *     invalid: [{ code, errors: [{ message: '…', line: 12, column: 5 }], output: null }],
 *   });
 *
 * A rule that is not built in is registered as a plugin: give its id with the plugin's namespace
 * ('example/no-relative-year'). `run` declares one jest `describe` per rule with a test per case; `checkValid` and
 * `checkInvalid` run one case and throw an AssertionError when it fails (also usable outside jest).
 */
import assert from 'node:assert/strict';
import { builtinRules, definePlugin, lint, ruleMap, type InputKind, type LintMessage, type LintResult, type Plugin, type RuleModule } from '../../src/index.js';
import type { RuleSeverityName } from '../../src/engine/rule.js';

export interface CaseOptions {
  /** a name for the test (default: the first line of the report that differs from the others, shortened) */
  name?: string;
  /** the rule's options (validated against its schema, as a configuration would be) */
  options?: Record<string, unknown>;
  /** the file name the report has (its extension chooses the reader: .txt, .md, .html) */
  filePath?: string;
  /** force a format: 2019 or 2021 (default: chosen by the report's year, as the CLI does) */
  format?: string;
  /** read the text as this input kind (default: by the file name) */
  kind?: InputKind;
}

export interface ValidCase extends CaseOptions {
  code: string;
}

export interface SuggestionSpec {
  desc: string;
  /** the report's text with this suggestion's fix applied */
  output: string;
}

/** One expected finding: its message, or the message and any other fields of the finding that must be equal. */
export type ErrorSpec =
  | string
  | (Partial<Pick<LintMessage, 'message' | 'line' | 'column' | 'endLine' | 'endColumn' | 'severity' | 'expected' | 'actual' | 'location' | 'place' | 'related'>> & {
      /** the suggestions, in order (not checked when left out) */
      suggestions?: SuggestionSpec[];
    });

export interface InvalidCase extends CaseOptions {
  code: string;
  errors: ErrorSpec[];
  /** the text after --fix with only this rule on; null: the rule fixes nothing here */
  output?: string | null;
}

export interface RuleTests {
  valid: Array<string | ValidCase>;
  invalid: InvalidCase[];
}

export interface RuleTesterOptions {
  /** defaults for every case */
  filePath?: string;
  format?: string;
  /** plugins whose rules exist beside the built-in ones (turned off like them) */
  plugins?: Plugin[];
}

type TestFn = (name: string, fn: () => void) => void;
type DescribeFn = (name: string, fn: () => void) => void;

export class RuleTester {
  /** the test framework's describe and it (jest's globals by default), as ESLint's RuleTester.describe / .it */
  static describe: DescribeFn = (name, fn) => (globalThis as unknown as { describe: DescribeFn }).describe(name, fn);
  static it: TestFn = (name, fn) => (globalThis as unknown as { test: TestFn }).test(name, fn);

  constructor(private readonly defaults: RuleTesterOptions = {}) {}

  /** Declare the tests of one rule: a describe block with a test per valid and per invalid case. */
  run(ruleId: string, rule: RuleModule, tests: RuleTests): void {
    if (!tests.valid.length || !tests.invalid.length) throw new Error(`RuleTester: ${ruleId} needs valid and invalid cases`);
    RuleTester.describe(ruleId, () => {
      RuleTester.describe('valid', () => {
        tests.valid.forEach((c, i) => RuleTester.it(caseName(c, i), () => this.checkValid(ruleId, rule, c)));
      });
      RuleTester.describe('invalid', () => {
        tests.invalid.forEach((c, i) => RuleTester.it(caseName(c, i), () => this.checkInvalid(ruleId, rule, c)));
      });
    });
  }

  /** A valid case: no finding at all. */
  checkValid(ruleId: string, rule: RuleModule, c: string | ValidCase): void {
    const vc = typeof c === 'string' ? { code: c } : c;
    const r = this.lintCase(ruleId, rule, vc);
    assert.deepEqual(r.messages.map(describeMessage), [], `a valid case should have no finding, but has ${r.messages.length}`);
  }

  /** An invalid case: exactly its errors, in order; its fix output; its suggestions where given. */
  checkInvalid(ruleId: string, rule: RuleModule, c: InvalidCase): void {
    assert.ok(c.errors.length > 0, 'an invalid case must list at least one error');
    const r = this.lintCase(ruleId, rule, c);
    const got = r.messages;
    assert.equal(
      got.length,
      c.errors.length,
      `should have ${c.errors.length} finding(s), has ${got.length}:\n${got.map((m) => '  ' + describeMessage(m)).join('\n') || '  (none)'}`,
    );
    c.errors.forEach((spec, i) => {
      const m = got[i];
      const where = `finding ${i + 1} (${describeMessage(m)})`;
      assert.equal(m.ruleId, ruleId, `${where}: comes from ${m.ruleId ?? 'no rule'}, not ${ruleId}`);
      const want = typeof spec === 'string' ? { message: spec } : spec;
      for (const [key, value] of Object.entries(want)) {
        if (key === 'suggestions') continue;
        assert.deepEqual((m as unknown as Record<string, unknown>)[key], value, `${where}: ${key}`);
      }
      if (typeof spec !== 'string' && spec.suggestions) {
        const s = m.suggestions ?? [];
        assert.deepEqual(
          s.map((x) => ({ desc: x.desc, output: applyFix(c.code, x.fix) })),
          spec.suggestions,
          `${where}: suggestions`,
        );
      }
    });
    const fixable = got.some((m) => m.fix);
    if (c.output === undefined) {
      assert.ok(!fixable, "the rule fixes this report: say what the fixed text is ('output'), or output: null if it should not");
      return;
    }
    const fixed = this.lintCase(ruleId, rule, c, true).output;
    if (c.output === null) assert.equal(fixed, undefined, 'output: null, but --fix changes the report');
    else {
      assert.notEqual(c.output, c.code, "'output' is the text unchanged: write output: null for a finding without a fix");
      assert.equal(fixed ?? c.code, c.output, 'the text after --fix');
    }
  }

  private lintCase(ruleId: string, rule: RuleModule, c: ValidCase, fix = false): LintResult {
    const plugins = this.pluginsFor(ruleId, rule);
    const rules: Record<string, 'off' | { severity: RuleSeverityName; options?: Record<string, unknown> }> = {};
    for (const id of ruleMap([builtinRules, ...plugins]).keys()) rules[id] = 'off';
    rules[ruleId] = { severity: rule.meta.severity, options: c.options };
    return lint(c.code, {
      filePath: c.filePath ?? this.defaults.filePath ?? 'report.txt',
      format: c.format ?? this.defaults.format,
      kind: c.kind,
      plugins,
      rules,
      fix,
    });
  }

  /** The plugins to lint with: the defaults, and the rule itself when it is not one of them or built in. */
  private pluginsFor(ruleId: string, rule: RuleModule): Plugin[] {
    const plugins = this.defaults.plugins ?? [];
    const known = ruleMap([builtinRules, ...plugins]).get(ruleId);
    if (known === rule) return plugins;
    if (known) throw new Error(`RuleTester: a rule other than the one given is registered as ${ruleId}`);
    const slash = ruleId.lastIndexOf('/');
    if (slash < 0) throw new Error(`RuleTester: ${ruleId} is not built in: give it with its plugin's namespace (name/${rule.meta.id})`);
    if (ruleId.slice(slash + 1) !== rule.meta.id) throw new Error(`RuleTester: ${ruleId} does not end with the rule's id ${rule.meta.id}`);
    return [...plugins, definePlugin({ name: ruleId.slice(0, slash), rules: [rule] })];
  }
}

function applyFix(text: string, fix: { range: [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

function describeMessage(m: LintMessage): string {
  return `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId ?? '(no rule)'}: ${m.message}`;
}

/** The case's name, or its index and a short excerpt of the report (its title line). */
function caseName(c: string | CaseOptions & { code: string }, i: number): string {
  const vc = typeof c === 'string' ? { code: c } : c;
  if (vc.name) return vc.name;
  const first = vc.code.split('\n').find((l) => l.trim()) ?? '';
  return `#${i + 1} ${first.trim().slice(0, 40)}`;
}
