/**
 * The examples in the documentation really run.
 *
 * docs/rules/<id>.md holds report fragments in fenced blocks whose info string says what they are:
 *
 *   ```text report-lint:invalid rule=balance name=carry-forward   the rule must report at least one finding
 *   ```text report-lint:valid rule=balance name=ok               the rule must report nothing
 *   ```text report-lint:output                                    the findings of the example above, exactly,
 *                                                                 one a line as the stylish output prints them
 *                                                                 (line:column  错误|警告  message  rule-id)
 *
 * More attributes: `options={...}` (JSON without spaces) gives the rule options; `also=a,b` turns other rules on
 * beside the page's rule, and each of them must report something (that is how a page shows which rule reports
 * what it leaves alone). Each example is linted with only those rules on, at their default severity.
 *
 * docs/guide.md holds a whole report (`report-lint:report`) with its exact stylish and codeframe output and a
 * finding as JSON, and the same tables in every supported layout (`report-lint:layout`), which must read as
 * the same values.
 *
 * Pages also state the rule's id, default severity, descriptions and options; they must agree with its meta.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules, lint, parse, type LintMessage, type LintResult, type RuleSetting } from '../src/index.js';
import { extractValues } from '../src/cli/extract.js';
import { formatters } from '../src/formatters/index.js';
import { ruleMap } from '../src/engine/run.js';
import type { RuleModule } from '../src/engine/rule.js';
import { ROOT } from './support/reports.js';
import { peerFromText } from '../src/batch/crossyear.js';

// ---------------------------------------------------------------------------------------------------------------
// Examples that show how a rule should behave and does not yet. Each is run with test.failing: when the core is
// fixed the test starts to fail, and its entry here (and the note on the page) must go.
const KNOWN_ISSUES: Record<string, string> = {
};

// ---------------------------------------------------------------------------------------------------------------

interface Example {
  file: string;
  /** line of the opening fence in the Markdown file */
  at: number;
  kind: string;
  attrs: Record<string, string>;
  text: string;
  outputs: Array<{ at: number; kind: string; text: string }>;
  /** cross-year rules: last year's report (a `report-lint:previous file=…` block above the example) */
  previous?: { text: string; file: string };
}

const DOCS = join(ROOT, 'docs');
const RULES_DIR = join(DOCS, 'rules');
const rules: RuleModule[] = builtinRules.rules;
const SEVERITY_ZH = { error: '错误', warn: '警告', info: '提示' } as const;
const OUTPUT_KINDS = new Set(['output', 'stylish', 'codeframe', 'json-message']);

/** Fenced blocks with a report-lint: info string, outputs attached to the example above them. */
function examplesOf(file: string): Example[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: Example[] = [];
  let pendingPrevious: Example['previous'];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    let j = i + 1;
    while (j < lines.length && !(lines[j].startsWith(fence) && lines[j].slice(fence.length).trim() === '')) j++;
    if (j >= lines.length) throw new Error(`${file}:${i + 1}: fence not closed`);
    const info = open[2].trim().split(/\s+/);
    const tag = info.find((t) => t.startsWith('report-lint:'));
    if (tag) {
      const kind = tag.slice('report-lint:'.length);
      const attrs: Record<string, string> = {};
      for (const t of info) {
        const eq = t.indexOf('=');
        if (eq > 0) attrs[t.slice(0, eq)] = t.slice(eq + 1);
      }
      const text = lines.slice(i + 1, j).join('\n') + '\n';
      if (kind === 'previous') {
        pendingPrevious = { text, file: attrs.file ?? 'previous.txt' };
      } else if (OUTPUT_KINDS.has(kind)) {
        const prev = out[out.length - 1];
        if (!prev) throw new Error(`${file}:${i + 1}: an output block must follow its example`);
        prev.outputs.push({ at: i + 1, kind, text });
      } else {
        out.push({ file, at: i + 1, kind, attrs, text, outputs: [], ...(pendingPrevious ? { previous: pendingPrevious } : {}) });
        pendingPrevious = undefined;
      }
    }
    i = j;
  }
  return out;
}

function severityName(m: LintMessage): string {
  return m.severity === 2 ? '错误' : m.severity === 0 ? '提示' : '警告';
}

/** A finding as the docs write it: `line:col  错误  message  rule`. */
function line(m: LintMessage): string {
  return `${m.line}:${m.column}  ${severityName(m)}  ${m.message}  ${m.ruleId}`;
}

/** The output block's lines, with runs of spaces between the fields read as one separator. */
function outputLines(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = /^\s*(\d+:\d+) {2,}(错误|警告|提示) {2,}(.+?) {2,}(\S+)\s*$/.exec(l);
      if (!m) throw new Error(`output line not in the form "line:col  错误|警告|提示  message  rule": ${l}`);
      return `${m[1]}  ${m[2]}  ${m[3]}  ${m[4]}`;
    });
}

