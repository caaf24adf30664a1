import { describe, expect, it } from 'vitest';
import { Control } from '../../../src/synchronizer/protocol.js';
import { PollBackoff, pollWhile, ringDoorbell } from '../../../src/synchronizer/wire/doorbell.js';

const control = () => new Int32Array(new SharedArrayBuffer(128));

describe('pollWhile', () => {
  it('returns true at once when the word already changed', () => {
    const words = control();
    words[Control.signal] = 3;
    expect(pollWhile(words, Control.signal, 2, 1_000_000)).toBe(true);
  });

  it('gives up, false, once its window has passed without a change', () => {
    const words = control();
    expect(pollWhile(words, Control.signal, 0, 200)).toBe(false);
    expect(pollWhile(words, Control.signal, 0, 0)).toBe(false);
  });
});

describe('ringDoorbell', () => {
  it('changes the doorbell word, so a poller sees it, and wakes a parked waiter', async () => {
    const words = control();
    const before = Atomics.load(words, Control.doorbell);
    // `Atomics.waitAsync` (ES2024) is in Node 20, not in the project's ES2023 lib.
    const { waitAsync } = Atomics as unknown as {
      waitAsync(a: Int32Array, i: number, v: number, t: number): { async: boolean; value: unknown };
    };
    const parked = waitAsync(words, Control.doorbell, before, 5_000);
    ringDoorbell(words);
    expect(pollWhile(words, Control.doorbell, before, 0)).toBe(true);
    expect(parked.async ? await (parked.value as Promise<string>) : parked.value).toBe('ok');
  });
});

describe('PollBackoff', () => {
  it('skips polling for ever more waits after empty polls, and polls again after a success', () => {
    const words = control();
    const polls = new PollBackoff();
    expect(polls.poll(words, Control.signal, 0, 100)).toBe(false);
    // Backing off: the next wait parks at once even though the word has changed.
    words[Control.signal] = 1;
    expect(polls.poll(words, Control.signal, 0, 100)).toBe(false);
    expect(polls.poll(words, Control.signal, 0, 100)).toBe(true);
    // A success reset it: an empty poll now costs one skipped wait again, not three.
    expect(polls.poll(words, Control.signal, 1, 100)).toBe(false);
    expect(polls.poll(words, Control.signal, 0, 100)).toBe(false);
    expect(polls.poll(words, Control.signal, 0, 100)).toBe(true);
  });

  it('never polls with a window of 0', () => {
    const words = control();
    words[Control.signal] = 1;
    expect(new PollBackoff().poll(words, Control.signal, 0, 0)).toBe(false);
  });
});
