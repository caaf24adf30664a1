import { describe, expect, it } from 'vitest';
import type { ContextSnapshot } from '../../src/internal/context-snapshot.js';
import { QueuedRunList } from '../../src/internal/queued-run-list.js';

describe('QueuedRunList', () => {
  it('starts calls in order across blocks, each in its snapshot, and reuses its block once empty', async () => {
    const queue = new QueuedRunList();
    const started: number[] = [];
    const snapshots: string[] = [];
    let settled = 0;
    for (const round of [0, 1]) {
      // 2 500 calls span the small first block and several full blocks.
      const results: Promise<unknown>[] = [];
      for (let i = 0; i < 2500; i++) {
        const snapshot: ContextSnapshot | undefined =
          i % 2 === 0
            ? {
                run: (fn) => {
                  snapshots.push(`${round}:${i}`);
                  return fn();
                },
              }
            : undefined;
        const task = () => {
          started.push(i);
          return i * 2;
        };
        results.push(new Promise((resolve) => queue.push(resolve, task, snapshot)));
      }
      expect(queue.size).toBe(2500);
      for (let i = 0; i < 2500; i++) queue.startHead(() => settled++);
      expect(queue.size).toBe(0);
      expect(await Promise.all(results)).toEqual(Array.from({ length: 2500 }, (_, i) => i * 2));
    }
    expect(started).toEqual([
      ...Array.from({ length: 2500 }, (_, i) => i),
      ...Array.from({ length: 2500 }, (_, i) => i),
    ]);
    expect(snapshots).toHaveLength(2500);
    expect(snapshots[1250]).toBe('1:0');
    expect(settled).toBe(5000);
  });

  it('a task that throws rejects its call and still reports it settled', async () => {
    const queue = new QueuedRunList();
    let settled = 0;
    const call = new Promise((resolve) =>
      queue.push(
        resolve,
        () => {
          throw new Error('boom');
        },
        undefined,
      ),
    );
    queue.startHead(() => settled++);
    await expect(call).rejects.toThrow('boom');
    expect(settled).toBe(1);
  });
});
