/**
 * json: ESLint's JSON formatter shape, one object per file. Columns are UTF-16 code units, 1-based.
 */
import type { Formatter } from './types.js';

export const json: Formatter = (results) =>
  JSON.stringify(
    results.map(({ source: _source, suppressedMessages, ...r }) => ({ ...r, suppressedMessages: suppressedMessages ?? [], usedDeprecatedRules: [] })),
  ) + '\n';
