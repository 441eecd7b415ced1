/**
 * The configuration's JSON Schema, generated from the rules' meta (built-in and plugin rules), and the
 * translation of ajv's errors into messages that name the file, the key path, what was found and what is allowed.
 */
import { Ajv, type ErrorObject } from 'ajv';
import { didYouMean } from '../suggest.js';
import type { RuleModule } from '../engine/rule.js';

export const CONFIG_KEYS = ['$schema', 'extends', 'rules', 'plugins', 'dictionaries', 'templates', 'ignorePatterns', 'overrides', 'format'] as const;
export const OVERRIDE_KEYS = ['files', 'excludedFiles', 'rules', 'format'] as const;

const stringOrList = { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }] };

export function buildConfigSchema(rules: Map<string, RuleModule>): Record<string, unknown> {
  const ruleProps: Record<string, unknown> = {};
  for (const [id, r] of [...rules].sort(([a], [b]) => a.localeCompare(b))) {
    ruleProps[id] = {
      description: `${r.meta.description.zh}（默认 ${r.meta.severity}）`,
      oneOf: [{ $ref: '#/definitions/severity' }, { type: 'array', minItems: 1, maxItems: 2, ...tuple(r) }],
    };
  }
  const rulesSchema = { type: 'object', properties: ruleProps, additionalProperties: false };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://report-lint.dev/schema/config.schema.json',
    title: 'report-lint configuration',
    description: 'report-lint 的配置文件（.reportlintrc.json / .reportlintrc.yaml / report-lint.config.js / package.json 的 report-lint 键）',
    type: 'object',
    additionalProperties: false,
    definitions: {
      severity: { enum: ['off', 'info', 'warn', 'error', 0, 1, 2], description: 'off（关闭）、info（提示）、warn（警告）或 error（错误）' },
      rules: rulesSchema,
    },
    properties: {
      $schema: { type: 'string' },
      extends: { ...stringOrList, description: '继承的配置：report-lint:recommended、report-lint:strict、文件路径或 npm 包名' },
      rules: { $ref: '#/definitions/rules' },
      plugins: { type: 'array', items: { type: 'string', minLength: 1 }, description: '插件：npm 包名或本地文件路径' },
      dictionaries: { type: 'array', items: { type: 'string', minLength: 1 }, description: '词典文件（YAML 或 JSON）' },
      templates: { type: 'array', items: { type: 'string', minLength: 1 }, description: '自定义或扩展的报告格式（JSON）' },
      ignorePatterns: { type: 'array', items: { type: 'string', minLength: 1 }, description: '不检查的文件（相对于配置文件所在文件夹的通配符）' },
      format: { type: 'string', description: '强制使用的报告格式（2019、2021 或自定义格式的 short）' },
      overrides: {
        type: 'array',
        items: {
          type: 'object',
          required: ['files'],
          additionalProperties: false,
          properties: {
            files: stringOrList,
            excludedFiles: stringOrList,
            rules: { $ref: '#/definitions/rules' },
            format: { type: 'string' },
          },
        },
      },
    },
  };
}

/** [severity] or [severity, options]: draft-07 tuple form. */
function tuple(r: RuleModule): Record<string, unknown> {
  return {
    items: [{ $ref: '#/definitions/severity' }, r.meta.schema],
    additionalItems: false,
  };
}

export interface ConfigProblem {
  path: string;
  message: string;
}

const ajv = new Ajv({ allErrors: true, strict: false });
/** compiled schemas by the rules they know (the same rule set, the same schema) */
const cache = new Map<string, ReturnType<Ajv['compile']>>();
const optionValidators = new WeakMap<RuleModule, ReturnType<Ajv['compile']>>();

/** Validate a config object; the problems are in Chinese, each naming the key path. */
export function validateConfig(data: unknown, rules: Map<string, RuleModule>): ConfigProblem[] {
  const key = [...rules].map(([id, r]) => `${id}\u0000${JSON.stringify(r.meta.schema)}`).join('\u0001');
  let validate = cache.get(key);
  if (!validate) {
    const { $id: _id, ...schema } = buildConfigSchema(rules);
    cache.set(key, (validate = ajv.compile(schema)));
  }
  if (validate(data)) return [];
  return explain(validate.errors ?? [], data, rules);
}

