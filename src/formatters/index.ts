/**
 * The output formats, by name. A formatter turns results into text; none of them lints anything.
 */
import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { codeframe } from './codeframe.js';

export const formatters: Record<string, Formatter> = {
  stylish,
  json,
  codeframe,
};

export type { Formatter, FormatterContext } from './types.js';
