// Bottleneck's Redis clustering (ioredis datastore). As a rate limiter it is a reservoir refilled every
// interval; it queues instead of refusing, so it runs only where every call is admitted.
import Bottleneck from 'bottleneck';

const clientOptions = (port) => ({ host: '127.0.0.1', port });

export async function rateLimiter({ port, limit, intervalMs }) {
  const limiter = new Bottleneck({
    id: `bench-${process.pid}`,
    datastore: 'ioredis',
    clearDatastore: true,
    clientOptions: clientOptions(port),
    reservoir: limit,
    reservoirRefreshAmount: limit,
    reservoirRefreshInterval: intervalMs,
  });
  await limiter.ready();
  return {
    consume: () => limiter.schedule(async () => true),
    close: () => limiter.disconnect(),
  };
}

export async function semaphore({ port, permits }) {
  const limiter = new Bottleneck({
    id: `bench-sem-${process.pid}`,
    datastore: 'ioredis',
    clearDatastore: true,
    clientOptions: clientOptions(port),
    maxConcurrent: permits,
  });
  await limiter.ready();
  return { run: (fn) => limiter.schedule(fn), close: () => limiter.disconnect() };
}
