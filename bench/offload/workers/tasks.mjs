// The task module every pool runs. Plain sync functions, as a CPU-heavy library would export them.
export function small(x) {
  return x + 1;
}

export function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

/** piscina and tinypool call the default export with one argument. */
export default function task({ kind, value }) {
  return kind === 'small' ? small(value) : fib(value);
}
