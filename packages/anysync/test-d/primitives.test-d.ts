import {
  CapacityLimiter,
  createChannel,
  Lock,
  type Permit,
  PrioritySemaphore,
  type ReceiveChannel,
  Semaphore,
  type SendChannel,
  type TryReceiveResult,
  withPriority,
} from 'anysync/primitives';
import { describe, expectTypeOf, it } from 'vitest';

describe('anysync/primitives types', () => {
  it('acquires permits and types run() by the task result', () => {
    expectTypeOf(new Lock().acquire()).toEqualTypeOf<Promise<Permit>>();
    expectTypeOf(new Lock().tryAcquire()).toEqualTypeOf<Permit | undefined>();
    expectTypeOf(new Semaphore(2).run(async () => 1)).toEqualTypeOf<Promise<number>>();
    expectTypeOf(new PrioritySemaphore().run(() => 'x', { priority: 1 })).toEqualTypeOf<Promise<string>>();
    expectTypeOf(new CapacityLimiter(1).run(() => true, { borrower: {} })).toEqualTypeOf<Promise<boolean>>();
    expectTypeOf<Permit>().toMatchTypeOf<Disposable>();
    expectTypeOf(withPriority(1, () => 2)).toEqualTypeOf<number>();
  });

  it('types both ends of a channel by the item type', async () => {
    const [send, receive] = createChannel<string>(4);
    expectTypeOf(send).toEqualTypeOf<SendChannel<string>>();
    expectTypeOf(receive).toEqualTypeOf<ReceiveChannel<string>>();
    expectTypeOf(receive.receive()).toEqualTypeOf<Promise<string>>();
    expectTypeOf(receive.tryReceive()).toEqualTypeOf<TryReceiveResult<string>>();
    const result = receive.tryReceive();
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<string>();
    // @ts-expect-error: only strings may be sent
    void send.send(1);
    for await (const item of receive) expectTypeOf(item).toEqualTypeOf<string>();
  });
});
