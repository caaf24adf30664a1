import { describe, expect, it } from 'vitest';
import { Control } from '../../../src/synchronizer/protocol.js';
import { wakeStamps } from '../../../src/synchronizer/wire/adaptive-wait.js';
import { ringDoorbell } from '../../../src/synchronizer/wire/doorbell.js';

const control = () => new Int32Array(new SharedArrayBuffer(128));

describe('ringDoorbell', () => {
  it('changes the doorbell word, so a poller sees it, and wakes a parked waiter', async () => {
    const words = control();
    const before = Atomics.load(words, Control.doorbell);
    // `Atomics.waitAsync` (ES2024) is in Node 20, not in the project's ES2023 lib.
    const { waitAsync } = Atomics as unknown as {
      waitAsync(a: Int32Array, i: number, v: number, t: number): { async: boolean; value: unknown };
    };
    const parked = waitAsync(words, Control.doorbell, before, 5_000);
    ringDoorbell(words, wakeStamps(words));
    expect(Atomics.load(words, Control.doorbell)).not.toBe(before);
    expect(parked.async ? await (parked.value as Promise<string>) : parked.value).toBe('ok');
  });
});
