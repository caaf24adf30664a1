/**
 * `anysync/schedule`: a `Scheduler` that delivers payloads at wall-clock times as an async iterable, with
 * cancellation tokens and intervals (async-utils' `Scheduler`, without polling). Browser-safe; time is
 * anysync's clock, so `VirtualClock` drives it in tests.
 *
 * @module
 */
export { ScheduleToken } from './schedule-token.js';
export { Scheduler, type SchedulerStats } from './scheduler.js';
