import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkCallOptions } from '../internal/check-options.js';
import { checkSignal } from '../internal/check-signal.js';
import { invalidArgument } from '../internal/invalid-argument.js';
import type { PoolCallOptions } from './types.js';

/** The options of `fn.with(…)`: checked when the bound function is made, not at each call. */
export function checkPoolCallOptions(options: PoolCallOptions, label: string): void {
  checkCallOptions(options, label);
  if (options === undefined) throw invalidArgument('type', `${label}: options`, 'an object', options);
  if (options.timeout !== undefined) checkMilliseconds(options.timeout, `${label}: timeout`, true, true);
  checkSignal(options.signal, `${label}: signal`);
  if (options.transfer !== undefined && !Array.isArray(options.transfer)) {
    throw invalidArgument('type', `${label}: transfer`, 'an array of transferables', options.transfer);
  }
}
