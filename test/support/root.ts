import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder (tests read files only below it). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
