import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { canBlock, currentRuntime } from '../../src/runtime/current-runtime.js';

describe('currentRuntime()', () => {
  it('recognises Node on its main thread, where blocking is allowed', () => {
    expect(currentRuntime()).toEqual({
      name: 'node',
      version: process.versions.node,
      thread: 'main',
      sharedMemory: true,
      canBlock: true,
    });
    expect(canBlock()).toBe(true);
  });

  it('remembers its answer', () => {
    expect(currentRuntime()).toBe(currentRuntime());
  });

  it('sees a worker thread as a worker', async () => {
    const worker = new Worker(new URL('./fixtures/report-runtime.mjs', import.meta.url));
    const seen = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(seen).toMatchObject({ name: 'node', thread: 'worker', canBlock: true });
  });
});
