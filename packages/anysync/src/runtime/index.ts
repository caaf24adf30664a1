/**
 * `anysync/runtime`: facts about the runtime the code runs on, and the blocking primitives it allows.
 *
 * @module
 */
export { sleepSync } from './sleep-sync.js';
