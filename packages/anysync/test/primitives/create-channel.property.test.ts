// Random schedules of sends, receives, their non-blocking forms, aborts, clones and closes on a memory
// channel. Checked: items come out in the order they went in, never twice, never from an aborted send;
// the buffer never exceeds its size; after the senders close, every accepted item is received unless
// every receiver closed first; every wait settles; no rejection goes unhandled.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChannel } from '../../src/primitives/create-channel.js';
import { EndOfStreamError } from '../../src/primitives/end-of-stream-error.js';
import type { ReceiveChannel } from '../../src/primitives/receive-channel.js';
import type { SendChannel } from '../../src/primitives/send-channel.js';

type Op =
  | { kind: 'send'; signal: boolean; end: number }
  | { kind: 'trySend'; end: number }
  | { kind: 'receive'; signal: boolean; end: number }
  | { kind: 'tryReceive'; end: number }
  | { kind: 'abort'; pick: number }
  | { kind: 'clone-send' | 'clone-receive' | 'close-send' | 'close-receive'; end: number }
  | { kind: 'tick' };

const end = fc.nat({ max: 3 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), signal: fc.boolean(), end }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('trySend' as const), end }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('receive' as const), signal: fc.boolean(), end }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tryReceive' as const), end }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('abort' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'clone-send' as const,
        'clone-receive' as const,
        'close-send' as const,
        'close-receive' as const,
      ),
      end,
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'tick' as const }) },
);

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

async function runSchedule(size: number, ops: readonly Op[]): Promise<void> {
  const [send, receive] = createChannel<number>(size);
  const senders: SendChannel<number>[] = [send];
  const receivers: ReceiveChannel<number>[] = [receive];
  const received: number[] = [];
  const accepted = new Set<number>();
  const aborted = new Set<number>();
  const controllers: AbortController[] = [];
  const settles: Promise<unknown>[] = [];
  const violations: string[] = [];
  let next = 0;
  // Receipts are recorded from promise handlers, in the order the channel settled them.
  const record = (value: number) => {
    if (received.includes(value)) violations.push(`${value} received twice`);
    if (aborted.has(value)) violations.push(`${value} received after its send was aborted`);
    received.push(value);
  };
  const at = <T>(items: T[], n: number) => items[n % items.length] as T;
  const signal = (wanted: boolean) => {
    if (!wanted) return undefined;
    const controller = new AbortController();
    controllers.push(controller);
    return controller.signal;
  };

  for (const step of ops) {
    if (step.kind === 'send') {
      const value = next++;
      const sending = at(senders, step.end).send(value, { signal: signal(step.signal) });
      settles.push(
        sending.then(
          () => accepted.add(value),
          (error) => (error === 'abort' ? aborted.add(value) : 0),
        ),
      );
    } else if (step.kind === 'trySend') {
      const value = next++;
      try {
        if (at(senders, step.end).trySend(value)) accepted.add(value);
      } catch {}
    } else if (step.kind === 'receive') {
      settles.push(
        at(receivers, step.end)
          .receive({ signal: signal(step.signal) })
          .then(record, () => {}),
      );
    } else if (step.kind === 'tryReceive') {
      try {
        const result = at(receivers, step.end).tryReceive();
        if (result.ok) settles.push(Promise.resolve(result.value).then(record));
      } catch {}
    } else if (step.kind === 'abort') {
      if (controllers.length > 0) at(controllers, step.pick).abort('abort');
    } else if (step.kind === 'clone-send') {
      try {
        senders.push(at(senders, step.end).clone());
      } catch {}
    } else if (step.kind === 'clone-receive') {
      try {
        receivers.push(at(receivers, step.end).clone());
      } catch {}
    } else if (step.kind === 'close-send') at(senders, step.end).close();
    else if (step.kind === 'close-receive') at(receivers, step.end).close();
    else await tick();
    const stats = send.stats();
    if (stats.bufferUsed > size) violations.push(`buffer holds ${stats.bufferUsed} > ${size}`);
  }

  // Close every sender, then drain with any receiver still open.
  for (const sender of senders) sender.close();
  const open = receivers.find((r) => !r.closed);
  if (open !== undefined) {
    for (;;) {
      const item = await open.receive().then(
        (value) => ({ value }),
        (error: unknown) => error,
      );
      if (item instanceof EndOfStreamError) break;
      if (!(typeof item === 'object' && item !== null && 'value' in item)) throw item;
      record(item.value as number);
    }
  }
  await Promise.all(settles);
  expect(violations).toEqual([]);
  const order = [...received];
  expect(order).toEqual([...order].sort((a, b) => a - b)); // FIFO
  if (open !== undefined) expect(new Set(received)).toEqual(new Set([...accepted, ...received]));
  for (const value of received) expect(accepted.has(value) || !aborted.has(value)).toBe(true);
  expect(send.stats()).toMatchObject({ waitingSend: 0, waitingReceive: 0, openSendChannels: 0 });
}

describe('memory channels under random schedules', () => {
  it('keep FIFO order, lose or duplicate nothing, and settle every wait', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 1, 3, Number.POSITIVE_INFINITY),
        fc.array(op, { maxLength: 50, size: 'medium' }),
        async (size, ops) => {
          await runSchedule(size, ops);
          await tick();
          expect(unhandled).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });
});
