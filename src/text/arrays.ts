/**
 * Array helpers that replace spreading input-sized arrays into one call (`push(...xs)`, `Math.max(...xs)`), which
 * overflows the stack at some hundred thousand elements.
 */
/** Append every element of `items` to `target` without spreading them into one call. */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
  return target;
}

export function maxOf(xs: readonly number[], empty = -Infinity): number {
  let m = empty;
  for (let i = 0; i < xs.length; i++) if (xs[i] > m) m = xs[i];
  return m;
}

export function minOf(xs: readonly number[], empty = Infinity): number {
  let m = empty;
  for (let i = 0; i < xs.length; i++) if (xs[i] < m) m = xs[i];
  return m;
}
