/**
 * Lists in the prose: a stated total and the parts listed after it, as one object.
 *
 *   共公布政府信息2599条，（其中机构职能类信息25条，…，其他应主动公开政府信息856条）
 *   发布信息397条，其中，局机关主动公开信息106条，转发信息291条。
 *   公开文件47个（卫沙人普发23个，卫沙人普组发2个，…）
 *   全年办结申请143件。其中予以公开61件，部分公开18件，…
 *
 * The list opens within a few characters after the total (其中/包括/含/（), and runs to the end of the sentence, to
 * the closing parenthesis when it opened with one, or to a clause that starts something else (共/合计/另有/全年/
 * 办结/结转/均/同时/此外…). Its items are the numbers with the total's unit at the list's own parenthesis depth
 * (a nested list in parentheses is a list of its own). What a rule needs to stay silent is kept: an item that is an
 * approximation, a clause between items that has no number (a partial enumeration), an item in another unit.
 */
import type { ProseNumber, ProseParagraph } from './numbers.js';

export interface ProseList {
  paragraph: ProseParagraph;
  total: ProseNumber;
  /** the word that opened the list: 其中, 包括, 含, （ */
  opener: string;
  /** the items with the total's unit, in order */
  items: ProseNumber[];
  /** the last item is 其他/其余/其它: the list claims to be complete */
  closed: boolean;
  /** a clause between two items names something without a number, or an item is in another unit */
  partial: boolean;
  /** some item is an approximation (余, 多, 约 …) */
  approximate: boolean;
  /** 占P% written after an item */
  percents: Array<{ item: ProseNumber; percent: ProseNumber }>;
  /** [start, end) of the list in the paragraph's normalised text (after the opener) */
  start: number;
  end: number;
}

const TERMINATORS = /^(共|合计|总计|另有|另|全年|办结|办理|结转|均|同时|此外|对于|以上|涉及)/;
const OTHER = /(其他|其余|其它)/;

/** Where a list opens after the total, or undefined. */
function opener(text: string, from: number): { word: string; at: number; paren: boolean } | undefined {
  const rest = text.slice(from, from + 24);
  // directly a parenthesis: 47个（卫沙人普发23个…）; 13件（含新制定5件…）
  let m = /^（(其中包括|其中|包括|含)?/.exec(rest);
  if (m) return { word: m[1] ?? '（', at: from + m[0].length, paren: true };
  // a few words naming the total, then ，其中 / ，（其中 / ，包括 / 。其中
  m = /^([^，。；：（）\d%]{0,12}?)([，：]|。(?=其中))(（)?(其中包括|其中|包括|含)(：)?/.exec(rest);
  if (m) {
    if (m[2] === '。' && m[3]) return undefined;
    return { word: m[4], at: from + m[0].length, paren: m[3] === '（' };
  }
  m = /^([^，。；：（）\d%]{0,12}?)（(其中包括|其中|包括|含)/.exec(rest);
  if (m) return { word: m[2], at: from + m[0].length, paren: true };
  return undefined;
}

const MEASURE_COUNT = new Set(['件', '条', '个', '篇', '项', '份', '起', '次', '期', '家', '名', '场', '通', '批', '张', '册', '本', '套', '户', '例', '宗', '则', '幅', '人', '人次', '批次', '场次', '件次', '个次']);

export function findLists(p: ProseParagraph): ProseList[] {
  const out: ProseList[] = [];
  if (!p.numbers.length) return out;
  const { text, depth } = p;
  for (const total of p.numbers) {
    if (total.kind !== 'count' || total.approx || !MEASURE_COUNT.has(total.unit)) continue;
    const o = opener(text, total.end);
    if (!o) continue;
    const listDepth = o.paren ? depth[o.at - 1] : depth[total.index];
    // the end of the list
    let end = o.at;
    for (; end < text.length; end++) {
      const c = text[end];
      // the closing parenthesis of the list (or of the parentheses the list is in)
      if (c === '）' && depth[end] === listDepth && listDepth > 0) break;
      if (c === '。' || c === '！' || c === '？') break;
      if ((c === '，' || c === '；') && depth[end] === listDepth && !o.paren && TERMINATORS.test(text.slice(end + 1, end + 4))) break;
    }
    // a list whose items are separated by ， or 、 ends at a ；
    const firstItem = p.numbers.find((n) => n.index >= o.at && n.index < end && n.depth === listDepth && n.kind === 'count' && n.unit === total.unit);
    if (firstItem) {
      const sep = /[，、；]/.exec(text.slice(firstItem.end, end));
      if (sep && sep[0] !== '；') {
        for (let k = firstItem.end; k < end; k++) {
          if (text[k] === '；' && depth[k] === listDepth) {
            end = k;
            break;
          }
        }
      }
    }
    const inList = p.numbers.filter((n) => n.index >= o.at && n.index < end && n !== total);
    const items = inList.filter((n) => n.depth === listDepth && n.kind === 'count' && n.unit === total.unit);
    const percents: ProseList['percents'] = [];
    for (const n of inList) {
      if (n.kind !== 'percent' || n.depth !== listDepth) continue;
      const item = [...items].reverse().find((i) => i.end <= n.index);
      if (item && /^[，、]?(占|占比|占总数的|占全部的)$/.test(text.slice(item.end, n.index))) percents.push({ item, percent: n });
    }
    // clauses of the list at its own depth: one without a number between items means a partial enumeration
    let partial = false;
    if (items.length >= 2) {
      const first = items[0].index;
      const last = items[items.length - 1].index;
      let c0 = o.at;
      for (let i = o.at; i <= end; i++) {
        const c = text[i];
        if (i === end || ((c === '，' || c === '；') && depth[i] === listDepth)) {
          if (c0 > first && c0 < last) {
            const seg = text.slice(c0, i);
            const has = inList.some((n) => n.index >= c0 && n.index < i && n.depth === listDepth && n.kind === 'count' && n.unit === total.unit);
            const nested = inList.some((n) => n.index >= c0 && n.index < i && n.depth > listDepth);
            if (!has && !nested && seg.trim() !== '' && !/^占/.test(seg)) partial = true;
          }
          c0 = i + 1;
        }
      }
      // an item in another unit between the first and the last
      if (inList.some((n) => n.depth === listDepth && n.kind === 'count' && n.unit !== total.unit && n.index > first && n.index < last)) partial = true;
    }
    const lastItem = items[items.length - 1];
    const closed = !!lastItem && OTHER.test(lastItem.label);
    out.push({
      paragraph: p,
      total,
      opener: o.word,
      items,
      closed,
      partial,
      approximate: items.some((i) => i.approx) || inList.some((n) => n.depth === listDepth && n.kind === 'range'),
      percents,
      start: o.at,
      end,
    });
  }
  return out;
}

