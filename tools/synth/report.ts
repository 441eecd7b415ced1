/** One whole report: title, the six sections in order (or as a defect has them), prose and tables in the layout. */
import { builtinFormats, type Format, type FormatTable } from '../../src/format/formats.js';
import { type Ctx, type Rendered, buildGrid, decide, typoOf } from './grid.js';
import { writeGfmTable } from './markdown.js';
import { BUREAUS, KINDS, PLACES, fillerParagraph, makeProse, writeProse } from './prose.js';
import { Rng } from './rng.js';
import { writeTabTable } from './tab.js';
import { LAYOUTS, type Loc, type SpanStyle, type Synth, type SynthOptions } from './types.js';
import { solveValues } from './values.js';
import { writeWordTable } from './word.js';
import { Writer } from './writer.js';

/** Generate one report. Deterministic: the same options give the same text. */
export function synthesize(opts: SynthOptions): Synth {
  const formats = opts.formats ?? builtinFormats();
  const rng = new Rng(opts.seed);
  let format: Format;
  if (opts.format) {
    const f = formats.find((x) => x.short === opts.format || x.id === opts.format);
    if (!f) throw new Error(`synth: no format ${opts.format}`);
    format = f;
  } else if (opts.year !== undefined) {
    const f = formats.find((x) => x.appliesTo(opts.year!));
    if (!f) throw new Error(`synth: no format for ${opts.year}`);
    format = f;
  } else format = rng.pick(formats);
  const years = format.data.years;
  const year = opts.year ?? rng.int(years.from, years.to ?? years.from + 4);
  const layout = opts.layout ?? rng.pick(LAYOUTS);
  const atx = opts.atx ?? (layout === 'markdown' ? true : layout === 'pdf' ? rng.chance(0.5) : false);
  const spanStyle: SpanStyle = opts.spanStyle ?? (layout === 'markdown' ? 'after-label' : rng.pick(['none', 'after-label', 'row-end'] as const));
  const drawnAgency = `${rng.pick(PLACES)}${rng.pick(KINDS)}${rng.pick(BUREAUS)}`;
  const agency = opts.agency ?? drawnAgency;
  const values = solveValues(format, rng, opts.pinned);
  const proseRng = opts.proseSeed === undefined ? rng : new Rng(opts.proseSeed);
  const ctx: Ctx = { format, rng, proseRng, opts, layout, atx, spanStyle, year, agency, values, defect: opts.defect, decisions: new Map() };

  const target = opts.targetBytes ?? 10_000;
  const prose = makeProse(ctx);
  if (opts.proseSeed !== undefined) {
    // text of its own seed: as much filler as the target size asks for, whatever the tables take (so that the same
    // prose seed gives the same text in either format)
    const n = Math.max(0, Math.round((target - 4000) / 450));
    for (let i = 0; i < n; i++) prose.get(i % 3 === 2 ? 's5' : 's1')?.push(fillerParagraph(ctx, i % 3 === 2 ? 's5' : 's1'));
  }
  let out = render(ctx, prose);
  // fill up to the target size with more prose in sections 一 and 五
  for (let round = 0; round < 4 && opts.proseSeed === undefined; round++) {
    const bytes = Buffer.byteLength(out.text);
    if (bytes >= target * 0.95) break;
    for (let added = 0, i = 0; bytes + added < target; i++) {
      const sec = i % 3 === 2 ? 's5' : 's1';
      const para = fillerParagraph(ctx, sec);
      prose.get(sec)?.push(para);
      added += Buffer.byteLength(para) + 2;
    }
    out = render(ctx, prose);
  }
  return { ...out, seed: opts.seed, format: format.short, year, agency, layout, atx, spanStyle, values };
}

