/**
 * docs/ci.md: every example is parsed and run. The commands of the GitHub Actions workflow, the GitLab job and the
 * pre-commit configuration run as written (through a stand-in `npx` that starts the built CLI) against copies of the
 * seeds; the git hook runs in a real repository on real commits.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { parse as parseYaml } from 'yaml';
import { BIN, HANG_MS, cleanEnv, copySamples, sarifErrors, tempDir, writeText } from '../support/cli.js';
import { ROOT, SEEDS } from '../support/reports.js';

const doc = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');

/** The fenced code blocks of the page, by the file they show (named in a comment on their first lines). */
function blocks(): Map<string, { lang: string; body: string }> {
  const out = new Map<string, { lang: string; body: string }>();
  for (const m of doc.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)) {
    const named = m[2].split('\n').find((l) => /^# [.\w/-]+$/.test(l));
    if (named) out.set(named.slice(2), { lang: m[1], body: m[2] });
  }
  return out;
}

const examples = blocks();

function example(file: string, lang: string): string {
  const b = examples.get(file);
  if (!b) throw new Error(`docs/ci.md has no ${lang} block for ${file}`);
  expect(b.lang).toBe(lang);
  return b.body;
}

/** A folder on PATH whose `npx report-lint …` and `report-lint …` start the built CLI. */
function shims(): string {
  const dir = tempDir('report-lint-shim-');
  writeFileSync(join(dir, 'npx'), `#!/bin/sh\n[ "$1" = report-lint ] || { echo "npx: only report-lint here" >&2; exit 127; }\nshift\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  writeFileSync(join(dir, 'report-lint'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(dir, 'npx'), 0o755);
  chmodSync(join(dir, 'report-lint'), 0o755);
  return dir;
}

const SHIMS = shims();

function sh(script: string, cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync('bash', ['-c', script], { cwd, env: { ...cleanEnv(env), PATH: `${SHIMS}:${process.env.PATH}` }, encoding: 'utf8', timeout: HANG_MS });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A repository with reports/: seed 004 (one error) and seed 001 (clean), or only clean ones. */
function site(withError: boolean): string {
  const dir = tempDir('report-lint-site-');
  copySamples(dir, { [SEEDS.s001]: 'reports/2021年度报告.txt', [SEEDS.s003]: 'reports/2020.md', ...(withError ? { [SEEDS.s004]: 'reports/沙坡头区 2020.txt' } : {}) });
  return dir;
}

type Yaml = any;

test('every code block of the page is one of the examples tested here', () => {
  expect([...doc.matchAll(/^```\w+$/gm)].length).toBe(examples.size);
  // the shards' workflow and script are run by test/shard-merge.test.ts
  expect([...examples.keys()].sort()).toEqual([
    '.git/hooks/pre-commit',
    '.github/workflows/report-lint-shards.yml',
    '.github/workflows/report-lint.yml',
    '.gitlab-ci.yml',
    '.pre-commit-config.yaml',
    'scripts/lint-shard.sh',
  ]);
});

describe('the GitHub Actions workflow', () => {
  const wf: Yaml = parseYaml(example('.github/workflows/report-lint.yml', 'yaml'));
  const job = wf.jobs['report-lint'];
  const steps: Yaml[] = job.steps;
  const sarifStep = steps.find((s) => /--format sarif/.test(s.run ?? ''));
  const upload = steps.find((s) => String(s.uses ?? '').startsWith('github/codeql-action/upload-sarif@'));
  const gate = steps[steps.length - 1];

  test('has the steps and permissions code scanning needs', () => {
    expect(Object.keys(wf.on)).toEqual(['push', 'pull_request']);
    expect(job.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    expect(steps[0].uses).toBe('actions/checkout@v4');
    expect(steps.some((s) => s.run === 'npm ci')).toBe(true);
    expect(sarifStep['continue-on-error']).toBe(true);
    expect(steps.indexOf(upload)).toBeGreaterThan(steps.indexOf(sarifStep));
    expect(upload.if).toBe('always()');
    expect(sarifStep.run).toContain(`--output-file ${upload.with.sarif_file}`);
    expect(gate.run).toMatch(/^npx report-lint --format github /);
    expect(gate['continue-on-error']).toBeUndefined();
  });

  function runJob(withError: boolean) {
    const ws = site(withError);
    const summary = join(ws, '.summary.md');
    const env = { GITHUB_WORKSPACE: ws, GITHUB_STEP_SUMMARY: summary, CI: 'true' };
    const ran = steps.filter((s) => s.run && s.run !== 'npm ci').map((s) => ({ step: s, ...sh(s.run, ws, env) }));
    return { ws, summary, ran };
  }

  test('on reports with an error: SARIF written and valid, annotations and summary, the job fails at the last step', () => {
    const { ws, summary, ran } = runJob(true);
    for (const r of ran) expect(r.stderr).toBe('');
    // every step that fails before the last one is allowed to
    for (const r of ran.slice(0, -1)) if (r.status !== 0) expect(r.step['continue-on-error']).toBe(true);
    expect(ran.map((r) => r.status)).toEqual([1, 1]);
    const log = JSON.parse(readFileSync(join(ws, upload.with.sarif_file), 'utf8'));
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0].results.filter((x: Yaml) => x.level === 'error').map((x: Yaml) => x.locations[0].physicalLocation.artifactLocation.uri)).toEqual([
      `reports/${encodeURIComponent('沙坡头区 2020.txt')}`,
    ]);
    const gate = ran[ran.length - 1].stdout.split('\n');
    expect(gate.filter((l) => l.startsWith('::error '))).toEqual([expect.stringMatching(/^::error file=reports\/沙坡头区 2020\.txt,line=103,col=1,.*title=report-lint section-missing::缺少第六部分/)]);
    expect(readFileSync(summary, 'utf8')).toContain('检查了 3 个文件，发现 1 个错误、');
  });

  test('on clean reports every step passes', () => {
    const { ran } = runJob(false);
    expect(ran.map((r) => r.status)).toEqual([0, 0]);
  });
});