/** Σ of some numbers, rounded to 6 decimals (money values). */
export function sumOf(ns: readonly ProseNumber[]): number {
  return Math.round(ns.reduce((a, n) => a + n.value, 0) * 1e6) / 1e6;
}

/** Whether some prefix of at least two items sums to the total (lists followed by unrelated numbers). */
export function prefixMatches(list: ProseList): boolean {
  let s = 0;
  for (let i = 0; i < list.items.length; i++) {
    s = Math.round((s + list.items[i].value) * 1e6) / 1e6;
    if (i >= 1 && Math.abs(s - list.total.value) < 1e-9) return true;
  }
  return false;
}

const HANDLED_BEFORE = /(办结|答复|办理完成|办理完毕|处理完毕|已办理|办理)[^，。；\d]{0,12}$/;
export const OUTCOME_WORDS = /(予以公开及部分公开|予以公开和部分公开|予以公开|同意公开|部分公开|不予公开|无法提供|不予处理|其他处理)[^，。；、\d]{0,4}$/;

/**
 * Outcome lists that open with no 其中: 全年办结申请143件。予以公开61件，部分公开18件，不予公开9件…: a count of
 * handled applications followed, in that sentence or the next, by at least three outcome groups with counts.
 */
export function findOutcomeLists(p: ProseParagraph, lists: readonly ProseList[]): ProseList[] {
  const out: ProseList[] = [];
  const { text } = p;
  const taken = new Set(lists.map((l) => l.total));
  for (let i = 0; i < p.numbers.length; i++) {
    const total = p.numbers[i];
    if (taken.has(total) || total.kind !== 'count' || total.unit !== '件' || total.approx) continue;
    const sentence = p.sentences[total.sentence];
    const clause = sentence?.clauses[total.clause];
    if (!clause || !HANDLED_BEFORE.test(text.slice(clause.start, total.index)) || /其中|予以|不予|无法|处理$/.test(text.slice(clause.start, total.index).slice(-6))) continue;
    const items: ProseNumber[] = [];
    const percents: ProseList['percents'] = [];
    let j = i + 1;
    for (; j < p.numbers.length; j++) {
      const n = p.numbers[j];
      if (n.sentence > total.sentence + 1) break;
      if (n.kind === 'percent') {
        const item = items[items.length - 1];
        if (item && /^[，、]?(占|占比)$/.test(text.slice(item.end, n.index))) percents.push({ item, percent: n });
        continue;
      }
      if (n.kind !== 'count' || n.unit !== '件') break;
      if (!OUTCOME_WORDS.test(text.slice(Math.max(0, n.index - 14), n.index))) break;
      items.push(n);
    }
    if (items.length < 3) continue;
    const groups = new Set(items.map((n) => OUTCOME_WORDS.exec(text.slice(Math.max(0, n.index - 14), n.index))![1]));
    const all = ['不予公开', '无法提供', '不予处理', '其他处理'].every((g) => groups.has(g)) && (groups.has('予以公开及部分公开') || (groups.has('予以公开') && groups.has('部分公开')));
    out.push({
      paragraph: p,
      total,
      opener: '',
      items,
      closed: all || groups.has('其他处理'),
      partial: false,
      approximate: items.some((n) => n.approx),
      percents,
      start: total.end,
      end: items[items.length - 1].end,
    });
  }
  return out;
}
