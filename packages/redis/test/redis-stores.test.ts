// The shared conformance suites against a real redis-server (started here on a free loopback port),
// through each client adapter: node-redis v6, node-redis v5 and ioredis.
import { afterAll, beforeAll, describe } from 'vitest';
import {
  RedisLockoutStore,
  RedisRateLimitStore,
  RedisSemaphoreStore,
  RedisSingleFlightStore,
} from '../src/index.js';
import type { RedisStoreOptions } from '../src/index.js';
import { describeLockoutStore } from './conformance/lockout-store.js';
import { describeRateLimitStore } from './conformance/rate-limit-store.js';
import { describeSemaphoreStore } from './conformance/semaphore-store.js';
import { describeSingleFlightStore } from './conformance/single-flight-store.js';
import { CLIENT_KINDS, type ClientKind, connect } from './support/clients.js';
import { RedisServer, redisMissing } from './support/redis-server.js';

let server: RedisServer | undefined;

/** A store of `make`'s kind over a fresh client of `kind`, closed with its client. */
function open<S>(kind: ClientKind, make: (options: RedisStoreOptions) => S) {
  return async () => {
    const client = await connect(kind, (server as RedisServer).port);
    return {
      store: make({ client: client.adapter, prefix: `conformance-${kind}` }),
      close: () => client.close(),
    };
  };
}

describe.skipIf(redisMissing)(`Redis stores${redisMissing ? ` (skipped: ${redisMissing})` : ''}`, () => {
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  for (const kind of CLIENT_KINDS) {
    describe(kind, () => {
      describeRateLimitStore(
        kind,
        open(kind, (options) => new RedisRateLimitStore(options)),
      );
      describeLockoutStore(
        kind,
        open(kind, (options) => new RedisLockoutStore(options)),
      );
      describeSingleFlightStore(
        kind,
        open(kind, (options) => new RedisSingleFlightStore(options)),
      );
      describeSemaphoreStore(
        kind,
        open(kind, (options) => new RedisSemaphoreStore(options)),
      );
    });
  }
});
