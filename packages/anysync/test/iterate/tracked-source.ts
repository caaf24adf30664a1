import { sleep } from '../../src/concurrency/sleep.js';

/** What a tracked source saw: how many items were pulled from it, and whether its `finally` ran. */
export interface SourceLog {
  pulled: number;
  closed: boolean;
}

/**
 * An async generator over `items` that records its pulls and its closing; `delay` (virtual ms) before
 * each item, `failAt` an index at which it throws instead of yielding.
 */
export function tracked<T>(
  items: readonly T[],
  options: { delay?: number | ((index: number) => number); failAt?: number } = {},
): { source: AsyncGenerator<T, void, undefined>; log: SourceLog } {
  const log: SourceLog = { pulled: 0, closed: false };
  async function* generate(): AsyncGenerator<T, void, undefined> {
    try {
      for (let index = 0; index < items.length; index++) {
        const { delay } = options;
        const ms = typeof delay === 'function' ? delay(index) : delay;
        if (ms !== undefined) await sleep(ms);
        if (index === options.failAt) throw new Error(`source failed at ${index}`);
        log.pulled++;
        yield items[index] as T;
      }
    } finally {
      log.closed = true;
    }
  }
  return { source: generate(), log };
}