function keyPath(instancePath: string): string {
  if (!instancePath) return '（根）';
  return instancePath
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function valueAt(data: unknown, instancePath: string): unknown {
  let v: unknown = data;
  for (const p of instancePath.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[p.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return v;
}

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

const TYPE_ZH: Record<string, string> = {
  string: '字符串', array: '数组', object: '对象', boolean: '布尔值（true 或 false）', number: '数字', integer: '整数', null: 'null',
};

function explain(errors: ErrorObject[], data: unknown, rules: Map<string, RuleModule>): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const seen = new Set<string>();
  const add = (path: string, message: string) => {
    const k = `${path}\u0000${message}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ path, message });
    }
  };
  // rule settings are explained rule by rule, from the rule's own schema
  const ruleSettingPaths = new Set<string>();
  for (const e of errors) {
    const m = /^((?:\/overrides\/\d+)?\/rules)\/([^/]+)/.exec(e.instancePath);
    if (m) ruleSettingPaths.add(`${m[1]}/${m[2]}`);
  }
  for (const p of ruleSettingPaths) {
    const id = p.split('/').pop()!.replace(/~1/g, '/');
    const rule = rules.get(id);
    const v = valueAt(data, p);
    const where = keyPath(p);
    const sev = Array.isArray(v) ? v[0] : v;
    if (!['off', 'info', 'warn', 'error', 0, 1, 2].includes(sev as never)) {
      add(where, `${where} 的严重程度是 ${show(sev)}，应为 "off"、"info"、"warn"、"error"（或 0、1、2），也可写成 [严重程度, 选项]`);
      continue;
    }
    if (Array.isArray(v) && v.length > 2) {
      add(where, `${where} 写了 ${v.length} 项，应为 [严重程度] 或 [严重程度, 选项]`);
      continue;
    }
    if (rule && Array.isArray(v) && v.length === 2) {
      let check = optionValidators.get(rule);
      if (!check) optionValidators.set(rule, (check = ajv.compile(rule.meta.schema)));
      if (!check(v[1])) {
        for (const oe of check.errors ?? []) {
          const sub = `${where}[1]${keyPath(oe.instancePath) === '（根）' ? '' : '.' + keyPath(oe.instancePath)}`;
          add(sub, describe(oe, valueAt(v[1], oe.instancePath), sub, optionKeys(rule)));
        }
      }
    }
  }
  for (const e of errors) {
    if (/^(?:\/overrides\/\d+)?\/rules\/[^/]+/.test(e.instancePath)) continue;
    const where = keyPath(e.instancePath);
    if (e.keyword === 'additionalProperties') {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const isRules = /\/rules$/.test(e.instancePath);
      if (isRules) {
        const guess = didYouMean(key, [...rules.keys()]);
        add(`${where}.${key}`, `${where} 中没有名为「${key}」的规则${guess ? `（是否想写「${guess}」？）` : ''}`);
      } else {
        const allowed = e.instancePath.startsWith('/overrides') ? [...OVERRIDE_KEYS] : CONFIG_KEYS.filter((k) => k !== '$schema');
        const guess = didYouMean(key, allowed);
        const prefix = e.instancePath ? `${where} 中` : '';
        add(key, `${prefix}不认识的配置项「${key}」${guess ? `（是否想写「${guess}」？）` : ''}；可用的配置项：${allowed.join('、')}`);
      }
      continue;
    }
    if (e.keyword === 'oneOf' || e.keyword === 'if') continue;
    add(where, describe(e, valueAt(data, e.instancePath), where));
  }
  // oneOf failures whose branches said nothing clearer
  if (!out.length) for (const e of errors) add(keyPath(e.instancePath), describe(e, valueAt(data, e.instancePath), keyPath(e.instancePath)));
  return out;
}

function optionKeys(rule: RuleModule): string[] {
  const props = (rule.meta.schema as { properties?: Record<string, unknown> }).properties;
  return props ? Object.keys(props) : [];
}

function describe(e: ErrorObject, found: unknown, where: string, allowedKeys: string[] = []): string {
  switch (e.keyword) {
    case 'type': {
      const t = String((e.params as { type: string }).type).split(',').map((x) => TYPE_ZH[x] ?? x).join('或');
      return `${where} 的值是 ${show(found)}，应为${t}`;
    }
    case 'enum':
      return `${where} 的值是 ${show(found)}，应为 ${(e.params as { allowedValues: unknown[] }).allowedValues.map(show).join('、')} 之一`;
    case 'required':
      return `${where} 缺少「${(e.params as { missingProperty: string }).missingProperty}」`;
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const guess = didYouMean(key, allowedKeys);
      return `${where} 中没有选项「${key}」${guess ? `（是否想写「${guess}」？）` : ''}${allowedKeys.length ? `；可用的选项：${allowedKeys.join('、')}` : '；这条规则没有选项'}`;
    }
    case 'minLength':
      return `${where} 不能为空`;
    default:
      return `${where} 的值是 ${show(found)}：${e.message ?? '不符合要求'}`;
  }
}
