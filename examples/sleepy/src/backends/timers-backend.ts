import { setTimeout as delay } from 'node:timers/promises';
import type { AsyncBackend } from './backend.js';

async function nap(seconds: number): Promise<number> {
  const started = performance.now();
  await delay(seconds * 1000);
  return (performance.now() - started) / 1000;
}

/** The async backend of server runtimes (Node, Bun, Deno): `node:timers/promises`, naps gathered with `Promise.all`. */
export const timersBackend: AsyncBackend = {
  name: 'timers',
  color: 'async',
  sleep: nap,
  prepare: async () => {},
  sleepInParallel: (count, seconds) => Promise.all(Array.from({ length: count }, () => nap(seconds))),
  close: async () => {},
};
