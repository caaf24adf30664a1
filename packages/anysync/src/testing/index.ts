/**
 * `anysync/testing`: tools for testing code built on anysync. Today: a virtual clock that drives every
 * anysync deadline, sleep and timeout deterministically.
 *
 * @module
 */
export type { Clock } from '../internal/clock.js';
export { VirtualClock, type VirtualClockOptions, type VirtualClockStats } from './virtual-clock.js';
