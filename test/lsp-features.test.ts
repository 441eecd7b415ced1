/**
 * The language server's pure parts, in process: position conversion, how messages become diagnostics and how
 * fixes that overlap are combined. (The server itself is tested end to end in lsp.test.ts.)
 */
import { DiagnosticSeverity } from 'vscode-languageserver';
import builtinRules from '../rules/index.js';
import { ruleMap } from '../src/engine/run.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fatalResult, lint, parse } from '../src/index.js';
import { ROOT } from './support/root.js';
import { codeActions, diagnostics, hover, type Analysis } from '../src/lsp/features.js';
import { fromUtf16, LineIndex, negotiateEncoding, toUtf16 } from '../src/lsp/text.js';
import type { LintResult } from '../src/types.js';

const rules = ruleMap([builtinRules]);

describe('position encodings', () => {
  // a, U+3000, U+00A0, 𠀀 (a surrogate pair), b
  const line = 'a\u3000\u00a0\u{20000}b';

  test('negotiation follows the client’s order and falls back to UTF-16', () => {
    expect(negotiateEncoding(undefined)).toBe('utf-16');
    expect(negotiateEncoding([])).toBe('utf-16');
    expect(negotiateEncoding(['utf-8', 'utf-16'])).toBe('utf-8');
    expect(negotiateEncoding(['UTF-32'])).toBe('utf-32');
    expect(negotiateEncoding(['latin-1'])).toBe('utf-16');
  });

  test('UTF-16 columns to UTF-8 bytes and code points, and back', () => {
    // after 𠀀: 5 UTF-16 units, 1 + 3 + 2 + 4 = 10 UTF-8 bytes, 4 code points
    expect(fromUtf16(line, 5, 'utf-16')).toBe(5);
    expect(fromUtf16(line, 5, 'utf-8')).toBe(10);
    expect(fromUtf16(line, 5, 'utf-32')).toBe(4);
    expect(toUtf16(line, 10, 'utf-8')).toBe(5);
    expect(toUtf16(line, 4, 'utf-32')).toBe(5);
    // the end of the line
    expect(fromUtf16(line, 6, 'utf-8')).toBe(Buffer.byteLength(line));
    expect(toUtf16(line, Buffer.byteLength(line), 'utf-8')).toBe(6);
  });

  test('never inside a code point; clamped to the line', () => {
    // UTF-16 index 4 is between the two halves of 𠀀: it means the start of 𠀀
    expect(fromUtf16(line, 4, 'utf-8')).toBe(6);
    expect(toUtf16(line, 4, 'utf-16')).toBe(3);
    // a UTF-8 byte inside 𠀀 (bytes 6…9) means the start of 𠀀
    expect(toUtf16(line, 8, 'utf-8')).toBe(3);
    expect(toUtf16(line, 999, 'utf-8')).toBe(6);
    expect(fromUtf16(line, 999, 'utf-32')).toBe(5);
    expect(toUtf16(line, -3, 'utf-32')).toBe(0);
  });

  test('lines end at CRLF, CR and LF, as the linter counts them', () => {
    const idx = new LineIndex('一\r\n\u{20000}二\r三\n四', 'utf-8');
    expect(idx.lineCount).toBe(4);
    expect(idx.line(1)).toBe('\u{20000}二');
    // linter point: line 2, UTF-16 column 3 (after 𠀀) → 4 bytes
    expect(idx.fromLinter(2, 3)).toEqual({ line: 1, character: 4 });
    expect(idx.offsetAt({ line: 1, character: 4 })).toBe(5);
    expect(idx.positionAt(5)).toEqual({ line: 1, character: 4 });
    expect(idx.toUtf16Position({ line: 1, character: 7 })).toEqual({ line: 1, character: 3 });
    expect(idx.offsetAt({ line: 9, character: 0 })).toBe(idx.text.length);
  });
});

function analysis(result: LintResult, text: string): Analysis {
  return { uri: 'file:///r.txt', version: 1, index: new LineIndex(text, 'utf-16'), result };
}

describe('diagnostics', () => {
  test('a file that cannot be read (a fatal message, no rule) is an error without a code', () => {
    const [d] = diagnostics(analysis(fatalResult('r.txt', '无法读取：这是二进制文件，不是文本'), ''), rules);
    expect(d).toEqual({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Error,
      source: 'report-lint',
      message: '无法读取：这是二进制文件，不是文本',
    });
  });

  test('a rule that fails is a fatal error with its rule id', () => {
    const result = fatalResult('r.txt', '规则「balance」运行出错：x');
    result.messages[0].ruleId = 'balance';
    const [d] = diagnostics(analysis(result, 'abc'), rules);
    expect(d.severity).toBe(DiagnosticSeverity.Error);
    expect(d.code).toBe('balance');
    expect(d.codeDescription?.href).toMatch(/docs\/rules\/balance\.md$/);
  });
});

