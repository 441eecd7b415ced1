// Writes docs/schema/config.schema.json: the configuration schema of the built-in rules, for editors.
// Run by `npm run schema` (after a build); a test checks that the published file is up to date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConfigSchema, ruleMap, builtinRules } from '../dist/src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs', 'schema', 'config.schema.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(buildConfigSchema(ruleMap([builtinRules])), null, 2) + '\n');
console.log(`wrote ${out}`);
