/**
 * One factory for the rules that check the format's arithmetic relations (sum of lhs = sum of rhs): each such rule
 * names the relation kinds it checks (data/formats/*.json `relations[].kind`) and its wording; the names of the
 * terms come from the format (row and column labels, and each relation's `names`).
 */
import { defineRule, type RuleMeta, type RuleModule } from '../src/engine/rule.js';
import { evaluateRelations, type RelationResult } from '../src/format/relations.js';
import type { CellRef, Format } from '../src/format/formats.js';
import { columnName, relationSuggestions, rowName } from '../src/rule-kit.js';

export type Side = 'lhs' | 'rhs';

/** The words for one relation that does not hold, from the format. */
export class Terms {
  constructor(
    readonly format: Format,
    readonly r: RelationResult,
  ) {}
  get table(): string {
    return this.r.relation.anchor.table;
  }
  /** the anchor cell's row, as the format names it */
  get row(): string {
    return rowName(this.format, this.table, this.r.relation.anchor.row);
  }
  /** the anchor cell's column, as the format names it */
  get column(): string {
    return columnName(this.format, this.table, this.r.relation.anchor.column);
  }
  /** the anchor cell's column label alone (without its group) */
  get columnLabel(): string {
    return this.format.table(this.table)?.columns.find((c) => c.id === this.r.relation.anchor.column)?.label ?? this.column;
  }
  /** the right-hand side as a whole (六类申请人), from the relation's names */
  get parts(): string {
    return this.r.relation.names.parts ?? this.r.relation.rhs.map((x) => this.refName(x)).join('、');
  }
  ref(side: Side, i: number): CellRef {
    return (side === 'lhs' ? this.r.relation.lhs : this.r.relation.rhs)[i];
  }
  /** a term by its short name from the relation's names (一、本年新收), else by the format's labels */
  short(side: Side, i: number): string {
    return this.r.relation.names[side]?.[i] ?? this.refName(this.ref(side, i));
  }
  /** a term's row, as the format names it */
  rowOf(side: Side, i: number): string {
    return rowName(this.format, this.table, this.ref(side, i).row);
  }
  /** a term's column, as the format names it */
  columnOf(side: Side, i: number): string {
    return columnName(this.format, this.table, this.ref(side, i).column);
  }
  /** a cell named by what tells it from the anchor: its column in the anchor's row, else its row */
  refName(x: CellRef): string {
    return x.row === this.r.relation.anchor.row ? columnName(this.format, x.table, x.column) : rowName(this.format, x.table, x.row);
  }
}

export interface RelationWording {
  /** the finding's message */
  message(t: Terms): string;
  /** which side's sum is the value expected (the other is the actual) */
  expected: Side;
  /** the related cells and what each says: all terms, or the right-hand side (without its zeros: a long list) */
  related: 'all' | 'rhs' | 'rhs-nonzero';
  /** how a related cell is named */
  relatedName(t: Terms, side: Side, i: number): string;
  /** the side that holds the total the others should add up to (its suggestion comes first); none when any may be wrong */
  totalSide?: Side;
  /** how a cell is named in a suggestion */
  suggestionName(t: Terms, side: Side, i: number): string;
  /** 「若…无误」 for the suggestion that changes the total */
  othersRight(t: Terms): string;
  /** 「若…无误」 for the suggestions that change one of the other cells */
  totalRight(t: Terms): string;
}

/** A rule that reports every relation of the given kinds that does not hold, with suggestions, never fixes. */
export function relationRule(meta: Omit<RuleMeta, 'schema' | 'hasSuggestions' | 'relations'>, kinds: string[], w: RelationWording): RuleModule {
  return defineRule({
    meta: { ...meta, schema: { type: 'object', properties: {}, additionalProperties: false }, hasSuggestions: true, relations: kinds },
    check(report, ctx) {
      for (const kind of kinds) {
        for (const r of evaluateRelations(report, ctx.format, kind)) {
          if (r.holds) continue;
          const t = new Terms(ctx.format, r);
          const terms: Array<{ side: Side; i: number }> = [
            ...(w.related === 'all' ? r.lhs.map((_, i) => ({ side: 'lhs' as const, i })) : []),
            ...r.rhs.map((_, i) => ({ side: 'rhs' as const, i })),
          ];
          const cellOf = (x: { side: Side; i: number }) => (x.side === 'lhs' ? r.lhs : r.rhs)[x.i];
          ctx.report({
            node: r.anchor,
            message: w.message(t),
            expected: w.expected === 'lhs' ? r.lhsSum : r.rhsSum,
            actual: w.expected === 'lhs' ? r.rhsSum : r.lhsSum,
            related: terms
              .filter((x) => w.related !== 'rhs-nonzero' || cellOf(x).value !== 0)
              .map((x) => ({ node: cellOf(x), message: `${w.relatedName(t, x.side, x.i)}：${cellOf(x).value}` })),
            suggestions: relationSuggestions(r, {
              isTotal: (side) => side === w.totalSide,
              name: (side, i) => w.suggestionName(t, side, i),
              othersRight: w.othersRight(t),
              totalRight: w.totalRight(t),
            }),
          });
        }
      }
    },
  });
}
