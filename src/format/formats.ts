/**
 * The official report formats, as data: data/formats/*.json, validated against data/format.schema.json.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { packageRoot } from '../paths.js';
import { LabelSet } from './match.js';
import { normalizeLabel } from '../text/normalize.js';

export interface FormatSection {
  id: string;
  number: string;
  title: string;
  variants?: string[];
  keywords?: string[];
  required: boolean;
}
export interface FormatColumn {
  id: string;
  label: string;
  type: 'count' | 'signed_integer' | 'money';
  unit?: string;
  group?: string;
  variants?: string[];
}
export interface FormatRow {
  id: string;
  label: string | null;
  data: boolean;
  parent?: string;
  variants?: string[];
  /** how messages name a row without a label (第四部分表格的数据行) */
  name?: string;
}
export interface FormatTable {
  id: string;
  section: string;
  caption?: string;
  labelHeader?: string;
  cornerNote?: string;
  columnGroups?: Array<{ id: string; label: string }>;
  columns: FormatColumn[];
  rows: FormatRow[];
}
export interface FormatRelationData {
  id: string;
  kind: string;
  forall?: Record<string, string[]>;
  lhs: string[];
  rhs: string[];
  anchor: string;
  names?: RelationNames;
}
/** How messages name a relation's terms: each of lhs and rhs in order, and the rhs as a whole. */
export interface RelationNames {
  lhs?: string[];
  rhs?: string[];
  parts?: string;
}
export interface FormatData {
  id: string;
  short: string;
  name: string;
  notice?: string;
  /** finds a table caption in a normalised text; group 1 tells the tables apart */
  captionPattern?: string;
  years: { from: number; to?: number };
  sections: FormatSection[];
  tables: FormatTable[];
  relations: FormatRelationData[];
}

export interface CellRef {
  table: string;
  row: string;
  column: string;
}

/** One relation with its placeholders expanded: sum(lhs) == sum(rhs). */
export interface Relation {
  id: string;
  kind: string;
  /** the values the placeholders took ({ c: 'natural' }) */
  bindings: Record<string, string>;
  lhs: CellRef[];
  rhs: CellRef[];
  anchor: CellRef;
  names: RelationNames;
}

export class FormatError extends Error {}

let schemaValidator: ReturnType<Ajv['compile']> | undefined;

export function formatSchema(): object {
  return JSON.parse(readFileSync(join(packageRoot(), 'data', 'format.schema.json'), 'utf8'));
}