function render(ctx: Ctx, prose: Map<string, string[]>): Rendered {
  const { format, layout, atx, defect } = ctx;
  const w = new Writer();
  const r: Rendered = { text: '', raw: {}, cells: {}, rows: {}, headings: {}, headingTitles: {} };
  const rng = new Rng(ctx.opts.seed ^ 0x5bd1e995); // layout choices: the same in every render

  // title
  w.nl(rng.int(0, 2));
  const h = (depth: number) => (atx ? `${'#'.repeat(depth)} ` : '');
  if (rng.chance(0.6) || atx) {
    w.put(h(1) + ctx.agency);
    w.nl(2);
    w.put(h(2) + `${ctx.year}年${rng.pick(['', '度'])}政府信息公开工作年度报告`);
  } else {
    w.put(h(1) + `${ctx.agency}${ctx.year}年度政府信息公开工作年度报告`);
  }
  w.nl(2);
  w.put(
    `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级关于做好政府信息公开工作年度报告的有关要求，编制本报告。` +
      `本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。` +
      `本报告所列数据的统计期限自${ctx.year}年1月1日起至${ctx.year}年12月31日止。`,
  );
  w.nl(2);

  // sections, in the format's order unless a defect says otherwise
  let order = format.data.sections.map((s) => s.id);
  if (defect?.kind === 'drop-section') order = order.filter((id) => id !== defect.section);
  if (defect?.kind === 'swap-sections') {
    const ia = order.indexOf(defect.a);
    const ib = order.indexOf(defect.b);
    if (ia < 0 || ib < 0 || ia >= ib) throw new Error('synth: swap-sections wants a before b in the format');
    [order[ia], order[ib]] = [order[ib], order[ia]];
  }
  for (const sid of order) {
    const s = format.section(sid)!;
    w.gap();
    let title = s.title;
    if (defect?.kind === 'heading-typo' && defect.section === sid) {
      const typo = typoOf(title);
      r.injection = { defect, rule: 'label-variant', loc: undefined as unknown as Loc, section: sid, before: title, after: typo };
      title = typo;
    }
    const level = atx ? (sid === 's4' || sid === 's5' ? decide(ctx, 'deep', () => rng.pick([2, 3, 4])) : 2) : 0;
    w.put(level ? `${'#'.repeat(level)} ` : '');
    const headingLoc = w.mark(`${s.number}、${title}`);
    r.headings[sid] = headingLoc;
    const tStart = headingLoc.column + s.number.length + 1;
    r.headingTitles[sid] = { ...headingLoc, column: tStart, offset: headingLoc.offset + s.number.length + 1 };
    if (r.injection?.defect.kind === 'heading-typo' && r.injection.section === sid) r.injection.loc = r.headingTitles[sid];
    w.nl();
    if (layout !== 'word') w.nl();
    const paragraphs = prose.get(sid) ?? [];
    const tables = format.tablesOf(sid);
    // section 二 and 三 open with a sentence, then the tables; the others: prose, then tables
    writeProse(ctx, w, tables.length ? paragraphs.slice(0, 1) : paragraphs, rng);
    if (tables.length) {
      w.gap();
      writeTables(ctx, w, r, tables, rng);
      if (paragraphs.length > 1) {
        w.gap();
        writeProse(ctx, w, paragraphs.slice(1), rng);
      }
    }
  }
  w.gap();
  w.put(ctx.agency);
  w.nl();
  w.put(`${ctx.year + 1}年1月${rng.int(5, 28)}日`);
  w.nl();

  // where the defects went that depend on the whole text
  if (defect?.kind === 'drop-section') {
    const canonical = format.data.sections.map((s) => s.id);
    const next = canonical.slice(canonical.indexOf(defect.section) + 1).find((id) => r.headings[id]);
    const text = w.text();
    let loc: Loc;
    if (next) loc = r.headings[next];
    else {
      const lines = text.split('\n');
      let l = lines.length - 1;
      while (l > 0 && lines[l].trim() === '') l--;
      const offset = lines.slice(0, l).reduce((a, x) => a + x.length + 1, 0);
      loc = { line: l + 1, column: 1, endLine: l + 1, endColumn: lines[l].length + 1, offset, endOffset: offset + lines[l].length };
    }
    r.injection = { defect, rule: 'section-missing', loc, section: defect.section };
  }
  if (defect?.kind === 'swap-sections') {
    r.injection = { defect, rule: 'section-order', loc: r.headings[defect.a], section: defect.a };
  }
  r.text = w.text();
  return r;
}

function writeTables(ctx: Ctx, w: Writer, r: Rendered, tables: FormatTable[], rng: Rng): void {
  const grids = tables.map((t) => buildGrid(ctx, r, t));
  const padTo = ctx.layout === 'tab' && decide(ctx, 'padT2', () => rng.chance(0.5)) ? Math.max(...grids.map((g) => g.labelColumns + g.table.columns.length)) : 0;
  for (const [i, g] of grids.entries()) {
    if (ctx.layout === 'markdown' && i > 0) w.gap();
    switch (ctx.layout) {
      case 'word':
        writeWordTable(ctx, w, r, g, rng);
        break;
      case 'markdown':
        writeGfmTable(ctx, w, r, g);
        break;
      default:
        writeTabTable(ctx, w, r, g, rng, padTo);
    }
  }
  if (ctx.layout === 'pdf' && tables.some((t) => t.columns.length > 4) && decide(ctx, `rule-${tables[0].id}`, () => rng.chance(0.4))) {
    // a ruled line under the table, as PDF text extraction leaves it
    const width = grids[grids.length - 1].labelColumns + grids[grids.length - 1].table.columns.length;
    w.put(['-------------', ...new Array(width - 1).fill('---')].join('\t'));
    w.nl();
  }
}
