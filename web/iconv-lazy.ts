/**
 * What src/io/write.ts imports as `iconv-lite`, in the browser: iconv-lite bundled on its own (its code tables
 * are a quarter of the page's code) and run the first time a fixed file is written back in an encoding other
 * than UTF-8 or UTF-16 (GB18030 …). Synchronous, as the writer is: the code is in the page already (web/lazy.ts).
 */
import { loadLazy } from './lazy.js';

interface Iconv {
  encode(text: string, encoding: string): Uint8Array;
  encodingExists(encoding: string): boolean;
}

const iconv = {
  encode: (text: string, encoding: string) => loadLazy<Iconv>('iconv').encode(text, encoding),
  encodingExists: (encoding: string) => loadLazy<Iconv>('iconv').encodingExists(encoding),
};

export default iconv;
