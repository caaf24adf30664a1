import { describe, expect, it } from 'vitest';
import { TaskQueue } from '../../src/offload/task-queue.js';

describe('TaskQueue', () => {
  it('is first in, first out, with put-back at the front and removal', () => {
    const queue = new TaskQueue<{ n: number }>();
    const items = Array.from({ length: 5 }, (_, n) => ({ n }));
    for (const item of items) queue.push(item);
    expect(queue.remove(items[2] as { n: number })).toBe(true);
    expect(queue.remove(items[2] as { n: number })).toBe(false);
    expect(queue.shift()?.n).toBe(0);
    queue.unshift(items[0] as { n: number });
    expect(queue.size).toBe(4);
    expect([queue.shift(), queue.shift(), queue.shift(), queue.shift()].map((item) => item?.n)).toEqual([
      0, 1, 3, 4,
    ]);
    expect(queue.shift()).toBeUndefined();
    expect(queue.size).toBe(0);
  });

  it('stays correct over many pushes and shifts', () => {
    const queue = new TaskQueue<{ n: number }>();
    let next = 0;
    for (let round = 0; round < 100; round++) {
      for (let i = 0; i < 50; i++) queue.push({ n: round * 50 + i });
      for (let i = 0; i < 50; i++) expect(queue.shift()?.n).toBe(next++);
    }
    expect(queue.size).toBe(0);
  });
});
