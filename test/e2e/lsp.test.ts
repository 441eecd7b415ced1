/**
 * The language server, end to end: the built `report-lint lsp --stdio` as a child process, driven over stdio by
 * vscode-languageserver-protocol's client connection, as an editor drives it.
 */
import { jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import * as P from 'vscode-languageserver-protocol/node';
import { lint } from '../../src/index.js';
import { runCli } from '../support/cli.js';
import { applyEdits, LspClient, ROOT, utf8Offset } from '../support/lsp-client.js';
import { rowLine, SECTION3, smallReport, valueSpan } from '../support/reports.js';

// a hang guard only: the client's own waits (WAIT_MS) end first, with a message saying what was awaited
jest.setTimeout(180000);

const SEED_002 = readFileSync(join(ROOT, 'samples', 'seeds', '002_e5e51e0cfe3bc0cf.txt'), 'utf8');
const DOCS = 'https://github.com/report-lint/report-lint/blob/main/docs/rules/';

/** The five label typos of seed 002 (shared/seeds/README.md): 1-based line and the label as written. */
const SEED_002_TYPOS: Array<[number, string, string]> = [
  [123, '一、本年新收到政府信息公开申请数量', '一、本年新收政府信息公开申请数量'],
  [132, '二、上年结转政府信息公开数量', '二、上年结转政府信息公开申请数量'],
  [185, '3.危机“三安全一稳定”', '3.危及“三安全一稳定”'],
  [229, '7.属于行政法案卷', '7.属于行政执法案卷'],
  [262, '2.没有现成信息需另行制作', '2.没有现成信息需要另行制作'],
];

const CAPABILITIES: P.ClientCapabilities = {
  general: { positionEncodings: ['utf-16'] },
  workspace: { workspaceEdit: { documentChanges: true } },
  textDocument: {
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true },
  },
};

