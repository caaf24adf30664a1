import { describe, expect, it } from 'vitest';
import { Deque } from '../../src/internal/deque.js';

describe('Deque', () => {
  it('keeps FIFO order across growth and wrap-around', () => {
    const deque = new Deque<number>();
    const model: number[] = [];
    for (let round = 0; round < 200; round++) {
      for (let i = 0; i < (round % 7) + 3; i++) {
        deque.push(round * 100 + i);
        model.push(round * 100 + i);
      }
      for (let i = 0; i < (round % 5) + 1; i++) expect(deque.shift()).toBe(model.shift());
      expect(deque.length).toBe(model.length);
      expect(deque.peek()).toBe(model[0]);
    }
    deque.clear();
    expect(deque.length).toBe(0);
    expect(deque.shift()).toBeUndefined();
    expect(deque.peek()).toBeUndefined();
  });
});
