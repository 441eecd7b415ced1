/**
 * Where the built-in dictionary comes from: data/dictionaries/builtin.yaml, read from the package on Node. The
 * browser build (scripts/build-web.mjs) puts web/shims/builtin-dictionary.ts in this module's place, which has
 * the same file bundled as text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

export function builtinDictionaryPath(): string {
  return join(packageRoot(), 'data', 'dictionaries', 'builtin.yaml');
}

/** The built-in dictionary's YAML text and where it is. */
export function builtinDictionarySource(): { text: string; origin: string } {
  const origin = builtinDictionaryPath();
  return { text: readFileSync(origin, 'utf8'), origin };
}
