// The lazily run iconv-lite of the page (scripts/build-web.mjs bundles this file on its own).
import iconv from 'iconv-lite';
globalThis.reportLintIconv = iconv;
