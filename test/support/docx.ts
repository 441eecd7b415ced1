/**
 * Word files for the tests, made with the `docx` package: a complete 2021-format report with merged label cells
 * (vertical merges, column spans) as Word writes them. Labels come from the format's data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { ROOT } from './root.js';
import { NATURAL } from './pages.js';

interface FRow {
  id: string;
  label: string | null;
  data: boolean;
  parent?: string;
}
const format = JSON.parse(readFileSync(join(ROOT, 'data', 'formats', '2021.json'), 'utf8')) as { tables: Array<{ id: string; rows: FRow[] }> };
const t3 = format.tables.find((t) => t.id === 'T3')!;

const para = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
const cell = (text: string, o: { columnSpan?: number; verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType] } = {}) =>
  new TableCell({ children: [para(text)], ...o });
const row = (cells: TableCell[]) => new TableRow({ children: cells });

export interface DocxOptions {
  /** override a cell of section 三: [row id, column index 0–6, text] */
  t3Cell?: [string, number, string];
  /** the heading of section 五 as written */
  heading5?: string;
  /**
   * the section headings numbered by Word (一、 from numbering.xml, not in the text), and the sub-topics of section
   * 一 numbered （一）（二） at the level below
   */
  autoNumbered?: boolean;
}

/** A heading paragraph: its number written in the text, or given by Word's numbering at `level`. */
function numbered(text: string, o: DocxOptions, level = 0, bold = true): Paragraph {
  if (!o.autoNumbered) return para(text, bold);
  const bare = text.replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/, '');
  return new Paragraph({ numbering: { reference: 'report-headings', level }, children: [new TextRun({ text: bare, bold })] });
}

const NUMBERING = {
  config: [
    {
      reference: 'report-headings',
      levels: [
        { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.START },
        { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.START },
      ],
    },
  ],
};

function t3Table(o: DocxOptions): Table {
  const rows: TableRow[] = [
    row([cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { columnSpan: 3, verticalMerge: VerticalMergeType.RESTART }), cell('申请人情况', { columnSpan: 7 })]),
    row([cell('', { columnSpan: 3, verticalMerge: VerticalMergeType.CONTINUE }), cell('自然人', { verticalMerge: VerticalMergeType.RESTART }), cell('法人或其他组织', { columnSpan: 5 }), cell('总计', { verticalMerge: VerticalMergeType.RESTART })]),
    row([
      cell('', { columnSpan: 3, verticalMerge: VerticalMergeType.CONTINUE }),
      cell('', { verticalMerge: VerticalMergeType.CONTINUE }),
      ...['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((l) => cell(l)),
      cell('', { verticalMerge: VerticalMergeType.CONTINUE }),
    ]),
  ];
  const groups = new Map(t3.rows.filter((r) => !r.data).map((r) => [r.id, r]));
  const started = new Set<string>();
  for (const r of t3.rows.filter((x) => x.data)) {
    const vals = [NATURAL[r.id] ?? 0, 0, 0, 0, 0, 0];
    const texts = [...vals, vals.reduce((a, b) => a + b, 0)].map(String);
    if (o.t3Cell && o.t3Cell[0] === r.id) texts[o.t3Cell[1]] = o.t3Cell[2];
    const parent = r.parent ? groups.get(r.parent) : undefined;
    const top = parent?.parent ? groups.get(parent.parent) : parent;
    const labels: TableCell[] = [];
    const merged = (g: FRow) => {
      const first = !started.has(g.id);
      started.add(g.id);
      return cell(first ? g.label! : '', { verticalMerge: first ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE });
    };
    if (top) labels.push(merged(top));
    if (parent && parent !== top) labels.push(merged(parent));
    labels.push(cell(r.label!, { columnSpan: parent === undefined ? 3 : parent === top ? 2 : 1 }));
    rows.push(row([...labels, ...texts.map((t) => cell(t))]));
  }
  return new Table({ rows });
}

/** The paragraphs and tables of the document, in order: the tests count on it (one line of output each). */
export async function reportDocx(o: DocxOptions = {}): Promise<Buffer> {
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('某某县统计局2021年政府信息公开工作年度报告')] }), // 1
    para(''), // 2: an empty paragraph, counted as Word counts it
    para('根据《中华人民共和国政府信息公开条例》，编制本报告。'), // 3
    o.autoNumbered ? numbered('一、总体情况', o) : new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('一、总体情况')] }), // 4
    o.autoNumbered ? numbered('（一）主动公开情况', o, 1, false) : para('2021年，本局主动公开政府信息。'), // 5
    numbered('二、主动公开政府信息情况', o), // 6
    new Table({
      rows: [
        row([cell('第二十条第（一）项', { columnSpan: 4 })]),
        row(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'].map((t) => cell(t))),
        row(['规章', '0', '0', '0'].map((t) => cell(t))),
        row(['行政规范性文件', '２', '0', '1,234'].map((t) => cell(t))),
        row([cell('第二十条第（五）项', { columnSpan: 4 })]),
        row([cell('信息内容'), cell('本年处理决定数量', { columnSpan: 3 })]),
        row([cell('行政许可'), cell('7', { columnSpan: 3 })]),
        row([cell('第二十条第（六）项', { columnSpan: 4 })]),
        row([cell('信息内容'), cell('本年处理决定数量', { columnSpan: 3 })]),
        row([cell('行政处罚'), cell('0', { columnSpan: 3 })]),
        row([cell('行政强制'), cell('0', { columnSpan: 3 })]),
        row([cell('第二十条第（八）项', { columnSpan: 4 })]),
        row([cell('信息内容'), cell('本年收费金额（单位：万元）', { columnSpan: 3 })]),
        row([cell('行政事业性收费'), cell('0', { columnSpan: 3 })]),
      ],
    }), // 7: table 1
    numbered('三、收到和处理政府信息公开申请情况', o), // 8
    t3Table(o), // 9: table 2
    numbered('四、政府信息公开行政复议、行政诉讼情况', o), // 10
    new Table({
      rows: [
        row([cell('行政复议', { columnSpan: 5 }), cell('行政诉讼', { columnSpan: 10 })]),
        row([
          ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((t) => cell(t, { verticalMerge: VerticalMergeType.RESTART })),
          cell('未经复议直接起诉', { columnSpan: 5 }),
          cell('复议后起诉', { columnSpan: 5 }),
        ]),
        row([
          ...[1, 2, 3, 4, 5].map(() => cell('', { verticalMerge: VerticalMergeType.CONTINUE })),
          ...['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((t) => cell(t)),
        ]),
        row(['0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'].map((t) => cell(t))),
      ],
    }), // 11: table 3
    numbered(o.heading5 ?? '五、存在的主要问题及改进情况', o), // 12
    para('公开的及时性有待提高。'), // 13
    numbered('六、其他需要报告的事项', o), // 14
    para('无。'), // 15
  ];
  const doc = new Document({ numbering: NUMBERING, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
