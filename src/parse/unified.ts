/**
 * report-lint's reader as a unified parser plugin: `unified().use(reportParse, options).parse(file)` gives the
 * report AST (a unist tree). The engine reads every report through it, and so can any unified pipeline.
 *
 * What the parse learnt besides the tree (the text with its line index, the format, the kind of input) is left
 * on the file, in `file.data.reportLint`.
 */
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import type { Node } from 'unist';
import type { Dictionary } from '../config/dictionary.js';
import type { Format } from '../format/formats.js';
import type { InputInfo, InputKind } from './read.js';
import type { SourceText } from '../text/lines.js';
import type { ReportSigns } from './signs.js';
import type { Report } from '../types.js';

export interface ReportParseOptions {
  /** the formats to choose from (default: the built-in ones) */
  formats?: readonly Format[];
  /** force a format (2019 | 2021 | a custom format's short name) */
  format?: string;
  /** variants and typos for label matching (default: the built-in dictionary) */
  dictionary?: Dictionary;
  /** text, html or docx (default: by the file's extension) */
  kind?: InputKind;
  /** treat text as Markdown (default: .md files, or text with Markdown headings or pipe tables) */
  markdown?: boolean;
}

export interface ReportFileData {
  source: SourceText;
  format: Format;
  input: InputInfo;
  /** for a text in which no section heading was recognised: the signs that it is a report all the same */
  signs?: ReportSigns;
}

declare module 'vfile' {
  interface DataMap {
    /** options for reportParse, per file (they win over the plugin's) */
    reportLintOptions: ReportParseOptions;
    /** what reportParse learnt */
    reportLint: ReportFileData;
  }
}

/** The reading itself, injected by the engine (which owns format selection and binding). */
export type ReadReport = (text: string, filePath: string | undefined, options: ReportParseOptions) => ReportFileData & { report: Report };

let reader: ReadReport | undefined;

export function setReportReader(read: ReadReport): void {
  reader = read;
}

export function reportParse(this: Processor, options: ReportParseOptions = {}): void {
  this.parser = (doc: string, file: VFile): Node => {
    if (!reader) throw new Error('report-lint: no report reader registered');
    const { report, ...data } = reader(doc, file.path, { ...options, ...(file.data.reportLintOptions ?? {}) });
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