describe('the GitLab CI job', () => {
  const ci: Yaml = parseYaml(example('.gitlab-ci.yml', 'yaml'));
  const job = ci['report-lint'];

  test('publishes the JUnit report even when the job fails', () => {
    expect(job.script[0]).toBe('npm ci');
    expect(job.artifacts.when).toBe('always');
    expect(job.script[1]).toContain(`--output-file ${job.artifacts.reports.junit}`);
  });

  test('runs: a well-formed JUnit file with one test case per report, and exit 1 on an error', () => {
    const ws = site(true);
    const results = job.script.filter((l: string) => l !== 'npm ci').map((l: string) => sh(l, ws, { CI: 'true' }));
    expect(results.map((r: { status: number }) => r.status)).toEqual([1]);
    const xml = readFileSync(join(ws, job.artifacts.reports.junit), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<testsuite name="report-lint" tests="3" failures="1" errors="0" skipped="0">');
    expect(xml).toContain('<failure type="section-missing"');
  });
});

describe('the pre-commit framework configuration', () => {
  const cfg: Yaml = parseYaml(example('.pre-commit-config.yaml', 'yaml'));
  const hook = cfg.repos[0].hooks[0];

  test('is a local hook on the reports', () => {
    expect(cfg.repos[0].repo).toBe('local');
    expect(hook).toMatchObject({ id: 'report-lint', language: 'system' });
    const files = new RegExp(hook.files);
    expect(['reports/a.txt', 'reports/sub/b.md'].every((f) => files.test(f))).toBe(true);
    expect(['notes.txt', 'reports/a.pdf'].some((f) => files.test(f))).toBe(false);
  });

  test('its entry, given the file names as pre-commit gives them, fails on an error and passes on clean reports', () => {
    const ws = site(true);
    const bad = sh(`${hook.entry} 'reports/沙坡头区 2020.txt' reports/2021年度报告.txt`, ws);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('section-missing');
    expect(sh(`${hook.entry} reports/2021年度报告.txt reports/2020.md`, ws).status).toBe(0);
  });
});

describe('the git pre-commit hook', () => {
  const script = example('.git/hooks/pre-commit', 'bash');

  function git(repo: string, ...args: string[]) {
    const r = spawnSync('git', ['-c', 'user.name=测试', '-c', 'user.email=test@example.com', '-c', 'core.hooksPath=.git/hooks', ...args], {
      cwd: repo,
      env: { ...cleanEnv({ REPORT_LINT: join(SHIMS, 'report-lint') }) },
      encoding: 'utf8',
      timeout: HANG_MS,
    });
    return { status: r.status, out: r.stdout + r.stderr };
  }

  test('checks the staged reports: refuses an error, lets clean ones and other files through', () => {
    const repo = tempDir('report-lint-repo-');
    expect(git(repo, 'init', '-q').status).toBe(0);
    writeText(join(repo, '.git/hooks/pre-commit'), script);
    chmodSync(join(repo, '.git/hooks/pre-commit'), 0o755);

    // a clean report with a Chinese name, and a text outside reports/ that is no report at all
    copySamples(repo, { [SEEDS.s001]: 'reports/2021年度报告.txt' });
    writeText(join(repo, 'notes.txt'), '随便写的笔记\n');
    git(repo, 'add', '.');
    const ok = git(repo, 'commit', '-q', '-m', '第一次提交');
    expect(ok.status).toBe(0);

    // a report with an error (its name has a space): refused, and report-lint says why
    copySamples(repo, { [SEEDS.s004]: 'reports/沙坡头区 2020.txt' });
    git(repo, 'add', '.');
    const refused = git(repo, 'commit', '-q', '-m', '加入沙坡头区报告');
    expect(refused.status).not.toBe(0);
    expect(refused.out).toContain('reports/沙坡头区 2020.txt');
    expect(refused.out).toContain('section-missing');
    expect(git(repo, 'log', '--oneline').out.trim().split('\n')).toHaveLength(1);

    // what is checked is the staged text: a clean version staged, a broken one left in the working tree
    git(repo, 'rm', '-q', '--cached', 'reports/沙坡头区 2020.txt');
    copySamples(repo, { [SEEDS.s001]: 'reports/2021年度报告.txt' });
    writeText(join(repo, 'reports/2021年度报告.txt'), readFileSync(join(repo, 'reports/2021年度报告.txt'), 'utf8') + '\n补充说明。\n');
    git(repo, 'add', 'reports/2021年度报告.txt');
    writeText(join(repo, 'reports/2021年度报告.txt'), readFileSync(join(ROOT, SEEDS.s004), 'utf8'));
    const staged = git(repo, 'commit', '-q', '-m', '补充说明');
    expect(staged.status).toBe(0);
    expect(existsSync(join(repo, 'reports/沙坡头区 2020.txt'))).toBe(true);
  });
});
