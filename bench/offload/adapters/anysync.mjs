// anysync/offload: the module's functions, run on a WorkerPool.
import { WorkerPool } from 'anysync/offload';

export const name = 'anysync';

export async function create(size) {
  const pool = new WorkerPool({ size });
  const tasks = await pool.load(new URL('../workers/tasks.mjs', import.meta.url));
  return {
    small: (x) => tasks.small(x),
    fib: (n) => tasks.fib(n),
    close: () => pool.close(),
  };
}
