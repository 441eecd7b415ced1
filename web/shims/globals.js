// Globals that Node modules in the bundle expect (esbuild `inject`): Buffer from the `buffer` package.
import { Buffer } from 'buffer';
export { Buffer };
