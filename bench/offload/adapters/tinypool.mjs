// tinypool: a lighter piscina fork with the same task model.
import Tinypool from 'tinypool';

export const name = 'tinypool';

export async function create(size) {
  const pool = new Tinypool({
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
