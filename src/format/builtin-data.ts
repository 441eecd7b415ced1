/**
 * Where the built-in formats come from: data/formats/*.json, read from the package on Node. The browser build
 * (scripts/build-web.mjs) puts web/shims/builtin-formats.ts in this module's place, which has the same files
 * bundled as data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import type { FormatData } from './formats.js';

/** The built-in formats' data, oldest first (file names sorted). */
export function builtinFormatData(): FormatData[] {
  const dir = join(packageRoot(), 'data', 'formats');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FormatData);
}