describe('fix all', () => {
  test('fixes that overlap an earlier one are left out', () => {
    const text = '甲乙丙丁';
    const base = fatalResult('r.txt', '');
    const m = (from: number, to: number, fix: string) => ({
      ruleId: 'label-variant',
      severity: 1 as const,
      message: `${from}`,
      line: 1,
      column: from + 1,
      endLine: 1,
      endColumn: to + 1,
      fix: { range: [from, to] as [number, number], text: fix },
    });
    const result: LintResult = { ...base, messages: [m(0, 2, '子'), m(1, 3, '丑'), m(3, 4, '寅')] };
    const actions = codeActions(
      analysis(result, text),
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, diagnostics: [], only: ['source.fixAll'] },
      rules,
      { documentChanges: false },
    );
    expect(actions).toHaveLength(1);
    expect(actions[0].edit!.changes!['file:///r.txt'].map((e) => e.newText)).toEqual(['子', '寅']);
  });

  test('a text that is not a report: one note, and nothing to fix', () => {
    const text = '会议纪要\n今天开会。';
    const result = lint(text, { filePath: 'x.txt' });
    expect(diagnostics(analysis(result, text), rules).map((d) => d.severity)).toEqual([DiagnosticSeverity.Information]);
    const actions = codeActions(analysis(result, text), { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } }, diagnostics: [] }, rules, {
      documentChanges: false,
    });
    expect(actions).toEqual([]);
  });
});

describe('quick fixes for the diagnostics a client sends back', () => {
  const text = readFileSync(join(ROOT, 'samples', 'seeds', '002_e5e51e0cfe3bc0cf.txt'), 'utf8');
  const a = analysis(lint(text, { filePath: '002.txt' }), text);
  const diag = diagnostics(a, rules).find((d) => d.message.includes('危机'))!;
  const ask = (d: typeof diag) =>
    codeActions(a, { range: d.range, diagnostics: [d] }, rules, { documentChanges: false }).filter((x) => x.isPreferred);

  test('the same diagnostic gets its fix', () => {
    expect(ask(diag).map((x) => x.title)).toEqual(['改为「3.危及“三安全一稳定”」']);
  });

  test('sent back with byte columns (as Neovim 0.7 does), it is still recognised by rule, message and line', () => {
    const bytes = { ...diag, range: { start: diag.range.start, end: { line: diag.range.end.line, character: 1 + Buffer.byteLength('3.危机“三安全一稳定”') } } };
    expect(bytes.range.end.character).not.toBe(diag.range.end.character);
    expect(ask(bytes)).toHaveLength(1);
  });

  test('another rule or another message on the line is not this diagnostic', () => {
    expect(ask({ ...diag, code: 'cell-empty', range: { ...diag.range, end: { line: 184, character: 2 } } })).toEqual([]);
    expect(ask({ ...diag, message: '别的问题', range: { ...diag.range, end: { line: 184, character: 2 } } })).toEqual([]);
  });
});

describe('hover on cells the sums cannot use', () => {
  const seed = (name: string) => {
    const text = readFileSync(join(ROOT, 'samples', 'seeds', name), 'utf8');
    return { ...analysis(lint(text, { filePath: name }), text), parsed: parse(text, { filePath: name }) };
  };
  const value = (a: Analysis, line: number, character: number) => {
    const h = hover(a, a.index.offsetAt({ line, character }), rules);
    return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : null;
  };

  test('a blank cell (seed 000, a line of U+3000 padding) is found anywhere on its line', () => {
    const a = seed('000_fdd122682e06667e.txt');
    // line 35 is a tab and two U+3000: the 本年新制作数量 of 规章, left blank
    expect(a.index.line(34)).toBe('\t\u3000\u3000');
    for (const character of [0, 1, 3]) {
      const md = value(a, 34, character)!;
      expect(md).toContain('- 行：规章');
      expect(md).toContain('- 列：本年新制作数量');
      expect(md).toContain('- 数值：空白（应填数字，没有就填 0）');
    }
  });

  test('a cell of a row with one number too few (seed 004): its column cannot be known, and it says why', () => {
    const a = seed('004_4455f420e810b9a4.txt');
    const line = a.index.line(59);
    const md = value(a, 59, line.search(/\d/))!;
    expect(md).toContain('- 行：（一）予以公开');
    expect(md).toContain('- 列：无法确定（这一行有 6 个数字格，格式要求 7 个；本行第 1 个）');
    expect(md).not.toContain('勾稽关系');
  });
});
