/**
 * An input kind (text, Markdown, a web page, a Word file …): one module each under readers/, registered in
 * readers/index.ts. A kind says how files of it are recognised (extensions, MIME type, a sniff of their bytes),
 * how their bytes become the text to lint, how that text becomes a skeleton, and how to speak of a place in it.
 */
import type { Decoded } from '../io/decode.js';
import type { InputInfo, Recognizer, Skeleton } from '../skeleton.js';
import type { DocumentPlace, LintMessage } from '../types.js';

/** A file's bytes as the text to lint. */
export interface InputText {
  /** the text to lint: the decoded text, the page, or a Word file converted to HTML */
  text: string;
  /** the input kind's id */
  kind: string;
  /** the decoded text file (its bytes, encoding and BOM), for writing fixes back; none where the text is made (.docx) */
  decoded?: { bytes: Uint8Array; decoded: Decoded };
  /** where an offset of a made text was in the document (a PDF: page and position), when the kind knows */
  place?: (offset: number) => DocumentPlace | undefined;
  /** what the kind could not read, said to the user as warnings (a PDF's scanned pages) */
  notes?: string[];
}

/** A binary kind's text, with where its pieces were in the document and what could not be read. */
export interface MadeText {
  text: string;
  place?: InputText['place'];
  notes?: string[];
}

export interface ReadOptions {
  /** read Markdown syntax (headings, pipe tables): true, false, or undefined to decide by the text */
  markdown?: boolean;
  /** where an offset of the text was in the document it was made from (a PDF: toText's place) */
  place?: InputText['place'];
}

export interface InputKindModule {
  /** text, markdown, html, docx … (the `kind` of ApiOptions and of InputInfo) */
  id: string;
  /** the word for such a file in messages: 文件, 网页, Word 文件 */
  noun: string;
  /** file name endings, lower case with the dot; a folder search looks for these */
  extensions: readonly string[];
  /** other endings that name such a file, not searched for in folders (.xhtml) */
  otherNames?: readonly string[];
  mime: string;
  /** the text may declare its own encoding (a page's <meta charset>) */
  declaresCharset?: boolean;
  /**
   * Binary kinds are not decoded as text: their bytes go to toText. A binary kind that sniffs its bytes (a .docx is
   * a zip) is read as that kind whatever the file is called.
   */
  binary?: boolean;
  /** plain-text kinds (text, Markdown) give way to a kind that recognises the decoded text (a page under another name) */
  plain?: boolean;
  /** whether bytes (or the start of a decoded text) are of this kind, whatever the file is called */
  sniff?(head: Uint8Array | string): boolean;
  /** a binary kind's bytes → the text to lint; `named` says whether the file's name says it is of this kind */
  toText?(bytes: Uint8Array, named: boolean): Promise<string | MadeText>;
  /** the text to lint → skeleton, and what the reader learnt about places in it */
  read(text: string, rec: Recognizer, opts: ReadOptions): { skeleton: Skeleton; input: InputInfo };
  /**
   * Put a finding in the document's own terms, where lines and columns mean nothing to a reader (a Word file:
   * the line is the paragraph's or table's number, and the message says where). The default adds `place` only.
   */
  localize?(m: LintMessage, place: DocumentPlace | undefined): void;
  /** the same, for one related location of a finding */
  localizeRelated?(r: NonNullable<LintMessage['related']>[number], place: DocumentPlace | undefined): void;
}
