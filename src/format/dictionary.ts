/**
 * Dictionaries of variants and typos (YAML or JSON): `pattern` (text, or /regular expression/) → `expected`,
 * with a context (label, prose or any) and specs — examples that must hold, or the dictionary refuses to load.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { packageRoot } from '../paths.js';
import { ConfigError } from '../errors.js';

export type DictionaryContext = 'label' | 'prose' | 'any';

export interface DictionaryEntryData {
  pattern: string;
  expected: string;
  context?: DictionaryContext;
  note?: string;
  specs: Array<{ from: string; to: string }>;
}

export interface DictionaryEntry {
  pattern: RegExp;
  /** the pattern as written, for messages */
  source: string;
  expected: string;
  context: DictionaryContext;
  note?: string;
  /** where the entry came from (file path) */
  origin: string;
}

export interface Dictionary {
  entries: DictionaryEntry[];
  /** entries that apply to table labels and headings */
  label: DictionaryEntry[];
  /** entries that apply to running text */
  prose: DictionaryEntry[];
}

const schema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['pattern', 'expected', 'specs'],
    additionalProperties: false,
    properties: {
      pattern: { type: 'string', minLength: 1 },
      expected: { type: 'string' },
      context: { enum: ['label', 'prose', 'any'] },
      note: { type: 'string' },
      specs: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['from', 'to'],
          additionalProperties: false,
          properties: { from: { type: 'string' }, to: { type: 'string' } },
        },
      },
    },
  },
};

let validator: ReturnType<Ajv['compile']> | undefined;
const validate = (data: unknown) => (validator ??= new Ajv({ allErrors: true }).compile(schema))(data);

/** The pattern as a global regular expression: /…/flags, or the text itself. */
export function compilePattern(p: string, origin: string): RegExp {
  const m = /^\/(.+)\/([imsu]*)$/s.exec(p);
  try {
    if (m) return new RegExp(m[1], m[2].includes('g') ? m[2] : m[2] + 'g');
  } catch (e) {
    throw new ConfigError(`词典 ${origin}：正则表达式「${p}」无效（${e instanceof Error ? e.message : e}）`);
  }
  return new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g');
}

export function applyEntry(e: DictionaryEntry, text: string): string {
  e.pattern.lastIndex = 0;
  return text.replace(e.pattern, e.expected);
}

/**
 * Validate and compile dictionary data; throws ConfigError naming the file and the failing entry or spec.
 * `trusted` skips the schema check (the built-in dictionary, checked by the tests); the specs are always run.
 */
export function buildDictionary(data: unknown, origin: string, trusted = false): DictionaryEntry[] {
  if (!trusted && !validate(data)) {
    const e = validator!.errors![0];
    throw new ConfigError(`词典 ${origin}：${e.instancePath || '（根）'} ${e.message}`);
  }
  return (data as DictionaryEntryData[]).map((d, i) => {
    const entry: DictionaryEntry = {
      pattern: compilePattern(d.pattern, origin),
      source: d.pattern,
      expected: d.expected,
      context: d.context ?? 'any',
      note: d.note,
      origin,
    };
    for (const spec of d.specs) {
      const got = applyEntry(entry, spec.from);
      if (got !== spec.to) {
        throw new ConfigError(`词典 ${origin} 第 ${i + 1} 条（${d.pattern} → ${d.expected}）的示例不成立：「${spec.from}」改后为「${got}」，应为「${spec.to}」`);
      }
    }
    return entry;
  });
}

export function loadDictionaryFile(path: string, trusted = false): DictionaryEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`找不到词典文件「${path}」`);
  }
  let data: unknown;
  try {
    data = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ConfigError(`词典 ${path} 无法解析：${e instanceof Error ? e.message : e}`);
  }
  return buildDictionary(data, path, trusted);
}

export function makeDictionary(entries: DictionaryEntry[]): Dictionary {
  return {
    entries,
    label: entries.filter((e) => e.context !== 'prose'),
    prose: entries.filter((e) => e.context !== 'label'),
  };
}

let builtin: DictionaryEntry[] | undefined;

export function builtinDictionaryPath(): string {
  return join(packageRoot(), 'data', 'dictionaries', 'builtin.yaml');
}

export function builtinDictionary(): DictionaryEntry[] {
  return (builtin ??= loadDictionaryFile(builtinDictionaryPath(), true));
}
