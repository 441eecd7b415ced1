/**
 * report-lint's reader as a unified parser plugin: `unified().use(reportParse, options).parse(file)` gives the
 * report AST (a unist tree), read by the lint path's own read step (lint.ts parseText), so any unified pipeline
 * reads a report exactly as the linter does.
 *
 * What the parse learnt besides the tree (the text with its line index, the format, the kind of input) is left
 * on the file, in `file.data.reportLint`.
 */
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { Node } from 'unist';
import { parseText, type ParseOptions } from './lint.js';
import type { ParsedReport } from './engine/run.js';

export type ReportParseOptions = ParseOptions;

export type ReportFileData = Omit<ParsedReport, 'report'>;

declare module 'vfile' {
  interface DataMap {
    /** options for reportParse, per file (they win over the plugin's) */
    reportLintOptions: ReportParseOptions;
    /** what reportParse learnt */
    reportLint: ReportFileData;
  }
}

export function reportParse(this: Processor, options: ReportParseOptions = {}): void {
  this.parser = (doc: string, file: VFile): Node => {
    const { report, ...data } = parseText(doc, file.path, { ...options, ...(file.data.reportLintOptions ?? {}) });
    file.data.reportLint = data;
    return report as unknown as Node;
  };
}

/** One frozen processor: options travel on each file. */
export const reportProcessor = unified().use(reportParse).freeze();

export function reportFile(text: string, filePath: string | undefined, options: ReportParseOptions): VFile {
  const file = new VFile({ value: text, ...(filePath ? { path: filePath } : {}) });
  file.data.reportLintOptions = options;
  return file;
}

/** Read a report into its AST through the unified plugin (the same read step as lint.ts's). */
export function parseReport(text: string, opts: ReportParseOptions & { filePath?: string } = {}): ParsedReport {
  const file = reportFile(text, opts.filePath, opts);
  const report = reportProcessor.parse(file) as unknown as ParsedReport['report'];
  return { report, ...file.data.reportLint! };
}
