// The rules tables of README.md (English) and docs/guide.md (Chinese), generated from the rules' meta as remark-lint
// generates its readmes: every rule registered in the built-in plugin (rules/index.ts), in its order, with its id
// linked to its page, its default severity, whether it fixes or suggests, and its description. Each table is the
// part of its file between `<!-- rules:start -->` and `<!-- rules:end -->`; nothing else in the file is touched.
//
//   npm run docs:rules            rewrite the tables (after a build: the rules are read from dist/)
//   npm run docs:rules -- --check exit 1, naming the files, when a table is not what the rules' meta gives
//
// test/rule-tables.test.ts fails when a table is out of date, so a new rule needs no edit here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const START = '<!-- rules:start -->';
export const END = '<!-- rules:end -->';

/** Where the tables are: the file, its language, and the folder the file's links are relative to. */
export const TARGETS = [
  { file: 'README.md', lang: 'en', dir: '.' },
  { file: 'docs/guide.md', lang: 'zh', dir: 'docs' },
];

const WORDS = {
  en: {
    head: ['id', 'default', 'fix', 'what it checks'],
    severity: { error: 'error', warn: 'warning', info: 'info' },
    fixable: 'fix',
    suggestions: 'suggestions',
  },
  zh: {
    head: ['规则', '默认', '修正', '检查什么'],
    severity: { error: '错误', warn: '警告', info: '提示' },
    fixable: '可自动修正',
    suggestions: '给出修改建议',
  },
};

/** A table cell: pipes escaped, line breaks as spaces. */
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** The Markdown table of `rules` (rule modules with meta) in `lang`, links relative to `dir`. */
export function rulesTable(rules, lang, dir = '.') {
  const w = WORDS[lang];
  if (!w) throw new Error(`rule-tables: no words for language ${lang}`);
  const lines = [`| ${w.head.join(' | ')} |`, `|${w.head.map(() => '---').join('|')}|`];
  for (const { meta } of rules) {
    const link = posix.relative(dir.split('\\').join('/'), meta.docs);
    const id = lang === 'en' ? `[\`${meta.id}\`](${link})` : `[${meta.id}](${link})`;
    const fix = [meta.fixable ? w.fixable : '', meta.hasSuggestions ? w.suggestions : ''].filter(Boolean).join(lang === 'en' ? ', ' : '，');
    lines.push(`| ${id} | ${w.severity[meta.severity] ?? meta.severity} | ${fix} | ${cell(meta.description[lang])} |`);
  }
  return lines.join('\n');
}

/** `text` with the part between the markers replaced by `table`; throws when the markers are not there once each. */
export function withTable(text, table, file = 'the file') {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a || text.indexOf(START, a + 1) >= 0 || text.indexOf(END, b + 1) >= 0) {
    throw new Error(`${file}: the rules table must stand between one ${START} and one ${END}`);
  }
  return text.slice(0, a + START.length) + '\n' + table + '\n' + text.slice(b);
}

/** For each target file: its text now and as the rules' meta makes it. */
export function tables(root, rules) {
  return TARGETS.map(({ file, lang, dir }) => {
    const text = readFileSync(join(root, file), 'utf8');
    return { file, text, wanted: withTable(text, rulesTable(rules, lang, dir), file) };
  });
}

async function main(argv) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  let api;
  try {
    api = await import(pathToFileURL(join(root, 'dist', 'src', 'index.js')).href);
  } catch (e) {
    console.error(`rule-tables: the built rules (dist/) cannot be loaded — run npm run build first (${e.message})`);
    return 2;
  }
  const check = argv.includes('--check');
  const stale = [];
  for (const t of tables(root, api.builtinRules.rules)) {
    if (t.text === t.wanted) continue;
    stale.push(t.file);
    if (!check) writeFileSync(join(root, t.file), t.wanted);
  }
  if (check) {
    if (stale.length) console.error(`rules tables out of date in ${stale.join(', ')}: run npm run docs:rules`);
    return stale.length ? 1 : 0;
  }
  console.log(stale.length ? `rewrote the rules tables of ${stale.join(', ')}` : 'the rules tables are up to date');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2));
