// Plain CPU work with no I/O: the loop calls it on the main thread, the pool's workers load this same file.

/** The `n`th Fibonacci number, the slow recursive way on purpose: it is the CPU load being measured. */
export function fib(n: number): number {
  if (!(Number.isInteger(n) && n >= 0 && n <= 78)) {
    // fib(79) is past Number.MAX_SAFE_INTEGER; the recursion would be slow long before that anyway.
    throw new RangeError(`n must be a whole number from 0 to 78, got ${n}`);
  }
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

/** The talk's `fibs`: each number in turn, in a loop. */
export function fibs(ns: readonly number[]): number[] {
  return ns.map((n) => fib(n));
}
