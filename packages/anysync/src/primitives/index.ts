/**
 * `anysync/primitives`: synchronisation primitives that run anywhere JavaScript does. Every wait accepts
 * `{ signal }`, rejects inside a cancelled scope, and never hands a token to an aborted waiter; every
 * primitive reports `.stats()`. The ambient priority of `withPriority()` is the only part that needs
 * AsyncLocalStorage, and it loads it lazily on first use. `Semaphore` and `Lock` take a `store`
 * (`MemorySemaphoreStore`, or `@anysync/redis` for every process) to share permits by name, with leases,
 * fencing tokens and FIFO waiters.
 *
 * @module
 */
export { BrokenResourceError } from './broken-resource-error.js';
export { BusyResourceError } from './busy-resource-error.js';
export {
  CapacityLimiter,
  type CapacityLimiterAcquireOptions,
  type CapacityLimiterStats,
} from './capacity-limiter.js';
export type { ChannelStats } from './channel-state.js';
export { ClosedResourceError } from './closed-resource-error.js';
export { Condition, type ConditionStats } from './condition.js';
export { createChannel } from './create-channel.js';
export { EndOfStreamError } from './end-of-stream-error.js';
export { Event, type EventStats } from './event.js';
export { LeaseLostError } from './lease-lost-error.js';
export { Lock, type LockOptions, type LockStats } from './lock.js';
export { MemorySemaphoreStore } from './memory-semaphore-store.js';
export { Permit } from './permit.js';
export {
  type PriorityAcquireOptions,
  PrioritySemaphore,
  type PrioritySemaphoreStats,
} from './priority-semaphore.js';
export { ReceiveChannel, type TryReceiveResult } from './receive-channel.js';
export { ResourceGuard, type ResourceGuardStats } from './resource-guard.js';
export {
  type PermitOf,
  Semaphore,
  type SemaphoreAcquireOptions,
  type SemaphoreOptions,
  type SemaphoreStats,
} from './semaphore.js';
export type { SemaphoreGrant, SemaphoreRequest, SemaphoreStore, SemaphoreWatch } from './semaphore-store.js';
export { SendChannel } from './send-channel.js';
export { SharedPermit } from './shared-permit.js';
export { currentPriority, withPriority } from './with-priority.js';
export type { WaitOptions } from '../internal/wait-queue.js';
