/**
 * The layers of docs/architecture.md, held against the code: every import between the folders (and the files at
 * the root of src/) goes down the stack or stays in its layer, readers and format meet only at skeleton.ts, and
 * the import graph between them has no cycle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bottom first. A unit is a folder of src/, a file at the root of src/, or rules/. */
const LAYERS: string[][] = [
  ['src/types.ts', 'src/errors.ts', 'src/suggest.ts', 'src/paths.ts', 'src/ast.ts', 'src/text'],
  ['src/io'],
  ['src/skeleton.ts'],
  ['src/readers', 'src/format'],
  ['src/engine', 'src/rule-kit.ts', 'src/prose'],
  ['rules', 'src/lint.ts', 'src/unified.ts', 'src/formatters'],
  ['src/config'],
  ['src/session.ts'],
  ['src/batch'],
  ['src/api.ts', 'src/cli', 'src/lsp', 'src/index.ts'],
];
/** Units of one layer that must not import each other. */
const SIBLINGS = [['src/readers', 'src/format']];

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(join(ROOT, p)).isDirectory()) return files(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

function unitOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'rules') return 'rules';
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : file;
}

/** unit → units it imports (with one example each) */
function graph(): Map<string, Map<string, string>> {
  const g = new Map<string, Map<string, string>>();
  for (const f of [...files('src'), ...files('rules')]) {
    const from = unitOf(f);
    const text = readFileSync(join(ROOT, f), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = relative(ROOT, resolve(ROOT, dirname(f), m[1])).replace(/\.js$/, '.ts');
      const to = unitOf(target);
      if (to === from) continue;
      if (!g.has(from)) g.set(from, new Map());
      if (!g.get(from)!.has(to)) g.get(from)!.set(to, `${f} → ${m[1]}`);
    }
  }
  return g;
}

const layerOf = (unit: string) => LAYERS.findIndex((l) => l.includes(unit));

describe('layers', () => {
  const g = graph();

  test('every unit of the code has a layer', () => {
    const units = new Set([...g.keys(), ...[...g.values()].flatMap((m) => [...m.keys()])]);
    expect([...units].filter((u) => layerOf(u) < 0)).toEqual([]);
  });

  test('imports go down the stack or stay in their layer', () => {
    const up: string[] = [];
    for (const [from, tos] of g) for (const [to, where] of tos) if (layerOf(to) > layerOf(from)) up.push(where);
    expect(up).toEqual([]);
  });

  test('readers and format meet only at the skeleton', () => {
    const bad: string[] = [];
    for (const group of SIBLINGS) for (const a of group) for (const b of group) if (a !== b && g.get(a)?.has(b)) bad.push(g.get(a)!.get(b)!);
    expect(bad).toEqual([]);
  });

  test('the import graph between units has no cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (u: string, path: string[]) => {
      if (state.get(u) === 'done') return;
      if (state.get(u) === 'open') {
        cycles.push([...path.slice(path.indexOf(u)), u].join(' → '));
        return;
      }
      state.set(u, 'open');
      for (const to of g.get(u)?.keys() ?? []) visit(to, [...path, u]);
      state.set(u, 'done');
    };
    for (const u of g.keys()) visit(u, []);
    expect(cycles).toEqual([]);
  });

  test('the engine knows no rule, no input kind and no configuration by name', () => {
    const engine = files('src/engine').map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
    expect(engine).not.toMatch(/rules\/index|'docx'|\.docx|config\//);
  });
});
