/**
 * Custom formats (templates): a whole format, or an extension of a built-in one (`"extends": "2021"`) whose
 * sections, tables, rows, columns and relations are merged by id. Both are validated by the same schema as the
 * built-in formats.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../errors.js';
import { Format, FormatError, builtinFormats, formatSchema, type FormatData, validateFormat } from './formats.js';
import { Ajv } from 'ajv';

type WithId = { id: string };

function mergeById<T extends WithId>(base: readonly T[] = [], add: readonly T[] = [], merge?: (a: T, b: T) => T): T[] {
  const out = base.map((x) => ({ ...x }));
  for (const item of add) {
    const i = out.findIndex((x) => x.id === item.id);
    if (i < 0) out.push(item);
    else out[i] = merge ? merge(out[i], item) : item;
  }
  return out;
}

let extensionValidator: ReturnType<Ajv['compile']> | undefined;

function validateExtension(data: unknown, origin: string): void {
  if (!extensionValidator) {
    // the format schema with nothing required at the top, plus `extends`
    const schema = JSON.parse(JSON.stringify(formatSchema()));
    schema.required = ['extends'];
    schema.properties.extends = { type: 'string', minLength: 1 };
    // a table entry of an extension may name only its id and what it adds
    schema.properties.tables.items.required = ['id'];
    extensionValidator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  if (!extensionValidator(data)) {
    const errs = (extensionValidator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new ConfigError(`报告格式 ${origin} 不符合 schema：${errs.join('；')}`);
  }
}

/** Build a Format from template data (whole or extension) against the formats known so far. */
export function formatFromData(data: unknown, origin: string, known: readonly Format[] = builtinFormats()): Format {
  try {
    if (data && typeof data === 'object' && 'extends' in data) {
      validateExtension(data, origin);
      const ext = data as Partial<FormatData> & { extends: string };
      const base = known.find((f) => f.short === ext.extends || f.id === ext.extends);
      if (!base) throw new ConfigError(`报告格式 ${origin}：extends 的「${ext.extends}」不是已知的格式（可用：${known.map((f) => f.short).join('、')}）`);
      const b = base.data;
      const merged: FormatData = {
        id: ext.id ?? `${b.id}+${origin}`,
        short: ext.short ?? b.short,
        name: ext.name ?? b.name,
        ...(ext.notice ?? b.notice ? { notice: ext.notice ?? b.notice } : {}),
        ...(ext.captionPattern ?? b.captionPattern ? { captionPattern: ext.captionPattern ?? b.captionPattern } : {}),
        years: ext.years ?? b.years,
        sections: mergeById(b.sections, ext.sections),
        tables: mergeById(b.tables, ext.tables, (t, x) => ({
          ...t,
          ...x,
          rows: mergeById(t.rows, x.rows),
          columns: mergeById(t.columns, x.columns),
          ...(t.columnGroups || x.columnGroups ? { columnGroups: mergeById(t.columnGroups, x.columnGroups) } : {}),
        })),
        relations: mergeById(b.relations, ext.relations),
      };
      return new Format(validateFormat(merged, origin));
    }
    return new Format(validateFormat(data, origin));
  } catch (e) {
    if (e instanceof FormatError) throw new ConfigError(`报告格式 ${e.message}`);
    throw e;
  }
}

export function loadFormatFile(path: string, known?: readonly Format[]): Format {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`找不到报告格式文件「${path}」`);
  }
  let data: unknown;
  try {
    data = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`报告格式文件 ${path} 无法解析：${e instanceof Error ? e.message : e}`);
  }
  return formatFromData(data, path, known);
}
