import { checkOptionalBoolean } from '../internal/check-boolean.js';
import { checkCallOptions } from '../internal/check-options.js';
import { checkSignal } from '../internal/check-signal.js';
import type { TimeoutOptions } from './move-on-after.js';

/** The options of `moveOnAfter()` and its kin: a `shield` flag and a `signal`, both optional. */
export function checkTimeoutOptions(options: TimeoutOptions | undefined, label: string): void {
  if (options === undefined) return;
  checkCallOptions(options, label);
  checkOptionalBoolean(options.shield, `${label}: shield`);
  checkSignal(options.signal, `${label}: signal`);
}
