// The talk's "fib sequential vs parallel": the same CPU work in a loop, gathered on the event loop, and in
// the anysync/offload worker pool, each timed for a second.
import { availableParallelism, loadavg } from 'node:os';
import { fibs } from './fib.js';
import { fibGather } from './fib-gather.js';
import { createFibPool } from './fib-pool.js';
import { formatRuns, timeRuns } from './time-runs.js';

// Four numbers per run, about 6 ms of work in all as in the talk: each task (1-2 ms) is big next to a pool
// task's round trip (tens of microseconds), and a second holds over a hundred runs.
const NS = [24, 25, 24, 25];
const expected = fibs(NS);

await using pool = createFibPool();
const checked = (name: string, values: readonly number[]) => {
  if (values.join() !== expected.join())
    throw new Error(`${name} computed ${values.join()}, not ${expected.join()}`);
};

const lines = [
  await timeRuns('fibs', () => checked('fibs', fibs(NS))),
  await timeRuns('fibs gathered on the event loop', async () => checked('gather', await fibGather(NS))),
  await timeRuns(`fibp on ${pool.size} pool threads`, async () => checked('fibp', await pool.fibp(NS))),
];
for (const line of lines) console.log(formatRuns(line));
const [loop, , parallel] = lines;
if (loop && parallel) {
  console.log(
    `the pool ran ${(loop.msPerRun / parallel.msPerRun).toFixed(2)}x as fast as the loop ` +
      `(each run computes fib of ${NS.join(', ')}; ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)})`,
  );
}
