/**
 * Which agency's report of which year a file is, so that reports of the same agency can be paired across years.
 * Minimal on purpose (a fuller report identity may replace it): the agency from the title, else from the 落款 (the
 * organ's name above the date at the end), else from the file name; the year from the report (title or text), else
 * from the file name. Renamed agencies (机构改革) are joined by an aliases map: old name → current name.
 */
import { basename, extname } from 'node:path';
import type { Report } from '../types.js';
import type { ReportIdentity } from '../engine/peer.js';

export type { ReportIdentity };


export type AgencyAliases = Readonly<Record<string, string>>;

/** An agency's name as a key: full-width forms folded, spaces and punctuation around it dropped. */
export function normalizeAgency(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '')
    .replace(/^[“”"'《》「」【】\[\]]+|[“”"'《》「」【】\[\]：:，,。]+$/g, '')
    .replace(/^关于/, '');
}

/** old name → current name, followed through chains (A→B→C), keys and values normalised; a cycle is an error. */
export function resolveAliases(aliases: AgencyAliases | undefined): Map<string, string> {
  const direct = new Map<string, string>();
  for (const [from, to] of Object.entries(aliases ?? {})) direct.set(normalizeAgency(from), normalizeAgency(to));
  const out = new Map<string, string>();
  for (const from of direct.keys()) {
    let to = from;
    const seen = new Set<string>();
    while (direct.has(to)) {
      if (seen.has(to)) throw new Error(`机构别名（agencyAliases）首尾相连成环：${[...seen].join(' → ')}`);
      seen.add(to);
      to = direct.get(to)!;
    }
    out.set(from, to);
  }
  return out;
}

const ORGAN_END = /(?:人民政府|政府|办公室|办公厅|委员会|管理委员会|局|委|办|厅|院|部|中心|署|会|所|处|站|队|镇|乡|街道|街道办事处|区|县|市|州|盟|旗|公司)$/;
const DATE = /((?:19|20)\d{2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?/;
const PUBLISHED = /(?:发布|发表|成文|公开|印发)(?:时间|日期)\s*[：:]\s*((?:19|20)\d{2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})/;

function isoDate(y: string, m: string, d: string): string | undefined {
  const mm = Number(m);
  const dd = Number(d);
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return undefined;
  return `${y}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/**
 * The 落款 at the end of a report: a short line naming an organ, followed by a line that is a date. Returns the
 * organ and the date, when the last lines hold them.
 */
export function signature(paragraphs: readonly string[]): { agency?: string; date?: string } {
  const last = paragraphs.slice(-6).map((p) => p.trim()).filter(Boolean);
  for (let i = last.length - 1; i >= 0; i--) {
    const whole = new RegExp(`^${DATE.source}$`).exec(last[i].replace(/[\s\u3000]+/g, ''));
    if (!whole) continue;
    const date = isoDate(whole[1], whole[2], whole[3]);
    const above = i > 0 ? normalizeAgency(last[i - 1]) : '';
    const agency = above.length >= 2 && above.length <= 30 && ORGAN_END.test(above) && !/[，。；！？]/.test(above) ? above : undefined;
    return { agency, date };
  }
  return {};
}

/** Agency and year in a file name: 2021_某某局.txt, 某某局-2021年报.md, 某某局2021年政府信息公开工作年度报告.html */
export function fromFileName(filePath: string): { agency?: string; year?: number } {
  const name = basename(filePath, extname(filePath)).normalize('NFKC');
  const y = /(?:^|[^\d])((?:19|20)\d{2})(?!\d)/.exec(name);
  const year = y ? Number(y[1]) : undefined;
  const rest = name
    .replace(/(?:19|20)\d{2}\s*年?度?/g, ' ')
    .replace(/政府信息公开(?:工作)?年度?报告|政务公开(?:工作)?年度?报告|年度?报告|年报/g, ' ')
    .split(/[\s_\-—.·()（）]+/)
    .filter((p) => /[\u4e00-\u9fff]{2,}/.test(p));
  const agency = rest.length ? normalizeAgency(rest.join('')) : undefined;
  return { agency: agency && agency.length >= 2 ? agency : undefined, year };
}

/** The date a page says it was published (发布时间：2022-01-20), else the 落款 date. */
export function publicationDate(text: string, paragraphs: readonly string[]): string | undefined {
  const m = PUBLISHED.exec(text);
  if (m) return isoDate(m[1], m[2], m[3]);
  return signature(paragraphs).date;
}

/** A report's identity, from its AST (title, 落款), its text and its file name. */
export function identify(
  report: Pick<Report, 'agency' | 'year'>,
  filePath: string,
  opts: { paragraphs?: readonly string[]; text?: string; aliases?: Map<string, string> } = {},
): ReportIdentity {
  const fromName = fromFileName(filePath);
  const sig = opts.paragraphs ? signature(opts.paragraphs) : {};
  const id: ReportIdentity = {};
  const title = report.agency ? normalizeAgency(report.agency) : '';
  if (title.length >= 2) {
    id.agency = report.agency!.trim();
    id.agencySource = 'title';
  } else if (sig.agency) {
    id.agency = sig.agency;
    id.agencySource = 'signature';
  } else if (fromName.agency) {
    id.agency = fromName.agency;
    id.agencySource = 'file-name';
  }
  if (id.agency) {
    const key = normalizeAgency(id.agency);
    id.agencyKey = opts.aliases?.get(key) ?? key;
  }
  if (report.year !== undefined) {
    id.year = report.year;
    id.yearSource = 'report';
  } else if (fromName.year !== undefined) {
    id.year = fromName.year;
    id.yearSource = 'file-name';
  }
  const published = opts.text !== undefined ? publicationDate(opts.text, opts.paragraphs ?? []) : sig.date;
  if (published) id.published = published;
  return id;
}