const lineOf = (text: string, n: number) => text.split('\n')[n];
const key = (d: P.Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

describe('report-lint lsp --stdio, driven by an LSP client over stdio', () => {
  // started in beforeAll (not when the file is read), so that a run that skips these tests starts no server
  let client: LspClient;
  beforeAll(() => {
    client = new LspClient(['lsp', '--stdio']);
  });
  const seedUri = 'file:///reports/002_e5e51e0cfe3bc0cf.txt';
  const sumsUri = 'file:///reports/sums.txt';
  let seedText = SEED_002;
  let seedVersion = 1;

  afterAll(() => client?.kill());

  test('initialize: UTF-16 (the client offers only it) and the capabilities', async () => {
    const r = await client.initialize(CAPABILITIES, { debounceMs: 300 });
    expect(r.capabilities.positionEncoding).toBe('utf-16');
    expect(r.capabilities.textDocumentSync).toEqual({ openClose: true, change: P.TextDocumentSyncKind.Incremental });
    expect(r.capabilities.hoverProvider).toBe(true);
    expect(r.capabilities.documentSymbolProvider).toBeTruthy();
    expect(r.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.report-lint'] });
    expect(r.serverInfo?.name).toBe('report-lint');
  });

  test('didOpen seed 002: the five label typos, at their exact ranges', async () => {
    const since = client.published.length;
    await client.open(seedUri, seedText);
    const p = await client.diagnostics(seedUri, since);
    expect(p.version).toBe(1);
    const lines = seedText.split('\n');
    const expected = SEED_002_TYPOS.map(([n, label]) => {
      const start = lines[n - 1].indexOf(label);
      expect(start).toBe(1); // after the tab of the cell-per-line layout
      return { line: n - 1, start, end: start + label.length };
    });
    expect(p.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character])).toEqual(
      expected.map((e) => [e.line, e.start, e.line, e.end]),
    );
    for (const [i, d] of p.diagnostics.entries()) {
      expect(d.severity).toBe(P.DiagnosticSeverity.Warning);
      expect(d.code).toBe('label-variant');
      expect(d.codeDescription?.href).toBe(`${DOCS}label-variant.md`);
      expect(d.source).toBe('report-lint');
      expect(d.message).toContain(`行名「${SEED_002_TYPOS[i][1]}」`);
      expect(d.message).toContain(`应为「${SEED_002_TYPOS[i][2]}」`);
    }
  });

  test('code action: the quick fix of 危机 → 危及, applied as an editor applies it', async () => {
    const diag = client.published.filter((p) => p.uri === seedUri).at(-1)!.diagnostics.find((d) => d.message.includes('危机'))!;
    const actions = (await client.conn.sendRequest(P.CodeActionRequest.type, {
      textDocument: { uri: seedUri },
      range: diag.range,
      context: { diagnostics: [diag], triggerKind: P.CodeActionTriggerKind.Invoked },
    })) as P.CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix).toBeDefined();
    expect(fix.kind).toBe(P.CodeActionKind.QuickFix);
    expect(fix.title).toBe('改为「3.危及“三安全一稳定”」');
    expect(fix.diagnostics).toEqual([diag]);
    // only this diagnostic's fix is preferred; a "fix all" is offered beside it
    expect(actions.filter((a) => a.isPreferred)).toHaveLength(1);
    expect(actions.map((a) => a.title)).toContain('修复本文件中所有可自动修复的问题（5 处）');

    const change = fix.edit!.documentChanges![0] as P.TextDocumentEdit;
    expect(change.textDocument).toEqual({ uri: seedUri, version: 1 });
    const edits = change.edits as P.TextEdit[];
    const fixed = applyEdits(seedText, edits);
    expect(fixed).toBe(SEED_002.replace('3.危机“三安全一稳定”', '3.危及“三安全一稳定”'));
    expect(lineOf(fixed, 184)).toBe('\t3.危及“三安全一稳定”');

    // the editor applies the edit and sends it as an incremental change
    const since = client.published.length;
    await client.change(seedUri, ++seedVersion, edits.map((e) => ({ range: e.range, text: e.newText })));
    seedText = fixed;
    const p = await client.diagnostics(seedUri, since, (x) => x.version === seedVersion);
    expect(p.diagnostics).toHaveLength(4);
    expect(p.diagnostics.map((d) => d.range.start.line)).toEqual([122, 131, 228, 261]);
  });

  test('source.fixAll.report-lint fixes the other four; the file is then clean', async () => {
    const actions = (await client.conn.sendRequest(P.CodeActionRequest.type, {
      textDocument: { uri: seedUri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: [P.CodeActionKind.SourceFixAll] },
    })) as P.CodeAction[];
    expect(actions).toHaveLength(1);
    expect(actions[0].kind).toBe('source.fixAll.report-lint');
    const change = actions[0].edit!.documentChanges![0] as P.TextDocumentEdit;
    expect(change.textDocument.version).toBe(seedVersion);
    const fixed = applyEdits(seedText, change.edits as P.TextEdit[]);
    let want = SEED_002;
    for (const [, written, canonical] of SEED_002_TYPOS) want = want.replace(written, canonical);
    expect(fixed).toBe(want);
    const since = client.published.length;
    await client.change(seedUri, ++seedVersion, [{ text: fixed }]);
    seedText = fixed;
    const p = await client.diagnostics(seedUri, since, (x) => x.version === seedVersion);
    expect(p.diagnostics).toEqual([]);
  });

  test('document symbols: the title, the sections 一…六 and their tables', async () => {
    const symbols = (await client.conn.sendRequest(P.DocumentSymbolRequest.type, { textDocument: { uri: seedUri } })) as P.DocumentSymbol[];
    expect(symbols.map((s) => s.name)).toEqual([
      '沈阳市辽中区统计局 2020年度政府信息公开工作报告',
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    const lines = seedText.split('\n');
    for (const s of symbols.slice(1)) {
      // each section's symbol starts at its heading, on the heading's line
      expect(lines[s.selectionRange.start.line]).toBe(s.name);
      expect(s.kind).toBe(P.SymbolKind.Namespace);
    }
    const [, s1, s2, s3, s4, s5] = symbols;
    expect(s1.children).toEqual([]);
    expect(s2.children!.map((c) => c.name)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项']);
    expect(s3.children!.map((c) => c.name)).toEqual(['表格']);
    expect(s4.children!.map((c) => c.name)).toEqual(['表格']);
    expect(s5.children).toEqual([]);
    // tables lie inside their sections
    for (const s of [s2, s3, s4]) {
      for (const t of s.children!) {
        expect(t.kind).toBe(P.SymbolKind.Array);
        expect(t.range.start.line).toBeGreaterThanOrEqual(s.range.start.line);
        expect(t.range.end.line).toBeLessThanOrEqual(s.range.end.line);
      }
    }
    // the caption line of the first table of section 二
    expect(lines[s2.children![0].selectionRange.start.line].trim()).toBe('第二十条第（一）项');
  });

  test('a small report whose sums hold has no findings', async () => {
    const since = client.published.length;
    await client.open(sumsUri, smallReport());
    const p = await client.diagnostics(sumsUri, since);
    expect(p.version).toBe(1);
    expect(p.diagnostics).toEqual([]);
  });

  test('didChange breaks a sum: the latest version wins, no stale findings are published', async () => {
    const text1 = smallReport();
    const r1 = rowLine(text1, '一、本年新收政府信息公开申请数量');
    const line = lineOf(text1, r1);
    const [ns, ne] = valueSpan(line, 'natural');
    const [ts, te] = valueSpan(line, 'total');
    expect(line.slice(ns, ne)).toBe('10');
    expect(line.slice(ts, te)).toBe('13');

    const since = client.published.length;
    // version 2: 自然人 10 → 11 in row 一 (breaks row-total of row 一 and balance of 自然人) …
    await client.change(sumsUri, 2, [{ range: { start: { line: r1, character: ns }, end: { line: r1, character: ne } }, text: '11' }]);
    // … version 3, sent at once: 总计 13 → 14 in row 一 (row 一 adds up again; balance of 总计 breaks too)
    await client.change(sumsUri, 3, [{ range: { start: { line: r1, character: ts }, end: { line: r1, character: te } }, text: '14' }]);
    const p = await client.diagnostics(sumsUri, since, (x) => x.version === 3);
    const all = client.published.slice(since).filter((x) => x.uri === sumsUri);
    // nothing was published for version 2, which was edited before its findings were due
    expect(all.map((x) => x.version)).toEqual([3]);

    const text3 = smallReport(SECTION3.map(([l, v], i) => [l, i === 0 ? [11, 3, 0, 0, 0, 0, 14] : v]));
    const r7 = rowLine(text3, '(七) 总计');
    const l7 = lineOf(text3, r7);
    const at = (column: 'natural' | 'total') => {
      const [s, e] = valueSpan(l7, column);
      return { start: { line: r7, character: s }, end: { line: r7, character: e } };
    };
    expect(p.diagnostics.map((d) => d.code)).toEqual(['balance', 'balance']);
    expect(p.diagnostics.map((d) => d.range)).toEqual([at('natural'), at('total')]);
    for (const d of p.diagnostics) {
      expect(d.severity).toBe(P.DiagnosticSeverity.Error);
      expect(d.codeDescription?.href).toBe(`${DOCS}balance.md`);
      expect(d.source).toBe('report-lint');
    }
    // the linter's own messages, unchanged
    expect(p.diagnostics.map((d) => d.message)).toEqual(lint(text3, { filePath: 'sums.txt' }).messages.map((m) => m.message));
    expect(p.diagnostics[0].message).toMatch(/^「自然人」列勾稽关系不成立/);
    // the related cells: the four terms of the balance, in this document
    const related = p.diagnostics[0].relatedInformation!;
    expect(related.map((r) => r.message)).toEqual([
      '一、本年新收政府信息公开申请数量：11',
      '二、上年结转政府信息公开申请数量：2',
      '（七）总计：10',
      '四、结转下年度继续办理：2',
    ]);
    expect(related.every((r) => r.location.uri === sumsUri)).toBe(true);
    expect(related[0].location.range).toEqual({ start: { line: r1, character: ns }, end: { line: r1, character: ns + 2 } });
    expect(related[2].location.range).toEqual(at('natural'));
  });

  test('hover on a cell: its place in the format, its value and its relations with their current sums', async () => {
    const text3 = smallReport(SECTION3.map(([l, v], i) => [l, i === 0 ? [11, 3, 0, 0, 0, 0, 14] : v]));
    const r7 = rowLine(text3, '(七) 总计');
    const [s, e] = valueSpan(lineOf(text3, r7), 'natural');
    const h = (await client.conn.sendRequest(P.HoverRequest.type, {
      textDocument: { uri: sumsUri },
      position: { line: r7, character: s + 1 },
    }))!;
    expect(h.range).toEqual({ start: { line: r7, character: s }, end: { line: r7, character: e } });
    const md = h.contents as P.MarkupContent;
    expect(md.kind).toBe('markdown');
    const lines = md.value.split('\n');
    expect(lines).toContain('- 部分：三、收到和处理政府信息公开申请情况');
    expect(lines).toContain('- 行：（七）总计');
    expect(lines).toContain('- 列：自然人');
    expect(lines).toContain('- 数值：10');
    expect(lines).toContain('- 编号：`T3.r3_7.natural`');
    const rel = (id: string) => lines.find((l) => l.startsWith(`- [\`${id}\`](${DOCS}${id}.md)`));
    // balance: 一 + 二 = （七） + 四 → 11 + 2 against 10 + 2
    expect(rel('balance')).toBe(
      `- [\`balance\`](${DOCS}balance.md) 一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量 = **（七）总计** + 四、结转下年度继续办理：左边 13，右边 12，**不成立**`,
    );
    // outcome-total: （七） = the 21 sub-rows; 5 + 1 + 1 + 2 + 1 = 10
    expect(rel('outcome-total')).toMatch(/^- \[`outcome-total`\]\(.*\) \*\*（七）总计\*\* = （一）予以公开 \+ （二）部分公开 \+ … \+ .*（共 21 项）：左边 10，右边 10，成立$/);
    // row-total of row （七）: 总计 13 = 10 + 3
    expect(rel('row-total')).toBe(
      `- [\`row-total\`](${DOCS}row-total.md) 总计 = **自然人** + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他：左边 13，右边 13，成立`,
    );

    // outside the tables there is nothing to say
    const none = await client.conn.sendRequest(P.HoverRequest.type, { textDocument: { uri: sumsUri }, position: { line: 0, character: 3 } });
    expect(none).toBeNull();
  });

  test('code action: "本行不检查" writes an inline directive before the line, and the line is silenced', async () => {
    const text3 = smallReport(SECTION3.map(([l, v], i) => [l, i === 0 ? [11, 3, 0, 0, 0, 0, 14] : v]));
    const r7 = rowLine(text3, '(七) 总计');
    const last = client.published.filter((p) => p.uri === sumsUri).at(-1)!;
    expect(last.diagnostics.map((d) => d.code)).toEqual(['balance', 'balance']);
    const actions = (await client.conn.sendRequest(P.CodeActionRequest.type, {
      textDocument: { uri: sumsUri },
      range: last.diagnostics[0].range,
      context: { diagnostics: [last.diagnostics[0]] },
    })) as P.CodeAction[];
    // the arithmetic rules offer suggestions (never fixes), then the directives
    expect(actions.filter((a) => a.isPreferred)).toEqual([]);
    const titles = actions.map((a) => a.title);
    expect(titles.slice(-2)).toEqual(['本行不检查「balance」', '本文件不检查「balance」']);
    const disable = actions.find((a) => a.title === '本行不检查「balance」')!;
    const edits = (disable.edit!.documentChanges![0] as P.TextDocumentEdit).edits as P.TextEdit[];
    expect(edits).toEqual([{ range: { start: { line: r7, character: 0 }, end: { line: r7, character: 0 } }, newText: 'report-lint-disable-next-line balance\n' }]);
    const since = client.published.length;
    await client.change(sumsUri, 4, edits.map((e) => ({ range: e.range, text: e.newText })));
    const p = await client.diagnostics(sumsUri, since, (x) => x.version === 4);
    // both balance findings of the （七） line are silenced; the directive line did not break the table
    expect(p.diagnostics).toEqual([]);
  });

  test('didClose clears the diagnostics', async () => {
    const since = client.published.length;
    await client.close(sumsUri);
    const p = await client.diagnostics(sumsUri, since);
    expect(p.diagnostics).toEqual([]);
    // a closed document has no actions any more
    const actions = await client.conn.sendRequest(P.CodeActionRequest.type, {
      textDocument: { uri: sumsUri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    expect(actions).toEqual([]);
  });

  test('bad input never stops the server', async () => {
    const junkUri = 'file:///reports/junk.txt';
    const since = client.published.length;
    await client.open(junkUri, '\u0000\u0001\uFFFF\uD800 一、\t\t\t(七)\t𠀀\r\n\r\n三、\t\t1\t2');
    await client.open('file:///reports/empty.md', '', 1, 'markdown');
    await client.open('file:///reports/notes.txt', '会议纪要\n今天开会。\n');
    const p = await client.diagnostics(junkUri, since);
    expect(p.diagnostics.every((d) => d.source === 'report-lint')).toBe(true);
    // an empty file, a text that is no report: said once, at the start, as information (nothing was checked)
    for (const [uri, text] of [['file:///reports/empty.md', ''], ['file:///reports/notes.txt', '会议纪要\n今天开会。\n']]) {
      const e = await client.diagnostics(uri, since);
      expect(e.diagnostics).toHaveLength(1);
      expect(e.diagnostics[0].severity).toBe(P.DiagnosticSeverity.Information);
      expect(e.diagnostics[0].code).toBeUndefined();
      expect(e.diagnostics[0].range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      expect(e.diagnostics[0].message).toBe(lint(text, { filePath: uri.slice('file://'.length) }).messages[0].message);
    }
    expect((await client.diagnostics('file:///reports/notes.txt', since)).diagnostics[0].message).toMatch(/^未识别为政府信息公开工作年度报告/);

    // positions out of range, a document never opened, a change to a document never opened
    const h = await client.conn.sendRequest(P.HoverRequest.type, { textDocument: { uri: junkUri }, position: { line: 9999, character: 9999 } });
    expect(h).toBeNull();
    expect(await client.conn.sendRequest(P.HoverRequest.type, { textDocument: { uri: 'file:///nowhere.txt' }, position: { line: 0, character: 0 } })).toBeNull();
    await client.change('file:///nowhere.txt', 2, [{ text: 'x' }]);
    expect(await client.conn.sendRequest(P.DocumentSymbolRequest.type, { textDocument: { uri: junkUri } })).toBeInstanceOf(Array);

    // and the server still works
    const since2 = client.published.length;
    await client.change(seedUri, ++seedVersion, [{ text: SEED_002 }]);
    const again = await client.diagnostics(seedUri, since2, (x) => x.version === seedVersion);
    expect(again.diagnostics).toHaveLength(5);
  });

  test('shutdown and exit: the process ends with 0; stdout carried nothing but protocol messages', async () => {
    expect(await client.stop()).toBe(0);
    expect(client.streamErrors).toEqual([]);
    expect(client.logs.some((l) => l.includes('语言服务器已启动'))).toBe(true);
  });
});

/** A line with U+3000, U+00A0 and an astral character (𠀀, two UTF-16 units) before a finding. */
const WIDE = smallReport(SECTION3.map(([l, v], i) => [i === 2 ? '三、本年度办理结果（𠀀）\u3000\t\u00a0(一) 予以公开了' : l, v]));
const WIDE_LINE = rowLine(WIDE, '予以公开了');
const WIDE_TEXT = lineOf(WIDE, WIDE_LINE);
const WIDE_LABEL = '(一) 予以公开了';

describe('position encodings: the columns are right before U+3000, U+00A0 and 𠀀', () => {
  const at = WIDE_TEXT.indexOf(WIDE_LABEL);
  const end = at + WIDE_LABEL.length;

  // each case is a server of its own; they run side by side
  test.concurrent.each([
    // [offered, chosen, start, end]: UTF-16 code units, UTF-8 bytes, code points, each counted by hand and by the runtime
    [['utf-16'], 'utf-16', 16, 25, at, end],
    [['utf-32'], 'utf-32', 15, 24, [...WIDE_TEXT.slice(0, at)].length, [...WIDE_TEXT.slice(0, end)].length],
    [['utf-8', 'utf-16'], 'utf-8', 43, 64, Buffer.byteLength(WIDE_TEXT.slice(0, at)), Buffer.byteLength(WIDE_TEXT.slice(0, end))],
    // the client's order of preference decides
    [['utf-32', 'utf-8', 'utf-16'], 'utf-32', 15, 24, 15, 24],
    // an encoding the server does not know is passed over
    [['utf-7', 'utf-16'], 'utf-16', 16, 25, 16, 25],
  ])('client offers %j → %s', async (offered, chosen, start, stop, start2, stop2) => {
    expect([start, stop]).toEqual([start2, stop2]);
    const c = new LspClient(['lsp', '--stdio']);
    try {
      const r = await c.initialize({ ...CAPABILITIES, general: { positionEncodings: offered as string[] } });
      expect(r.capabilities.positionEncoding).toBe(chosen);
      const uri = 'file:///reports/wide.txt';
      await c.open(uri, WIDE);
      const p = await c.diagnostics(uri, 0);
      expect(p.diagnostics.map((d) => [d.code, d.range])).toEqual([
        ['label-variant', { start: { line: WIDE_LINE, character: start }, end: { line: WIDE_LINE, character: stop } }],
      ]);
      expect(await c.stop()).toBe(0);
    } finally {
      c.kill();
    }
  });

  test('UTF-8: incoming positions (hover, incremental edits) and outgoing ones (fix edits) are converted', async () => {
    // started as vscode-languageclient starts a server, with --clientProcessId
    const c = new LspClient(['lsp', '--stdio', `--clientProcessId=${process.pid}`]);
    try {
      const r = await c.initialize({ ...CAPABILITIES, general: { positionEncodings: ['utf-8'] } });
      expect(r.capabilities.positionEncoding).toBe('utf-8');
      const uri = 'file:///reports/wide.txt';
      await c.open(uri, WIDE);
      const p = await c.diagnostics(uri, 0);
      const [diag] = p.diagnostics;

      // hover on the value 5 of the same line, addressed in UTF-8 bytes
      const [vs, ve] = valueSpan(WIDE_TEXT, 'natural');
      expect(WIDE_TEXT.slice(vs, ve)).toBe('5');
      const byte = Buffer.byteLength(WIDE_TEXT.slice(0, vs));
      const h = (await c.conn.sendRequest(P.HoverRequest.type, { textDocument: { uri }, position: { line: WIDE_LINE, character: byte } }))!;
      const md = (h.contents as P.MarkupContent).value;
      expect(md).toContain('- 行：（一）予以公开');
      expect(md).toContain('- 列：自然人');
      expect(md).toContain('- 数值：5');
      expect(h.range).toEqual({ start: { line: WIDE_LINE, character: byte }, end: { line: WIDE_LINE, character: byte + 1 } });

      // the fix's edit is in UTF-8 too: applied with an independent UTF-8 reading, it replaces exactly the label
      const actions = (await c.conn.sendRequest(P.CodeActionRequest.type, { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as P.CodeAction[];
      const edit = (actions[0].edit!.documentChanges![0] as P.TextDocumentEdit).edits[0] as P.TextEdit;
      expect(edit.range).toEqual(diag.range);
      const fixed = applyEdits(WIDE, [edit], utf8Offset);
      expect(lineOf(fixed, WIDE_LINE)).toBe('三、本年度办理结果（𠀀）\u3000\t\u00a0（一）予以公开\t5\t2\t0\t0\t0\t0\t7');

      // the editor sends the same edit back as an incremental change in UTF-8: the server applies it right
      const since = c.published.length;
      await c.change(uri, 2, [{ range: edit.range, text: edit.newText }]);
      const after = await c.diagnostics(uri, since, (x) => x.version === 2);
      expect(after.diagnostics).toEqual([]);
      // … and its text is now the fixed one: the 7 of the same row, after the edit, is read where it should be
      const l2 = lineOf(fixed, WIDE_LINE);
      const [ts] = valueSpan(l2, 'total');
      const h2 = (await c.conn.sendRequest(P.HoverRequest.type, {
        textDocument: { uri },
        position: { line: WIDE_LINE, character: Buffer.byteLength(l2.slice(0, ts)) },
      }))!;
      expect((h2.contents as P.MarkupContent).value).toContain('- 数值：7');
      expect(await c.stop()).toBe(0);
    } finally {
      c.kill();
    }
  });
});

describe('debouncing (initializationOptions.debounceMs)', () => {
  test('edits typed within the delay are checked once, at their latest version', async () => {
    const c = new LspClient(['lsp', '--stdio']);
    try {
      // a long delay, so that the pause between the two edits below is far inside it even on a slow machine
      await c.initialize(CAPABILITIES, { debounceMs: 3000 });
      const uri = 'file:///reports/typing.txt';
      const text = smallReport();
      await c.open(uri, text);
      expect((await c.diagnostics(uri, 0)).diagnostics).toEqual([]);
      const r1 = rowLine(text, '一、本年新收政府信息公开申请数量');
      const [ns, ne] = valueSpan(lineOf(text, r1), 'natural');
      const since = c.published.length;
      await c.change(uri, 2, [{ range: { start: { line: r1, character: ns }, end: { line: r1, character: ne } }, text: '1' }]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await c.change(uri, 3, [{ range: { start: { line: r1, character: ns + 1 }, end: { line: r1, character: ns + 1 } }, text: '2' }]);
      const p = await c.diagnostics(uri, since, (x) => x.version === 3);
      expect(c.published.slice(since).map((x) => x.version)).toEqual([3]);
      // version 3 reads 12 where version 2 read 1: the findings are version 3's
      expect(p.diagnostics.find((d) => d.code === 'row-total')?.message).toBe('「一、本年新收政府信息公开申请数量」的总计应为 15（六类申请人之和），实为 13');
      expect(await c.stop()).toBe(0);
    } finally {
      c.kill();
    }
  });
});

describe('report-lint lsp without --stdio, with a plain client', () => {
  test('runs on stdio anyway; flat symbols and plain edits for clients that want them; exit without shutdown is 1', async () => {
    const c = new LspClient(['lsp']);
    try {
      const r = await c.initialize({});
      expect(r.capabilities.positionEncoding).toBe('utf-16');
      const uri = 'file:///reports/002.md';
      await c.open(uri, SEED_002, 1, 'markdown');
      const p = await c.diagnostics(uri, 0);
      expect(p.diagnostics).toHaveLength(5);
      const symbols = (await c.conn.sendRequest(P.DocumentSymbolRequest.type, { textDocument: { uri } })) as P.SymbolInformation[];
      expect(symbols.find((s) => s.name === '第二十条第（五）项')).toMatchObject({ containerName: '二、主动公开政府信息情况', location: { uri } });
      const d = p.diagnostics[0];
      const actions = (await c.conn.sendRequest(P.CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [] } })) as P.CodeAction[];
      expect(actions[0].edit).toEqual({ changes: { [uri]: [{ range: d.range, newText: '一、本年新收政府信息公开申请数量' }] } });
      // in Markdown the directive is an HTML comment at the end of the line
      const disable = actions.find((a) => a.title === '本行不检查「label-variant」')!;
      const end = { line: d.range.start.line, character: SEED_002.split('\n')[d.range.start.line].length };
      expect(disable.edit).toEqual({ changes: { [uri]: [{ range: { start: end, end }, newText: ' <!-- report-lint-disable-line label-variant -->' }] } });
      const since = c.published.length;
      await c.change(uri, 2, [{ range: { start: end, end }, text: ' <!-- report-lint-disable-line label-variant -->' }]);
      const after = await c.diagnostics(uri, since, (x) => x.version === 2);
      expect(after.diagnostics.map((x) => x.range.start.line)).toEqual([131, 184, 228, 261]);
      await c.conn.sendNotification(P.ExitNotification.type);
      expect(await c.exitCode()).toBe(1);
    } finally {
      c.kill();
    }
  });
});

describe('other inputs the CLI reads', () => {
  test('an HTML page (samples/pages): the CLI’s findings, at the same places', async () => {
    const c = new LspClient(['lsp', '--stdio']);
    try {
      await c.initialize(CAPABILITIES);
      for (const name of ['PT2019.html', 'PT2021.html']) {
        const path = join(ROOT, 'samples', 'pages', name);
        const uri = pathToFileURL(path).href;
        await c.open(uri, readFileSync(path, 'utf8'), 1, 'html');
        const p = await c.diagnostics(uri, 0);
        const cli = runCli(['--format', 'json', path]);
        const messages = JSON.parse(cli.stdout)[0].messages as Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number }>;
        expect(p.diagnostics.map((d) => [d.code, d.range])).toEqual(
          messages.map((m) => [m.ruleId, { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } }]),
        );
      }
      // the 2019 page has three: the 2599 total whose parts make 2533, an item without its number, and a unit in a
      // cell, deep in a long line of the page
      const p2019 = c.published.find((x) => x.uri.endsWith('PT2019.html'))!;
      expect(p2019.diagnostics.map((d) => d.code)).toEqual(['narrative-sum', 'prose-number-missing', 'cell-value']);
      expect(p2019.diagnostics[2].range.start).toEqual({ line: 348, character: 40251 });
      // and the hover reads the page's table
      const h = (await c.conn.sendRequest(P.HoverRequest.type, { textDocument: { uri: p2019.uri }, position: { line: 348, character: 40253 } }))!;
      expect((h.contents as P.MarkupContent).value).toContain('- 行：政府集中采购');
      expect(await c.stop()).toBe(0);
    } finally {
      c.kill();
    }
  });
});

describe('configuration files, read as the CLI reads them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-lint-lsp-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  test('the nearest .reportlintrc.json applies; ignorePatterns; a change on disk is read again; a bad one is shown', async () => {
    write('.reportlintrc.json', JSON.stringify({ rules: { 'label-variant': 'off' }, ignorePatterns: ['archive/**'] }));
    write('reports/002.txt', SEED_002);
    write('archive/002.txt', SEED_002);
    write('strict/.reportlintrc.json', JSON.stringify({ rules: { 'label-variant': 'error' } }));
    write('strict/002.txt', SEED_002);
    const c = new LspClient(['lsp', '--stdio']);
    try {
      await c.initialize({ ...CAPABILITIES, workspace: { ...CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } });
      const uri = (p: string) => pathToFileURL(join(dir, p)).href;
      await c.open(uri('reports/002.txt'), SEED_002);
      await c.open(uri('archive/002.txt'), SEED_002);
      await c.open(uri('strict/002.txt'), SEED_002);
      // label-variant is off here, …
      expect((await c.diagnostics(uri('reports/002.txt'), 0)).diagnostics).toEqual([]);
      // … the folder is ignored there, …
      expect((await c.diagnostics(uri('archive/002.txt'), 0)).diagnostics).toEqual([]);
      // … and an error in the folder with its own configuration
      const strict = await c.diagnostics(uri('strict/002.txt'), 0);
      expect(strict.diagnostics.map((d) => [d.code, d.severity])).toEqual(Array(5).fill(['label-variant', P.DiagnosticSeverity.Error]));

      // the server asked to hear of configuration files that change
      await c.diagnostics(uri('strict/002.txt'), 0);
      expect(c.registrations.map((r) => r.method)).toEqual(['workspace/didChangeWatchedFiles']);
      const watchers = (c.registrations[0].registerOptions as P.DidChangeWatchedFilesRegistrationOptions).watchers;
      expect(watchers.map((w) => w.globPattern)).toEqual(['**/{.reportlintrc.json,.reportlintrc.yaml,.reportlintrc.yml,report-lint.config.js,report-lint.config.mjs,package.json}']);

      // the configuration changes on disk: label-variant back on
      let since = c.published.length;
      write('.reportlintrc.json', JSON.stringify({ ignorePatterns: ['archive/**'] }));
      await c.conn.sendNotification(P.DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('.reportlintrc.json'), type: P.FileChangeType.Changed }] });
      const again = await c.diagnostics(uri('reports/002.txt'), since, (x) => x.diagnostics.length > 0);
      expect(again.diagnostics.map((d) => [d.code, d.severity])).toEqual(Array(5).fill(['label-variant', P.DiagnosticSeverity.Warning]));

      // a configuration with a mistake: one error at the top of the file that says what is wrong
      since = c.published.length;
      write('.reportlintrc.json', JSON.stringify({ rules: { 'label-varient': 'off' } }));
      await c.conn.sendNotification(P.DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('.reportlintrc.json'), type: P.FileChangeType.Changed }] });
      const bad = await c.diagnostics(uri('reports/002.txt'), since, (x) => x.diagnostics.length === 1);
      expect(bad.diagnostics[0].severity).toBe(P.DiagnosticSeverity.Error);
      expect(bad.diagnostics[0].range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      expect(bad.diagnostics[0].message).toMatch(/^未能检查这个文件：配置文件 .*\.reportlintrc\.json 有误/);
      expect(bad.diagnostics[0].message).toContain('没有名为「label-varient」的规则（是否想写「label-variant」？）');
      expect(await c.stop()).toBe(0);
    } finally {
      c.kill();
    }
  });

  test('--rule and --quiet on the command line come over the configuration, as in the CLI', async () => {
    write('quiet/.reportlintrc.json', JSON.stringify({ rules: { 'cell-empty': 'off' } }));
    write('quiet/002.txt', SEED_002);
    const c = new LspClient(['lsp', '--stdio', '--quiet']);
    const d = new LspClient(['lsp', '--stdio', '--rule', 'label-variant:error']);
    try {
      const uri = pathToFileURL(join(dir, 'quiet/002.txt')).href;
      await c.initialize(CAPABILITIES);
      await d.initialize(CAPABILITIES);
      await c.open(uri, SEED_002);
      await d.open(uri, SEED_002);
      expect((await c.diagnostics(uri, 0)).diagnostics).toEqual([]);
      expect((await d.diagnostics(uri, 0)).diagnostics.map((x) => x.severity)).toEqual(Array(5).fill(P.DiagnosticSeverity.Error));
      expect(await c.stop()).toBe(0);
      expect(await d.stop()).toBe(0);
    } finally {
      c.kill();
      d.kill();
    }
  });
});
