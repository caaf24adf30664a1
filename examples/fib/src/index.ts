// What the demo and the tests import.
export { fib, fibs } from './fib.js';
export { fibGather } from './fib-gather.js';
export { createFibPool, type FibPool } from './fib-pool.js';
export { formatRuns, type TimedRuns, type TimeRunsOptions, timeRuns } from './time-runs.js';
