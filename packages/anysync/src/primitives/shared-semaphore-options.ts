import { checkStoreName } from '../internal/check-store-name.js';
import type { LeaseLostError } from './lease-lost-error.js';
import type { SemaphoreStore } from './semaphore-store.js';
import type { SharedPermit } from './shared-permit.js';
import { SharedSemaphore } from './shared-semaphore.js';

/** The options of a `Semaphore` or `Lock` that put it in a store. */
export interface SharedSemaphoreOptions {
  readonly store?: SemaphoreStore | undefined;
  readonly name?: string | undefined;
  readonly leaseMs?: number | undefined;
  readonly onLockLost?: ((error: LeaseLostError, permit: SharedPermit) => void) | undefined;
}

/** The shared engine the options ask for, checked; `undefined` for an in-process primitive. */
export function sharedSemaphore(
  options: SharedSemaphoreOptions | undefined,
  permits: number,
  caller: string,
): SharedSemaphore | undefined {
  const store = options?.store;
  if (store === undefined) {
    for (const option of ['name', 'leaseMs', 'onLockLost'] as const) {
      if (options?.[option] !== undefined) throw new TypeError(`${caller}: ${option} needs a store`);
    }
    return undefined;
  }
  if (typeof store !== 'object' || store === null || typeof store.acquire !== 'function') {
    throw new TypeError(`${caller}: store must be a SemaphoreStore (with acquire()), got ${String(store)}`);
  }
  const { name, leaseMs = 30_000, onLockLost } = options as SharedSemaphoreOptions;
  checkStoreName(name, caller);
  if (!(typeof leaseMs === 'number' && leaseMs >= 10 && Number.isFinite(leaseMs))) {
    throw new RangeError(`${caller}: leaseMs must be a finite number >= 10, got ${String(leaseMs)}`);
  }
  if (onLockLost !== undefined && typeof onLockLost !== 'function') {
    throw new TypeError(`${caller}: onLockLost must be a function, got ${typeof onLockLost}`);
  }
  if (!(permits > 0))
    throw new RangeError(`${caller}: a shared semaphore needs at least one permit, got ${permits}`);
  return new SharedSemaphore(store, name, permits, leaseMs, onLockLost);
}

/** The TypeError of a member that only an in-process primitive can answer. */
export function localOnly(member: string, instead: string): TypeError {
  return new TypeError(`${member} is not available when the state lives in a store: ${instead}`);
}
