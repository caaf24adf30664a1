// I/O-free: what users import. Both twins, the options and the report types.
export type { BackendName } from './backends/backend.js';
export { AsyncSleeper } from './async/index.js';
export type { NapReport } from './shared/nap-report.js';
export { formatNapReport } from './shared/nap-report.js';
export type { SleeperOptions } from './shared/sleeper-options.js';
export { Sleeper } from './sync/index.js';
