/**
 * Running a run's files on a pool of worker threads (tinypool), or in this thread: `--concurrency auto|off|N` as
 * ESLint has it. Results come back in the order of the files, whatever order the workers finish in, so the output is
 * the same as a serial run's. At most a few tasks per thread are in flight: memory stays flat over any number of files.
 */
import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';

/** from this many files on, a run uses workers unless --concurrency says otherwise */
export const PARALLEL_THRESHOLD = 200;
/** files per worker below which another worker does not pay for its start-up */
const FILES_PER_WORKER = 50;

export class ConcurrencyError extends Error {}

/** --concurrency → number of threads (1: this thread only). */
export function resolveConcurrency(flag: string | number | undefined, files: number, cores = availableParallelism()): number {
  const auto = () => Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_WORKER)));
  if (flag === undefined) return files >= PARALLEL_THRESHOLD ? auto() : 1;
  const f = String(flag).trim().toLowerCase();
  if (f === 'off') return 1;
  if (f === 'auto') return auto();
  if (/^\d+$/.test(f) && Number(f) >= 1) return Math.min(Number(f), files || 1);
  throw new ConcurrencyError(`--concurrency 的值「${flag}」无效，应为 auto、off 或正整数`);
}

export interface Pool {
  /** run the worker function `name` on each task; results in the tasks' order; onDone after each */
  map<T, R>(name: string, tasks: readonly T[], onDone?: (done: number) => void): Promise<R[]>;
  close(): Promise<void>;
}

export function workerPool(threads: number): Pool {
  const pool = new Tinypool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // a report is read and linted in milliseconds; idle workers stay until the pool is closed
    idleTimeout: 60_000,
  });
  return {
    async map<T, R>(name: string, tasks: readonly T[], onDone?: (done: number) => void): Promise<R[]> {
      const out = new Array<R>(tasks.length);
      let next = 0;
      let done = 0;
      const lane = async () => {
        while (next < tasks.length) {
          const i = next++;
          // a task of null is a file that is not sent (it could not be read): its result is undefined
          out[i] = (tasks[i] === null ? undefined : await pool.run(tasks[i], { name })) as R;
          onDone?.(++done);
        }
      };
      await Promise.all(Array.from({ length: Math.min(tasks.length, threads * 4) }, lane));
      return out;
    },
    close: () => pool.destroy(),
  };
}
