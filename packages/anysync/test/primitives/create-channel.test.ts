import { describe, expect, it } from 'vitest';
import { CancelScope } from '../../src/concurrency/cancel-scope.js';
import { BrokenResourceError } from '../../src/primitives/broken-resource-error.js';
import { ClosedResourceError } from '../../src/primitives/closed-resource-error.js';
import { createChannel } from '../../src/primitives/create-channel.js';
import { EndOfStreamError } from '../../src/primitives/end-of-stream-error.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createChannel()', () => {
  it('is a rendezvous by default: send waits until a receiver takes the item', async () => {
    const [send, receive] = createChannel<string>();
    let delivered = false;
    const sending = send.send('hi').then(() => (delivered = true));
    await tick();
    expect(delivered).toBe(false);
    expect(send.stats()).toMatchObject({ bufferUsed: 0, maxBufferSize: 0, waitingSend: 1 });
    await expect(receive.receive()).resolves.toBe('hi');
    await sending;
    expect(delivered).toBe(true);
  });

  it('buffers up to its size, then applies backpressure, keeping FIFO order', async () => {
    const [send, receive] = createChannel<number>(2);
    await send.send(1);
    await send.send(2);
    expect(send.trySend(3)).toBe(false);
    const third = send.send(3);
    expect(receive.stats()).toMatchObject({ bufferUsed: 2, waitingSend: 1 });
    expect(await receive.receive()).toBe(1);
    await third; // moved into the freed slot
    expect(receive.stats()).toMatchObject({ bufferUsed: 2, waitingSend: 0 });
    expect([await receive.receive(), await receive.receive()]).toEqual([2, 3]);
  });

  it('hands an item straight to a waiting receiver', async () => {
    const [send, receive] = createChannel<number>(5);
    const waiting = receive.receive();
    expect(receive.stats().waitingReceive).toBe(1);
    expect(send.trySend(9)).toBe(true);
    await expect(waiting).resolves.toBe(9);
    expect(send.stats().bufferUsed).toBe(0);
  });

  it('tryReceive() takes from the buffer or a blocked sender, else reports it would block', async () => {
    const [send, receive] = createChannel<number>(1);
    expect(receive.tryReceive()).toEqual({ ok: false });
    send.trySend(1);
    const blocked = send.send(2);
    expect(receive.tryReceive()).toEqual({ ok: true, value: 1 });
    await blocked;
    expect(receive.tryReceive()).toEqual({ ok: true, value: 2 });
    const [rendezvousSend, rendezvousReceive] = createChannel<number>(0);
    const pending = rendezvousSend.send(3);
    expect(rendezvousReceive.tryReceive()).toEqual({ ok: true, value: 3 });
    await pending;
  });

  it('ends the stream when every sender clone is closed, after the buffer drains', async () => {
    const [send, receive] = createChannel<number>(10);
    const second = send.clone();
    await send.send(1);
    send.close();
    await second.send(2);
    const waiting = (async () => {
      const got: number[] = [];
      for await (const n of receive) got.push(n);
      return got;
    })();
    await tick();
    expect(receive.stats().openSendChannels).toBe(1);
    second.close();
    await expect(waiting).resolves.toEqual([1, 2]);
    await expect(receive.receive()).rejects.toThrow(EndOfStreamError);
    expect(() => receive.tryReceive()).toThrow(EndOfStreamError);
  });

  it('wakes pending receivers with EndOfStreamError when the last sender closes', async () => {
    const [send, receive] = createChannel<number>();
    const waiting = receive.receive();
    send.close();
    send.close(); // closing twice is harmless
    await expect(waiting).rejects.toThrow(EndOfStreamError);
  });

  it('breaks senders when every receiver clone is closed, dropping the buffer', async () => {
    const [send, receive] = createChannel<number>(1);
    const other = receive.clone();
    send.trySend(1);
    const blocked = send.send(2);
    receive.close();
    expect(send.stats().openReceiveChannels).toBe(1);
    other.close();
    await expect(blocked).rejects.toThrow(BrokenResourceError);
    expect(send.stats().bufferUsed).toBe(0);
    await expect(send.send(3)).rejects.toThrow(
      'SendChannel.send(): every receiving end of the channel is closed',
    );
    expect(() => send.trySend(3)).toThrow(BrokenResourceError);
  });

  it('rejects use of an end you closed, including its own pending waits', async () => {
    const [send, receive] = createChannel<number>();
    const pendingReceive = receive.receive();
    const pendingSend = send
      .clone()
      .send(1)
      .catch((e: unknown) => e);
    receive.clone().close();
    const otherSend = send.clone();
    const ownSend = otherSend.send(5);
    otherSend.close();
    await expect(ownSend).rejects.toThrow(ClosedResourceError);
    expect(await pendingSend).toBeUndefined(); // delivered to the pending receiver
    await expect(pendingReceive).resolves.toBe(1);
    const waitingAgain = receive.receive();
    receive.close();
    await expect(waitingAgain).rejects.toThrow('ReceiveChannel was closed');
    await expect(receive.receive()).rejects.toThrow('ReceiveChannel.receive(): this end is closed');
    expect(() => receive.tryReceive()).toThrow(ClosedResourceError);
    expect(() => receive.clone()).toThrow(ClosedResourceError);
    send.close();
    await expect(send.send(1)).rejects.toThrow('SendChannel.send(): this end is closed');
    expect(() => send.clone()).toThrow(ClosedResourceError);
  });

  it('closes ends with using', () => {
    const [send, receive] = createChannel<number>();
    {
      using _send = send;
      using _receive = receive;
    }
    expect(send.closed && receive.closed).toBe(true);
  });

  it('delivers each item to exactly one of several receivers', async () => {
    const [send, receive] = createChannel<number>(4);
    const receivers = [receive, receive.clone(), receive.clone()];
    const seen: number[] = [];
    const consumers = receivers.map(async (end) => {
      for await (const n of end) seen.push(n);
    });
    for (let i = 0; i < 50; i++) await send.send(i);
    send.close();
    await Promise.all(consumers);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('drops an aborted send entirely and rejects waits in a cancelled scope', async () => {
    const [send, receive] = createChannel<string>();
    const controller = new AbortController();
    const aborted = send.send('lost', { signal: controller.signal });
    controller.abort('no');
    await expect(aborted).rejects.toBe('no');
    expect(receive.tryReceive()).toEqual({ ok: false });
    const scope = new CancelScope();
    scope.cancel();
    await scope.run(async () => {
      await expect(send.send('x')).rejects.toBe(scope.cancelError);
      await expect(receive.receive()).rejects.toBe(scope.cancelError);
    });
    const receiving = receive.receive({ signal: AbortSignal.abort('stop') });
    await expect(receiving).rejects.toBe('stop');
  });

  it('propagates unexpected errors out of async iteration', async () => {
    const [, receive] = createChannel<number>();
    const iteration = (async () => {
      for await (const _ of receive) {
        // never reached
      }
    })();
    await tick();
    receive.close();
    await expect(iteration).rejects.toThrow(ClosedResourceError);
  });

  it('accepts an unbounded buffer and rejects invalid sizes', async () => {
    const [send] = createChannel<number>(Number.POSITIVE_INFINITY);
    for (let i = 0; i < 1000; i++) expect(send.trySend(i)).toBe(true);
    expect(() => createChannel(-1)).toThrow(
      'createChannel(): maxBufferSize must be an integer >= 0 or Infinity, got -1',
    );
    expect(() => createChannel(1.5)).toThrow(/got 1.5/);
  });
});
