// Baseline: the same functions called on the main thread, one after another (no parallelism, no messages).
import { fib, small } from '../workers/tasks.mjs';

export const name = 'inline (main thread)';

export async function create() {
  return { small: async (x) => small(x), fib: async (n) => fib(n), close: () => {} };
}