/** Validate format data against the schema and its own references; throws FormatError with every problem. */
export function validateFormat(data: unknown, source = 'format'): FormatData {
  if (!schemaValidator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    schemaValidator = ajv.compile(formatSchema());
  }
  if (!schemaValidator(data)) {
    const errs = (schemaValidator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new FormatError(`${source}: 格式定义不符合 schema: ${errs.join('; ')}`);
  }
  const f = data as FormatData;
  const problems: string[] = [];
  const sectionIds = new Set(f.sections.map((s) => s.id));
  const tables = new Map(f.tables.map((t) => [t.id, t]));
  for (const t of f.tables) {
    if (!sectionIds.has(t.section)) problems.push(`table ${t.id}: unknown section ${t.section}`);
    const rowIds = new Set(t.rows.map((r) => r.id));
    for (const r of t.rows) if (r.parent && !rowIds.has(r.parent)) problems.push(`table ${t.id} row ${r.id}: unknown parent ${r.parent}`);
  }
  for (const rel of f.relations) {
    for (const ref of expandRelation(rel)) {
      for (const c of [...ref.lhs, ...ref.rhs, ref.anchor]) {
        const t = tables.get(c.table);
        if (!t) problems.push(`relation ${rel.id}: unknown table ${c.table}`);
        else if (!t.rows.some((r) => r.id === c.row && r.data)) problems.push(`relation ${rel.id}: ${c.table}.${c.row} is not a data row`);
        else if (!t.columns.some((col) => col.id === c.column)) problems.push(`relation ${rel.id}: unknown column ${c.table}.${c.column}`);
      }
    }
  }
  if (problems.length) throw new FormatError(`${source}: ${problems.join('; ')}`);
  return f;
}

function parseRef(s: string): CellRef {
  const [table, row, column] = s.split('.');
  return { table, row, column };
}

export function expandRelation(rel: FormatRelationData): Relation[] {
  const keys = Object.keys(rel.forall ?? {});
  let combos: Array<Record<string, string>> = [{}];
  for (const k of keys) {
    const next: Array<Record<string, string>> = [];
    for (const c of combos) for (const v of rel.forall![k]) next.push({ ...c, [k]: v });
    combos = next;
  }
  return combos.map((b) => {
    const sub = (s: string) => s.replace(/\{([a-z]+)\}/g, (_, k: string) => b[k] ?? `{${k}}`);
    return {
      id: rel.id,
      kind: rel.kind,
      bindings: b,
      lhs: rel.lhs.map((s) => parseRef(sub(s))),
      rhs: rel.rhs.map((s) => parseRef(sub(s))),
      anchor: parseRef(sub(rel.anchor)),
      names: rel.names ?? {},
    };
  });
}

/** A format with the lookups the parser and the rules need, computed once. */
export class Format {
  readonly data: FormatData;
  readonly relations: Relation[];
  /** TABLE.ROW of every row that takes part in some relation */
  readonly summedRows: ReadonlySet<string>;
  /** finds a table caption in a normalised text (data: captionPattern) */
  readonly captionPattern?: RegExp;
  private readonly rowSets = new Map<string, LabelSet>();
  private readonly groupSets = new Map<string, LabelSet>();
  private readonly headerSets = new Map<string, LabelSet>();

  constructor(data: FormatData) {
    this.data = data;
    this.relations = data.relations.flatMap(expandRelation);
    if (data.captionPattern) this.captionPattern = new RegExp(data.captionPattern);
    this.summedRows = new Set(this.relations.flatMap((r) => [...r.lhs, ...r.rhs].map((c) => `${c.table}.${c.row}`)));
    for (const t of data.tables) {
      const rows = t.rows.filter((r) => r.label !== null);
      this.rowSets.set(t.id, new LabelSet(rows.filter((r) => r.data).map((r) => ({ id: r.id, label: r.label!, variants: r.variants }))));
      this.groupSets.set(t.id, new LabelSet(rows.filter((r) => !r.data).map((r) => ({ id: r.id, label: r.label!, variants: r.variants }))));
      const header: Array<{ id: string; label: string; variants?: string[] }> = [];
      const seen = new Set<string>();
      for (const c of t.columns) {
        if (seen.has(c.label)) continue;
        seen.add(c.label);
        header.push({ id: c.id, label: c.label, variants: c.variants });
      }
      for (const g of t.columnGroups ?? []) if (!seen.has(g.label)) header.push({ id: g.id, label: g.label });
      if (t.labelHeader) header.push({ id: 'label_header', label: t.labelHeader });
      if (t.cornerNote) header.push({ id: 'corner_note', label: t.cornerNote });
      this.headerSets.set(t.id, new LabelSet(header));
    }
  }

  get id(): string {
    return this.data.id;
  }
  get short(): string {
    return this.data.short;
  }

  table(id: string): FormatTable | undefined {
    return this.data.tables.find((t) => t.id === id);
  }
  tablesOf(sectionId: string): FormatTable[] {
    return this.data.tables.filter((t) => t.section === sectionId);
  }
  section(id: string): FormatSection | undefined {
    return this.data.sections.find((s) => s.id === id);
  }
  rowLabels(tableId: string): LabelSet {
    return this.rowSets.get(tableId)!;
  }
  groupLabels(tableId: string): LabelSet {
    return this.groupSets.get(tableId)!;
  }
  headerLabels(tableId: string): LabelSet {
    return this.headerSets.get(tableId)!;
  }
  /** which of the tables a caption (第二十条第（一）项) names: the one whose own caption gives the same key */
  captionKey(text: string): string | undefined {
    return this.captionPattern?.exec(normalizeLabel(text))?.[1];
  }
  appliesTo(year: number): boolean {
    return year >= this.data.years.from && (this.data.years.to === undefined || year <= this.data.years.to);
  }
}

let builtin: Format[] | undefined;

/** The built-in formats, oldest first. */
export function builtinFormats(): Format[] {
  if (builtin) return builtin;
  const dir = join(packageRoot(), 'data', 'formats');
  builtin = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    // the built-in formats are checked against the schema by the tests (test/formats.test.ts), not at every start
    .map((f) => new Format(JSON.parse(readFileSync(join(dir, f), 'utf8')) as FormatData));
  return builtin;
}
