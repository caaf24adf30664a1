import {
  FifoLockout,
  Lockout,
  MemoryLockoutStore,
  MemoryRateLimitStore,
  RateLimiter,
} from '../../src/rate-limit/index.js';
import type { Rows } from './row.js';

const limiter = (): RateLimiter => new RateLimiter({ limit: 3, interval: 1000 });
const limitRequest = (weight: number) => ({
  algorithm: 'sliding-log' as const,
  limit: 1,
  interval: 1000,
  weight,
});

export const rows: Rows = {
  FifoLockout: {
    wrongType: [
      [
        () => new FifoLockout().lockFor('5s' as never),
        TypeError,
        "Lockout.lockFor(): ms must be a number of milliseconds >= 0 (or Infinity), got '5s' (string)",
      ],
      [
        () => new FifoLockout().wait({ signal: 'x' as never }),
        TypeError,
        "Lockout.wait(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
    ],
    outOfRange: [
      [
        () => new FifoLockout().lockFor(-1),
        RangeError,
        'Lockout.lockFor(): ms must be a number of milliseconds >= 0 (or Infinity), got -1',
      ],
    ],
  },
  Lockout: {
    wrongType: [
      [
        () => new Lockout(5000 as never),
        TypeError,
        'Lockout: options must be an object or undefined, got 5000',
      ],
      [
        () => new Lockout().lockUntil('later' as never),
        TypeError,
        "Lockout.lockUntil(): deadline must be a number, got 'later' (string)",
      ],
      [
        () => new Lockout().lockForRetryAfter(120 as never),
        TypeError,
        "Lockout.lockForRetryAfter(): header must be the header's value: a string, null or undefined, got 120",
      ],
      [
        () => new Lockout().run('fn' as never),
        TypeError,
        "Lockout.run(): fn must be a function, got 'fn' (string)",
      ],
    ],
    outOfRange: [
      [
        () => new Lockout().lockFor(Number.NaN),
        RangeError,
        'Lockout.lockFor(): ms must be a number of milliseconds >= 0 (or Infinity), got NaN',
      ],
      [
        () => new Lockout().lockForRetryAfter(null, -1),
        RangeError,
        'Lockout.lockForRetryAfter(): fallbackMs must be a number of milliseconds >= 0 (or Infinity), got -1',
      ],
    ],
  },
  RateLimiter: {
    wrongType: [
      [
        () => new RateLimiter(undefined as never),
        TypeError,
        'RateLimiter: options must be an object such as { limit, interval }, got undefined',
      ],
      [
        () => new RateLimiter({ limit: '3' as never, interval: 1000 }),
        TypeError,
        "RateLimiter: limit must be a finite number > 0, got '3' (string)",
      ],
      [
        () => limiter().acquire({ weight: '1' as never }),
        TypeError,
        "RateLimiter.acquire(): weight must be a number > 0 and <= the limit (3), got '1' (string)",
      ],
      [
        () => limiter().acquire({ signal: 'x' as never }),
        TypeError,
        "RateLimiter.acquire(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
      [
        () => limiter().run('fn' as never),
        TypeError,
        "RateLimiter.run(): fn must be a function, got 'fn' (string)",
      ],
      [
        () => limiter().wrap(async () => 1, { weight: 2 as never }),
        TypeError,
        'RateLimiter.wrap(): weight must be a function or undefined, got 2',
      ],
    ],
    outOfRange: [
      [
        () => new RateLimiter({ limit: 3, interval: 0 }),
        RangeError,
        'RateLimiter: interval must be a finite number > 0, got 0',
      ],
      [
        () => new RateLimiter({ limit: 3, intervall: 1000 } as never),
        TypeError,
        "RateLimiter: unknown option 'intervall' (did you mean 'interval'?)",
      ],
      [
        () => limiter().acquire({ weight: 4 }),
        RangeError,
        'RateLimiter.acquire(): weight must be a number > 0 and <= the limit (3): a heavier one could never be granted, got 4',
      ],
      [
        () => limiter().tryAcquire(-1),
        RangeError,
        'RateLimiter.tryAcquire(): weight must be a number > 0 and <= the limit (3), got -1',
      ],
      [
        () => limiter().delayFor(1e-20),
        RangeError,
        'RateLimiter.delayFor(): weight must be at least 1e-14 (the finest step counted here), got 1e-20',
      ],
    ],
  },
  MemoryLockoutStore: {
    wrongType: [
      [
        () => new MemoryLockoutStore().lock('api', { ms: '5' } as never),
        TypeError,
        'MemoryLockoutStore.lock(): the span must be { ms } or { date } with a finite number, got an object',
        'rejects',
      ],
    ],
    outOfRange: [
      [
        () => new MemoryLockoutStore().lock('api', { ms: Number.NaN }),
        TypeError,
        'MemoryLockoutStore.lock(): the span must be { ms } or { date } with a finite number',
        'rejects',
      ],
    ],
  },
  MemoryRateLimitStore: {
    wrongType: [
      [
        () => new MemoryRateLimitStore().consume(42 as never, limitRequest(1)),
        TypeError,
        'MemoryRateLimitStore.consume(): name must be a non-empty string, got 42',
        'rejects',
      ],
    ],
    outOfRange: [
      [
        () => new MemoryRateLimitStore().consume('api', limitRequest(2)),
        RangeError,
        'MemoryRateLimitStore.consume(): weight must be a number > 0 and <= the limit (1), got 2',
        'rejects',
      ],
      [
        () =>
          new MemoryRateLimitStore().consume('api', {
            ...limitRequest(1),
            algorithm: 'token-bucket' as never,
          }),
        RangeError,
        "MemoryRateLimitStore.consume(): algorithm must be 'sliding-log', 'sliding-counter' or 'gcra', got 'token-bucket' (string)",
        'rejects',
      ],
    ],
  },
};