/** Only `enabled` rules on, at their default severity, with the example's options for the page's rule. */
function lintExample(ex: Example, pageRule: string | undefined): LintResult {
  const also = (ex.attrs.also ?? '').split(',').filter(Boolean);
  const options = ex.attrs.options ? (JSON.parse(ex.attrs.options) as Record<string, unknown>) : undefined;
  const settings: Record<string, 'off' | RuleSetting> = {};
  for (const r of rules) {
    const on = r.meta.id === pageRule || also.includes(r.meta.id);
    settings[r.meta.id] = on ? { severity: r.meta.severity, ...(r.meta.id === pageRule && options ? { options } : {}) } : 'off';
  }
  // a cross-year example is linted as this year's file beside last year's
  if (ex.previous) {
    const peers = [peerFromText(ex.previous.text, ex.previous.file)];
    return lint(ex.text, { rules: settings, filePath: ex.attrs.file ?? 'report.txt', peers });
  }
  // file=NAME: the example is read as a file of that name (file=page.html: a web page)
  return lint(ex.text, { rules: settings, ...(ex.attrs.file ? { filePath: ex.attrs.file } : {}) });
}

/** Tabs turned into spaces by an editor would change what a fragment means; catch it. */
function expectRealTabs(ex: Example): void {
  const spaced = ex.text.split('\n').find((l) => / {2,}\S/.test(l.trimStart()) && /\d/.test(l));
  if (spaced) throw new Error(`${ex.file}:${ex.at}: a line of the fragment has runs of spaces where cells are expected (tabs converted?): ${spaced}`);
}

