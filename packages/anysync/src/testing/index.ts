/**
 * `anysync/testing`: tools for testing code built on anysync. A virtual clock that drives every anysync
 * deadline, sleep and timeout deterministically, and the cases that run one test body against both twins
 * of a library (and several backends).
 *
 * @module
 */
export type { Clock } from '../internal/clock.js';
export { type AsyncViewOptions, asyncView } from './async-view.js';
export { type Color, type TwinCase, type TwinCasesOptions, twinCases } from './twin-cases.js';
export { VirtualClock, type VirtualClockOptions, type VirtualClockStats } from './virtual-clock.js';
