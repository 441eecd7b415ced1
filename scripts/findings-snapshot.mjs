// Writes the findings of the whole samples/ folder and of a generated corpus (fixed seed, 200 reports in every
// layout and format, most with one defect) to a JSON file, one finding a line, so that two builds can be compared
// with `diff`: a refactoring that changes no behaviour leaves the file byte for byte the same.
//
//   npm run build && node scripts/findings-snapshot.mjs before.json
//   … change the code …
//   npm run build && node scripts/findings-snapshot.mjs after.json && diff before.json after.json
//
// Both parts are linted by the built command line (`--format json`), as a user would run it: the samples from the
// project folder (its configuration lookup included), the corpus from a temporary folder written for the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'dist', 'src', 'cli', 'bin.js');
const SEED = 20261129;
const REPORTS = 200;

const out = process.argv[2];
if (!out || process.argv.length > 3) {
  console.error('usage: node scripts/findings-snapshot.mjs OUT.json   (after npm run build)');
  process.exit(2);
}
if (!existsSync(BIN)) {
  console.error(`${relative(process.cwd(), BIN)} is missing: run npm run build first`);
  process.exit(2);
}

/** The built synthetic-report generator: tools/synth (bench/synth before it moved there). */
async function loadSynth() {
  for (const rel of ['dist/tools/synth/index.js', 'dist/bench/synth.js']) {
    const p = join(ROOT, rel);
    if (existsSync(p)) return import(pathToFileURL(p).href);
  }
  throw new Error('the built synthetic-report generator (dist/tools/synth/index.js) is missing: run npm run build first');
}

/** Every kind of defect the generator can inject, in turn; undefined is a correct report. */
function defectOf(i, deepest) {
  switch (i % 12) {
    case 0:
    case 6:
      return undefined;
    case 1:
      // a leaf row of section 三 (row and outcome sums), or 二、上年结转 (row sum and the balance)
      return { kind: 'number', cell: Math.floor(i / 12) % 2 ? `${deepest[i % deepest.length]}.natural` : 'T3.r2.natural' };
    case 2:
      return { kind: 'number', cell: 'T4.n.rv_maintain', delta: 1 + (i % 3) };
    case 3:
      return { kind: 'blank', cell: 'T3.r2.other' };
    case 4:
      return { kind: 'raw', cell: 'T3.r1.natural', raw: ['三', 'N/A', '2件', '１２'][i % 4] };
    case 5:
      return { kind: 'drop-cell', cell: 'T4.n.rv_other' };
    case 7:
      return { kind: 'add-cell', cell: 'T4.n.ld_other', raw: '0' };
    case 8:
      return { kind: 'label-typo', row: ['T3.r3_4_1', 'T3.r2', 'T3.r3_2'][i % 3] };
    case 9:
      return { kind: 'heading-typo', section: ['s1', 's3', 's5'][i % 3] };
    case 10:
      return { kind: 'drop-section', section: ['s2', 's4', 's6'][i % 3] };
    default:
      return { kind: 'swap-sections', a: 's4', b: 's5' };
  }
}

/** Run the CLI on some paths; its JSON results with paths relative to `base` and '/' separators. */
function lintJson(paths, cwd, base) {
  const r = spawnSync(process.execPath, [BIN, '--format', 'json', ...paths], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0 && r.status !== 1 && r.status !== 2) throw new Error(`report-lint exited with ${r.status}: ${r.stderr}`);
  const results = JSON.parse(r.stdout);
  return results
    .map((res) => ({
      file: relative(base, res.filePath).split(sep).join('/'),
      errorCount: res.errorCount,
      warningCount: res.warningCount,
      fatalErrorCount: res.fatalErrorCount,
      messages: res.messages.map((m) => {
        const o = { rule: m.ruleId, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, severity: m.severity, message: m.message };
        if (m.fatal) o.fatal = true;
        if (m.fix) o.fix = m.fix;
        if (m.suggestions?.length) o.suggestions = m.suggestions.map((s) => ({ desc: s.desc, fix: s.fix }));
        return o;
      }),
    }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

const { synthesize, deepestRows, LAYOUTS } = await loadSynth();
const { builtinFormats } = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'index.js')).href);
const formats = builtinFormats();
const dir = mkdtempSync(join(tmpdir(), 'report-lint-snapshot-'));
let samples;
let corpus;
try {
  const spans = ['none', 'after-label', 'row-end'];
  for (let i = 0; i < REPORTS; i++) {
    const format = formats[i % formats.length];
    const layout = LAYOUTS[Math.floor(i / formats.length) % LAYOUTS.length];
    const opts = {
      seed: SEED + i,
      format: format.short,
      layout,
      // pdf text with and without `#` headings; markdown always with them
      atx: layout === 'pdf' ? i % 3 === 0 : undefined,
      spanStyle: layout === 'markdown' ? undefined : spans[i % spans.length],
      targetBytes: 6_000 + (i % 5) * 2_000,
      defect: defectOf(i, deepestRows(format, 'T3')),
    };
    const s = synthesize(opts);
    const name = `${String(i).padStart(3, '0')}-${s.format}-${s.layout}${s.atx ? '-atx' : ''}-${opts.defect?.kind ?? 'ok'}.${s.layout === 'markdown' ? 'md' : 'txt'}`;
    writeFileSync(join(dir, name), s.text);
  }
  samples = lintJson(['samples/'], ROOT, ROOT);
  corpus = lintJson(['.'], dir, dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// one result header a line and one finding a line: a diff shows exactly what changed
const lines = ['{', `"seed": ${SEED},`, `"reports": ${REPORTS},`];
const part = (name, results, last) => {
  lines.push(`${JSON.stringify(name)}: [`);
  results.forEach((res, k) => {
    const { messages, ...head } = res;
    lines.push(`{ ${JSON.stringify(head).slice(1, -1)}, "messages": [`);
    messages.forEach((m, j) => lines.push(JSON.stringify(m) + (j < messages.length - 1 ? ',' : '')));
    lines.push(`]}${k < results.length - 1 ? ',' : ''}`);
  });
  lines.push(`]${last ? '' : ','}`);
};
part('samples', samples, false);
part('corpus', corpus, true);
lines.push('}');
writeFileSync(out, lines.join('\n') + '\n');
const count = (rs) => rs.reduce((n, r) => n + r.messages.length, 0);
console.log(`wrote ${out}: ${samples.length} samples (${count(samples)} findings), ${corpus.length} generated reports (${count(corpus)} findings)`);
