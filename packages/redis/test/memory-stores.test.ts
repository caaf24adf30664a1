// The shared conformance suites, run against anysync's in-process stores (the reference).
import { MemorySingleFlightStore } from 'anysync/cache';
import { MemorySemaphoreStore } from 'anysync/primitives';
import { MemoryLockoutStore, MemoryRateLimitStore } from 'anysync/rate-limit';
import { describeLockoutStore } from './conformance/lockout-store.js';
import { describeRateLimitStore } from './conformance/rate-limit-store.js';
import { describeSemaphoreStore } from './conformance/semaphore-store.js';
import { describeSingleFlightStore } from './conformance/single-flight-store.js';

const open =
  <S>(make: () => S) =>
  async () => ({ store: make(), close: async () => {} });

describeRateLimitStore(
  'memory',
  open(() => new MemoryRateLimitStore()),
);
describeLockoutStore(
  'memory',
  open(() => new MemoryLockoutStore()),
);
describeSingleFlightStore(
  'memory',
  open(() => new MemorySingleFlightStore()),
);
describeSemaphoreStore(
  'memory',
  open(() => new MemorySemaphoreStore()),
);
