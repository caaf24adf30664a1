import type { AsyncBackend } from './backend.js';

function nap(seconds: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    setTimeout(() => resolve((performance.now() - started) / 1000), seconds * 1000);
  });
}

/** The async backend of browsers and edge runtimes: the global `setTimeout`, which every host has. */
export const webBackend: AsyncBackend = {
  name: 'web',
  color: 'async',
  sleep: nap,
  prepare: async () => {},
  sleepInParallel: (count, seconds) => Promise.all(Array.from({ length: count }, () => nap(seconds))),
  close: async () => {},
};
