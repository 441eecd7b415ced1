/**
 * The output formats, by name. A formatter turns results into text; none of them lints anything.
 */
import type { Formatter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { codeframe } from './codeframe.js';
import { sarif } from './sarif.js';
import { github } from './github.js';
import { junit } from './junit.js';
import { checkstyle } from './checkstyle.js';

export const formatters: Record<string, Formatter> = {
  stylish,
  json,
  codeframe,
  sarif,
  github,
  junit,
  checkstyle,
};

export type { Formatter, FormatterContext } from './types.js';
