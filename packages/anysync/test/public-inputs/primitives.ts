import {
  BrokenResourceError,
  BusyResourceError,
  CapacityLimiter,
  ClosedResourceError,
  Condition,
  createChannel,
  EndOfStreamError,
  Event,
  LeaseLostError,
  Lock,
  MemorySemaphoreStore,
  Permit,
  PrioritySemaphore,
  ReceiveChannel,
  ResourceGuard,
  Semaphore,
  SendChannel,
  SharedPermit,
  withPriority,
} from '../../src/primitives/index.js';
import type { Rows } from './row.js';

const noop = (): void => {};
const anyMessage = { none: 'any string is a message' };
const [sender, receiver] = createChannel<number>(1);
const request = (weight: number) => ({ token: 't', permits: 1, weight, leaseMs: 1000 });

export const rows: Rows = {
  BrokenResourceError: {
    wrongType: [
      [
        () => new BrokenResourceError(42 as never),
        TypeError,
        'BrokenResourceError: message must be a string or undefined, got 42',
      ],
    ],
    outOfRange: anyMessage,
  },
  BusyResourceError: {
    wrongType: [
      [
        () => new BusyResourceError({} as never),
        TypeError,
        'BusyResourceError: action must be a string or undefined, got an object',
      ],
    ],
    outOfRange: anyMessage,
  },
  CapacityLimiter: {
    wrongType: [
      [
        () => new CapacityLimiter('4' as never),
        TypeError,
        "CapacityLimiter: totalTokens must be an integer >= 1 or Infinity, got '4' (string)",
      ],
      [
        () => new CapacityLimiter(2).acquire({ signal: 'x' as never }),
        TypeError,
        "CapacityLimiter.acquire(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
      [
        () => new CapacityLimiter(2).run('fn' as never),
        TypeError,
        "CapacityLimiter.run(): fn must be a function, got 'fn' (string)",
      ],
    ],
    outOfRange: [
      [
        () => new CapacityLimiter(0),
        RangeError,
        'CapacityLimiter: totalTokens must be an integer >= 1 or Infinity, got 0',
      ],
      [
        () => {
          new CapacityLimiter(2).totalTokens = 1.5;
        },
        RangeError,
        'CapacityLimiter.totalTokens must be an integer >= 1 or Infinity, got 1.5',
      ],
    ],
  },
  ClosedResourceError: {
    wrongType: [
      [
        () => new ClosedResourceError(Symbol('x') as never),
        TypeError,
        'ClosedResourceError: message must be a string or undefined, got Symbol(x) (symbol)',
      ],
    ],
    outOfRange: anyMessage,
  },
  Condition: {
    wrongType: [
      [
        () => new Condition({} as never),
        TypeError,
        'Condition: lock must be a Lock or undefined, got an object',
      ],
      [
        () => new Condition().waitFor('ready' as never),
        TypeError,
        "Condition.waitFor(): predicate must be a function, got 'ready' (string)",
      ],
      [
        () => new Condition().wait({ signal: 5 as never }),
        TypeError,
        'Condition.wait(): signal must be an AbortSignal or undefined, got 5',
      ],
    ],
    outOfRange: [
      [
        () => new Condition().notify(-1),
        RangeError,
        'Condition.notify(): count must be an integer >= 0 or Infinity, got -1',
      ],
    ],
  },
  createChannel: {
    wrongType: [
      [
        () => createChannel('10' as never),
        TypeError,
        "createChannel(): maxBufferSize must be an integer >= 0 or Infinity, got '10' (string)",
      ],
    ],
    outOfRange: [
      [
        () => createChannel(-1),
        RangeError,
        'createChannel(): maxBufferSize must be an integer >= 0 or Infinity, got -1',
      ],
    ],
  },
  currentPriority: { noInputs: 'reads the ambient priority' },
  EndOfStreamError: {
    wrongType: [
      [
        () => new EndOfStreamError(1 as never),
        TypeError,
        'EndOfStreamError: message must be a string or undefined, got 1',
      ],
    ],
    outOfRange: anyMessage,
  },
  Event: {
    wrongType: [
      [
        () => new Event().wait({ signal: 'x' as never }),
        TypeError,
        "Event.wait(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
    ],
    outOfRange: { none: 'takes only wait options' },
  },
  Lock: {
    wrongType: [
      [
        () => new Lock().acquire({ signal: 'x' as never }),
        TypeError,
        "Lock.acquire(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
      [
        () => new Lock().acquire('x' as never),
        TypeError,
        "Lock.acquire(): options must be an object or undefined, got 'x' (string)",
      ],
      [() => new Lock().run(42 as never), TypeError, 'Lock.run(): fn must be a function, got 42'],
    ],
    outOfRange: { none: 'takes only a function and wait options' },
  },
  Permit: {
    wrongType: [
      [
        () => new Permit('release' as never),
        TypeError,
        "Permit: release must be a function, got 'release' (string)",
      ],
    ],
    outOfRange: { none: 'takes a function and any token' },
  },
  PrioritySemaphore: {
    wrongType: [
      [
        () => new PrioritySemaphore('1' as never),
        TypeError,
        "PrioritySemaphore: initialValue must be an integer >= 0, got '1' (string)",
      ],
      [
        () => new PrioritySemaphore(1).acquire({ priority: 'high' as never }),
        TypeError,
        "PrioritySemaphore.acquire(): priority must be a number, got 'high' (string)",
      ],
      [
        () => new PrioritySemaphore(1).acquire({ weight: 2 } as never),
        TypeError,
        'PrioritySemaphore.acquire(): weight is not an option here',
      ],
    ],
    outOfRange: [
      [
        () => new PrioritySemaphore(-1),
        RangeError,
        'PrioritySemaphore: initialValue must be an integer >= 0, got -1',
      ],
      [() => new PrioritySemaphore(1.5), RangeError, 'got 1.5'],
      [
        () => new PrioritySemaphore(1).run(noop, { priority: Number.NaN }),
        RangeError,
        'PrioritySemaphore.run(): priority must be a number other than NaN, got NaN',
      ],
    ],
  },
  ReceiveChannel: {
    wrongType: [
      [
        () => new ReceiveChannel({} as never),
        TypeError,
        'ReceiveChannel: state must be the state of a channel (create channels with createChannel()), got an object',
      ],
      [
        () => receiver.receive({ signal: 'x' as never }),
        TypeError,
        "ReceiveChannel.receive(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
    ],
    outOfRange: { none: 'made by createChannel(); its waits take only options' },
  },
  ResourceGuard: {
    wrongType: [
      [
        () => new ResourceGuard(5 as never),
        TypeError,
        'ResourceGuard: action must be a string or undefined, got 5',
      ],
      [
        () => new ResourceGuard().run('fn' as never),
        TypeError,
        "ResourceGuard.run(): fn must be a function, got 'fn' (string)",
      ],
    ],
    outOfRange: { none: 'any string names the action' },
  },
  Semaphore: {
    wrongType: [
      [
        () => new Semaphore('3' as never),
        TypeError,
        "Semaphore: initialValue must be a finite number >= 0, got '3' (string)",
      ],
      [
        () => new Semaphore(2, { maxValue: '4' as never }),
        TypeError,
        "Semaphore: maxValue must be a number >= initialValue (2) and > 0, at most 2^51 or Infinity, got '4' (string)",
      ],
      [
        () => new Semaphore(2).acquire({ weight: '1' as never }),
        TypeError,
        "Semaphore.acquire(): weight must be a number > 0 and <= maxValue (2), got '1' (string)",
      ],
      [
        () => new Semaphore(2).run(noop, { signal: 'x' as never }),
        TypeError,
        "Semaphore.run(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
      [
        () => new Semaphore(2).map([1], 'fn' as never),
        TypeError,
        "Semaphore.map(): fn must be a function, got 'fn' (string)",
      ],
      [
        () => new Semaphore(2).map(3 as never, noop),
        TypeError,
        'Semaphore.map(): items must be an iterable, got 3',
      ],
    ],
    outOfRange: [
      // A wait that could never end is refused at once (issue 14: it waited forever).
      [
        () => new Semaphore(2).acquire({ weight: 5 }),
        RangeError,
        'Semaphore.acquire(): weight must be a number > 0 and <= maxValue (2): a heavier one could never be granted, got 5',
      ],
      [() => new Semaphore(-1), RangeError, 'Semaphore: initialValue must be a finite number >= 0, got -1'],
      [
        () => new Semaphore(3, { maxValue: 2 }),
        RangeError,
        'Semaphore: maxValue must be a number >= initialValue (3) and > 0, at most 2^51 or Infinity, got 2',
      ],
      [
        () => new Semaphore(2).tryAcquire(0),
        RangeError,
        'Semaphore.tryAcquire(): weight must be a number > 0 and <= maxValue (2), got 0',
      ],
      [
        () => new Semaphore(2).release(),
        RangeError,
        'Semaphore.release(): releasing 1 would exceed maxValue 2',
      ],
      [
        () => new Semaphore(0).release(0.5),
        RangeError,
        'Semaphore.release(): weight must be a whole number >= 1 on an unbounded semaphore',
      ],
    ],
  },
  SendChannel: {
    wrongType: [
      [
        () => new SendChannel(undefined as never),
        TypeError,
        'SendChannel: state must be the state of a channel (create channels with createChannel()), got undefined',
      ],
      [
        () => sender.send(1, { signal: 'x' as never }),
        TypeError,
        "SendChannel.send(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
    ],
    outOfRange: { none: 'made by createChannel(); send() takes any value' },
  },
  withPriority: {
    wrongType: [
      [
        () => withPriority('high' as never, noop),
        TypeError,
        "withPriority(): priority must be a number, got 'high' (string)",
      ],
      [
        () => withPriority(1, undefined as never),
        TypeError,
        'withPriority(): fn must be a function, got undefined',
      ],
    ],
    outOfRange: [
      [
        () => withPriority(Number.NaN, noop),
        RangeError,
        'withPriority(): priority must be a number other than NaN, got NaN',
      ],
    ],
  },
  LeaseLostError: {
    wrongType: [
      [
        () => new LeaseLostError(1 as never, 'expired'),
        TypeError,
        'LeaseLostError: resource must be a string, got 1',
      ],
    ],
    outOfRange: { none: 'two strings: any resource name and reason' },
  },
  MemorySemaphoreStore: {
    wrongType: [
      [
        () => new MemorySemaphoreStore().acquire(42 as never, request(1)),
        TypeError,
        'MemorySemaphoreStore.acquire(): name must be a non-empty string, got 42',
        'rejects',
      ],
      [
        () => new MemorySemaphoreStore().acquire('jobs', null as never),
        TypeError,
        'MemorySemaphoreStore.acquire(): the request must be an object, got null',
        'rejects',
      ],
    ],
    outOfRange: [
      [
        () => new MemorySemaphoreStore().acquire('jobs', request(2)),
        RangeError,
        'MemorySemaphoreStore.acquire(): weight must be a number > 0 and <= permits (1), got 2',
        'rejects',
      ],
    ],
  },
  SharedPermit: {
    wrongType: [
      [
        () => new SharedPermit('release' as never, 1, 1),
        TypeError,
        "SharedPermit: release must be a function, got 'release' (string)",
      ],
    ],
    outOfRange: [
      [
        () => new SharedPermit(async () => {}, -1, 1),
        RangeError,
        'SharedPermit: fencingToken must be an integer >= 0, got -1',
      ],
    ],
  },
};
