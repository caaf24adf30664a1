import { fib } from './fib.js';

/**
 * `fibs` written as async code and gathered with `Promise.all`: it looks parallel, but every call runs on
 * the one event loop thread, so CPU work takes as long as the loop (the talk's first `fibp`, on threads
 * that the GIL kept from running Python at once).
 */
export async function fibGather(ns: readonly number[]): Promise<number[]> {
  return await Promise.all(ns.map(async (n) => fib(n)));
}
