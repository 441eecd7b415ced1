/**
 * Issue 9: the layout classes of real reports, each in text, Markdown and a web page where it applies; every cell
 * value checked through `extract`, and no row or table dropped without a word.
 */
import { lint, parseReport } from '../src/index.js';
import { extractValues } from '../src/cli/extract.js';
import {
  EXPECTED,
  asHtml,
  asMarkdown,
  asText,
  report,
  t2Captioned,
  t2PlainLines,
  t2Uncaptioned,
  t3Apart,
  t3Pipes,
  t3Spaced,
  t3Tabbed,
  t4Bare,
  t4Single,
  t4Three,
  t4ThreeHeaded,
  type Block,
} from './support/layouts.js';

type Kind = 'text' | 'markdown' | 'html';
const RENDER: Record<Kind, [(b: Block[]) => string, string]> = {
  text: [asText, 'r.txt'],
  markdown: [asMarkdown, 'r.md'],
  html: [asHtml, 'r.html'],
};

/** The report read in one layout: every value of every table as the format names it, and the findings. */
function read(blocks: Block[], kind: Kind) {
  const [render, filePath] = RENDER[kind];
  const text = render(blocks);
  const parsed = parseReport(text, { filePath });
  const x = extractValues(parsed, filePath);
  const result = lint(text, { filePath });
  return { text, x, messages: result.messages };
}

function expectComplete(blocks: Block[], kind: Kind, tables: string[] = Object.keys(EXPECTED)) {
  const { x, messages } = read(blocks, kind);
  for (const t of tables) expect([t, x.tables[t]]).toEqual([t, EXPECTED[t]]);
  expect(x.unbound).toEqual([]);
  // nothing dropped, nothing misread: no finding about tables, rows or cells
  const about = messages.filter((m) => m.ruleId === null || /^(table-incomplete|cell-count|cell-empty|cell-value|balance|row-total|outcome-total|review-total|section-)/.test(m.ruleId));
  expect(about.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
}

const base = { s2: t2Captioned(), s3: t3Tabbed(), s4: t4Three() };

describe('the layouts read before issue 9 still read completely', () => {
  test.each(['text', 'markdown', 'html'] as const)('captioned tables in %s', (kind) => {
    expectComplete(report({ ...base, s4: t4Single() }), kind);
  });
});

describe('class 1: table 二 without its caption', () => {
  test.each(['text', 'markdown', 'html'] as const)('tables with their header rows only (%s)', (kind) => {
    expectComplete(report({ ...base, s2: t2Uncaptioned() }), kind);
  });
  test.each(['text', 'markdown', 'html'] as const)('(五)(六)(八) as plain lines under sub-headings (%s)', (kind) => {
    expectComplete(report({ ...base, s2: t2PlainLines() }), kind);
    expectComplete(report({ ...base, s2: t2PlainLines(' ') }), kind);
  });
});

describe('class 2: table 四 printed as three tables of five columns', () => {
  test.each(['text', 'markdown', 'html'] as const)('one table 四 with 15 cells (%s)', (kind) => {
    expectComplete(report({ ...base, s4: t4Three() }), kind);
  });
  test.each(['text', 'markdown', 'html'] as const)('each part with its heading in its first row; in a page, three tables side by side (%s)', (kind) => {
    expectComplete(report({ ...base, s4: t4ThreeHeaded() }), kind);
  });
});

describe('class 3: PDF text where labels and numbers come apart', () => {
  test.each(['text', 'markdown', 'html'] as const)('each label on one line, its numbers on the next (%s)', (kind) => {
    expectComplete(report({ ...base, s3: t3Apart() }), kind);
  });
  test.each(['text', 'html'] as const)('several labels, then several rows of numbers (%s)', (kind) => {
    expectComplete(report({ ...base, s3: t3Apart({ block: 3 }) }), kind);
  });
  test.each(['text', 'html'] as const)('long labels broken over two lines (%s)', (kind) => {
    expectComplete(report({ ...base, s3: t3Apart({ breakLong: true }) }), kind);
  });
});

describe('class 4: a label followed by space-separated numbers; pipe rows without a delimiter row; a bare run of numbers', () => {
  test.each(['text', 'markdown', 'html'] as const)('spaces (%s)', (kind) => {
    expectComplete(report({ ...base, s3: t3Spaced(), s4: t4Bare() }), kind);
  });
  test.each(['text', 'html'] as const)('U+3000 and U+00A0 between the numbers (%s)', (kind) => {
    expectComplete(report({ ...base, s3: t3Spaced('\u3000'), s4: t4Bare() }), kind);
    expectComplete(report({ ...base, s3: t3Spaced('\u00a0 '), s4: t4Bare() }), kind);
  });
  test.each(['text', 'markdown'] as const)('pipe rows with no delimiter row (%s)', (kind) => {
    expectComplete(report({ ...base, s3: t3Pipes() }), kind);
  });
});

describe('running text is not taken for a table', () => {
  test('sentences with numbers, dates and a phone number stay paragraphs', () => {
    const s2: Block[] = [...t2Captioned(), { p: '全年主动公开政府信息 504 条' }, { p: '联系电话 0571 8888' }, { p: '2024年1月20日' }];
    const { x, messages } = read(report({ ...base, s2 }), 'text');
    expect(x.tables.T2_1).toEqual(EXPECTED.T2_1);
    expect(messages.filter((m) => m.ruleId === 'cell-count' || m.ruleId === 'table-incomplete')).toEqual([]);
  });
});
