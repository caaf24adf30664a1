import { checkStoreName } from '../internal/check-store-name.js';
import type { LockoutStore } from './lockout-store.js';
import { SharedLockout } from './shared-lockout.js';

/** The shared engine a `Lockout`'s options ask for, checked; `undefined` for an in-process gate. */
export function sharedLockout(
  options: { readonly store?: LockoutStore | undefined; readonly name?: string | undefined } | undefined,
  fifo: boolean,
): SharedLockout | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Lockout: options must be an object, got ${String(options)}`);
  }
  const { store, name } = options;
  if (store === undefined) {
    if (name !== undefined) throw new TypeError('Lockout: name needs a store');
    return undefined;
  }
  if (typeof store !== 'object' || store === null || typeof store.lock !== 'function') {
    throw new TypeError(`Lockout: store must be a LockoutStore (with lock()), got ${String(store)}`);
  }
  checkStoreName(name, 'Lockout');
  return new SharedLockout(store, name, fifo);
}
