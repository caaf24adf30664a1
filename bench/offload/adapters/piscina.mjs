// piscina: one task function per pool (the module's default export), one task in flight per worker.
import Piscina from 'piscina';

export const name = 'piscina';

export async function create(size) {
  const pool = new Piscina({
    filename: new URL('../workers/tasks.mjs', import.meta.url).href,
    minThreads: size,
    maxThreads: size,
  });
  return {
    small: (value) => pool.run({ kind: 'small', value }),
    fib: (value) => pool.run({ kind: 'fib', value }),
    close: () => pool.destroy(),
  };
}