/** Printed output as the docs show it: no blank lines around it, no spaces at line ends (editors strip them). */
function shown(s: string): string {
  return s
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

function title(ex: Example): string {
  const where = `${ex.file.slice(ROOT.length + 1)}:${ex.at}`;
  return `${ex.kind}${ex.attrs.name ? ` ${ex.attrs.name}` : ''} (${where})`;
}

function runTest(key: string, name: string, fn: () => void): void {
  if (KNOWN_ISSUES[key]) test.failing(`${name} [known issue: ${KNOWN_ISSUES[key]}]`, fn);
  else test(name, fn);
}

// ---------------------------------------------------------------------------------------------------------------

const pages = existsSync(RULES_DIR) ? readdirSync(RULES_DIR).filter((f) => f.endsWith('.md')).sort() : [];
const allExamples = new Map<string, Example[]>(pages.map((p) => [p, examplesOf(join(RULES_DIR, p))]));

describe('every rule has its page', () => {
  test.each(rules.map((r) => [r.meta.id, r] as const))('%s: meta.docs exists and the page has failing and passing examples', (id, r) => {
    expect(r.meta.docs).toBe(`docs/rules/${id}.md`);
    expect(existsSync(join(ROOT, r.meta.docs))).toBe(true);
    const ex = allExamples.get(`${id}.md`) ?? [];
    expect(ex.filter((e) => e.kind === 'invalid').length).toBeGreaterThanOrEqual(1);
    expect(ex.filter((e) => e.kind === 'valid').length).toBeGreaterThanOrEqual(1);
  });

  test('no page for a rule that does not exist', () => {
    const ids = new Set(rules.map((r) => `${r.meta.id}.md`));
    expect(pages.filter((p) => !ids.has(p))).toEqual([]);
  });

  test('every known issue names an example that exists', () => {
    const keys = new Set<string>();
    for (const [page, exs] of allExamples) for (const e of exs) keys.add(`${page.replace(/\.md$/, '')}/${e.attrs.name}`);
    expect(Object.keys(KNOWN_ISSUES).filter((k) => !keys.has(k))).toEqual([]);
  });
});

describe.each(rules.map((r) => [r.meta.id, r] as const))('docs/rules/%s.md', (id, rule) => {
  const file = join(RULES_DIR, `${id}.md`);
  if (!existsSync(file)) return;
  const page = readFileSync(file, 'utf8');

  test('states the rule id, default severity and descriptions of the rule meta', () => {
    expect(page).toMatch(new RegExp(`^# ${id.replace(/-/g, '\\-')}[：:]`, 'm'));
    const idLine = /^- \*\*规则 ID\*\*：`([^`]+)`\s*$/m.exec(page);
    expect(idLine?.[1]).toBe(id);
    const sev = /^- \*\*默认严重程度\*\*：(错误|警告|提示)（`(error|warn|info)`）/m.exec(page);
    expect(sev?.[2]).toBe(rule.meta.severity);
    expect(sev?.[1]).toBe(SEVERITY_ZH[rule.meta.severity]);
    expect(page).toContain(`> ${rule.meta.description.zh}`);
    expect(page).toContain(`- **English**: ${rule.meta.description.en}`);
  });

  test('documents every option of the rule schema, with its default', () => {
    const section = /^## 选项\n([\s\S]*?)(?=^## )/m.exec(page)?.[1] ?? '';
    expect(section).not.toBe('');
    const props = Object.keys((rule.meta.schema.properties as Record<string, unknown> | undefined) ?? {});
    if (!props.length) expect(section).toContain('本规则没有选项');
    for (const p of props) {
      const def = rule.meta.defaultOptions?.[p];
      expect(section).toContain(`\`${p}\``);
      if (def !== undefined) expect(section).toContain(`默认 \`${JSON.stringify(def)}\``);
    }
  });

  test('has the sections a clerk looks for', () => {
    for (const h of ['## 检查什么', '## 为什么重要', '## 选项', '## 不报告什么', '## 示例']) expect(page).toContain(h);
  });

  const examples = allExamples.get(`${id}.md`) ?? [];
  for (const ex of examples) {
    const key = `${id}/${ex.attrs.name}`;
    runTest(key, title(ex), () => {
      expect(['invalid', 'valid']).toContain(ex.kind);
      expect(ex.attrs.rule).toBe(id);
      expect(ex.attrs.name).toMatch(/^[a-z0-9-]+$/);
      expect(examples.filter((e) => e.attrs.name === ex.attrs.name)).toHaveLength(1);
      expectRealTabs(ex);
      const result = lintExample(ex, id);
      // the fragment is read as a report (a title with a year and at least one section)
      expect(result.messages.filter((m) => m.ruleId === null)).toEqual([]);
      const mine = result.messages.filter((m) => m.ruleId === id);
      if (ex.kind === 'invalid') expect(mine.length).toBeGreaterThanOrEqual(1);
      else expect(mine.map(line)).toEqual([]);
      for (const other of (ex.attrs.also ?? '').split(',').filter(Boolean)) {
        expect(result.messages.filter((m) => m.ruleId === other).length).toBeGreaterThanOrEqual(1);
      }
      expect(ex.outputs.length).toBeLessThanOrEqual(1);
      const [o] = ex.outputs;
      if (o) {
        expect(o.kind).toBe('output');
        expect(result.messages.map(line)).toEqual(outputLines(o.text));
      } else {
        expect(ex.kind).toBe('valid'); // every failing example states its messages
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------

describe('docs/guide.md', () => {
  const file = join(DOCS, 'guide.md');
  const examples = existsSync(file) ? examplesOf(file) : [];

  test('exists and is linked from README.md', () => {
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/\]\(docs\/guide\.md\)/);
  });

  test('links a page for every rule', () => {
    const guide = readFileSync(file, 'utf8');
    for (const r of rules) expect(guide).toContain(`](rules/${r.meta.id}.md)`);
  });

  const reports = examples.filter((e) => e.kind === 'report');
  test('has a whole report with its output', () => {
    expect(reports.length).toBeGreaterThanOrEqual(1);
    expect(reports.some((r) => r.outputs.some((o) => o.kind === 'stylish'))).toBe(true);
  });

  for (const ex of reports) {
    test(title(ex), () => {
      expectRealTabs(ex);
      const filePath = join(ROOT, ex.attrs.file ?? 'report.txt');
      const result = lint(ex.text, { filePath });
      expect(result.messages.filter((m) => m.ruleId === null)).toEqual([]);
      const ctx = { cwd: ROOT, colorLevel: 0 as const, rules: ruleMap([builtinRules]), env: {} };
      expect(ex.outputs.length).toBeGreaterThanOrEqual(1);
      for (const o of ex.outputs) {
        if (o.kind === 'stylish') expect(shown(formatters.stylish([result], ctx))).toBe(shown(o.text));
        else if (o.kind === 'codeframe') expect(shown(formatters.codeframe([result], ctx))).toBe(shown(o.text));
        else if (o.kind === 'json-message') expect(result.messages).toContainEqual(expect.objectContaining(JSON.parse(o.text)));
        else throw new Error(`${o.kind}: not an output of a whole report`);
      }
    });
  }

  const layouts = examples.filter((e) => e.kind === 'layout');
  test('every layout it shows reads as the same values, with no finding about cells', () => {
    expect(layouts.length).toBeGreaterThanOrEqual(3);
    const values = layouts.map((ex) => {
      const parsed = parse(ex.text, { filePath: ex.attrs.file ?? 'report.txt' });
      const r = lint(ex.text, { filePath: ex.attrs.file ?? 'report.txt' });
      expect(r.messages.filter((m) => ['cell-count', 'cell-empty', 'cell-value', 'label-variant', null].includes(m.ruleId)).map(line)).toEqual([]);
      const x = extractValues(parsed, 'x');
      expect(x.unbound).toEqual([]);
      return { format: x.format, tables: x.tables };
    });
    expect(Object.keys(values[0].tables).length).toBeGreaterThanOrEqual(1);
    for (const v of values.slice(1)) expect(v).toEqual(values[0]);
  });
});
