import {
  abortable,
  BackgroundTasks,
  CancelledError,
  CancelScope,
  checkpoint,
  Executor,
  failAfter,
  failAt,
  moveOnAfter,
  moveOnAt,
  sleep,
  sleepForever,
  sleepUntil,
  TaskGroup,
  TaskGroupError,
  TimeoutError,
  throwIfCancelled,
  withTaskGroup,
} from '../../src/concurrency/index.js';
import type { Rows } from './row.js';

const noop = (): void => {};
const noRange = { none: 'no number among its inputs: a function, a signal, options' };

export const rows: Rows = {
  abortable: {
    wrongType: [
      [() => abortable(42 as never), TypeError, 'abortable(): promise must be a promise or thenable, got 42'],
      [
        () => abortable(Promise.resolve(), { signal: 'x' as never }),
        TypeError,
        "abortable(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
    ],
    outOfRange: noRange,
  },
  BackgroundTasks: {
    wrongType: [
      [
        () => new BackgroundTasks({ onError: 'log' as never }),
        TypeError,
        "BackgroundTasks: onError must be a function or undefined, got 'log' (string)",
      ],
      [
        () => new BackgroundTasks().spawn(undefined as never),
        TypeError,
        'BackgroundTasks.spawn(): fn must be a function, got undefined',
      ],
      [
        () => new BackgroundTasks({ exitTimeout: '5' as never }),
        TypeError,
        "BackgroundTasks: exitTimeout must be a number of milliseconds >= 0 (or Infinity), got '5' (string)",
      ],
    ],
    outOfRange: [
      [
        () => new BackgroundTasks({ exitTimeout: -1 }),
        RangeError,
        'BackgroundTasks: exitTimeout must be a number of milliseconds >= 0 (or Infinity), got -1',
      ],
      [
        () => new BackgroundTasks({ exitTimout: 5 } as never),
        TypeError,
        "BackgroundTasks: unknown option 'exitTimout' (did you mean 'exitTimeout'?)",
      ],
    ],
  },
  CancelScope: {
    wrongType: [
      [
        () => new CancelScope({ timeout: '100' as never }),
        TypeError,
        "CancelScope: timeout must be a number of milliseconds >= 0 (or Infinity), got '100' (string)",
      ],
      [
        () => new CancelScope({ shield: 'yes' as never }),
        TypeError,
        "CancelScope: shield must be true, false or undefined, got 'yes' (string)",
      ],
      [
        () => new CancelScope({ signal: {} as never }),
        TypeError,
        'CancelScope: signal must be an AbortSignal or undefined, got an object',
      ],
      [
        () => new CancelScope().run(null as never),
        TypeError,
        'CancelScope.run(): fn must be a function, got null',
      ],
      [
        () => new CancelScope().addCancelListener(noop as never),
        TypeError,
        'CancelScope.addCancelListener(): listener must be an object with an onCancel method',
      ],
    ],
    outOfRange: [
      [
        () => new CancelScope({ timeout: -1 }),
        RangeError,
        'CancelScope: timeout must be a number of milliseconds >= 0 (or Infinity), got -1',
      ],
      [
        () => new CancelScope({ deadline: Number.NaN }),
        RangeError,
        'CancelScope: deadline must be a number other than NaN, got NaN',
      ],
      [
        () => {
          new CancelScope().deadline = Number.NaN;
        },
        RangeError,
        'CancelScope.deadline must be a number other than NaN, got NaN',
      ],
    ],
  },
  CancelledError: {
    wrongType: [
      [
        () => new CancelledError({} as never, 'why'),
        TypeError,
        'CancelledError: scope must be a CancelScope, got an object',
      ],
      [
        () => new CancelledError(new CancelScope(), 'why', 1 as never),
        TypeError,
        'CancelledError: deadlineExceeded must be true, false or undefined, got 1',
      ],
    ],
    outOfRange: { none: 'a scope, any reason and a flag: no value of the right type is impossible' },
  },
  checkpoint: {
    wrongType: [
      [
        () => checkpoint('now' as never),
        TypeError,
        "checkpoint(): options must be an object or undefined, got 'now' (string)",
      ],
    ],
    outOfRange: { none: 'takes only wait options' },
  },
  currentEffectiveDeadline: { noInputs: 'reads the ambient cancel scopes' },
  currentScope: { noInputs: 'reads the ambient cancel scope' },
  currentSignal: { noInputs: 'reads the ambient cancel scope' },
  currentTime: { noInputs: 'reads the clock' },
  Executor: {
    wrongType: [
      [
        () => new Executor({ maxConcurrency: '4' as never }),
        TypeError,
        "Executor: maxConcurrency must be an integer >= 1 or Infinity, got '4' (string)",
      ],
      [
        () => new Executor().submit('task' as never),
        TypeError,
        "Executor.submit(): fn must be a function, got 'task' (string)",
      ],
      [
        () => new Executor().map(42 as never, noop),
        TypeError,
        'Executor.map(): items must be an iterable or async iterable, got 42',
      ],
      [
        () => new Executor().shutdown({ cancel: 'yes' as never }),
        TypeError,
        "Executor.shutdown(): cancel must be true, false or undefined, got 'yes' (string)",
      ],
    ],
    outOfRange: [
      [
        () => new Executor({ maxConcurrency: 0 }),
        RangeError,
        'Executor: maxConcurrency must be an integer >= 1 or Infinity, got 0',
      ],
      [() => new Executor({ maxConcurrency: 2.5 }), RangeError, 'got 2.5'],
    ],
  },
  failAfter: {
    wrongType: [
      [
        () => failAfter('1000' as never, noop),
        TypeError,
        "failAfter(): ms must be a number of milliseconds >= 0 (or Infinity), got '1000' (string)",
      ],
      [
        () => failAfter(1000, 'fn' as never),
        TypeError,
        "failAfter(): fn must be a function, got 'fn' (string)",
      ],
      [
        () => failAfter(1000, noop, { shield: 1 as never }),
        TypeError,
        'failAfter(): shield must be true, false or undefined, got 1',
      ],
    ],
    outOfRange: [
      [
        () => failAfter(-1, noop),
        RangeError,
        'failAfter(): ms must be a number of milliseconds >= 0 (or Infinity), got -1',
      ],
    ],
  },
  failAt: {
    wrongType: [
      [
        () => failAt('soon' as never, noop),
        TypeError,
        "failAt(): deadline must be a number, got 'soon' (string)",
      ],
    ],
    outOfRange: [
      [
        () => failAt(Number.NaN, noop),
        RangeError,
        'failAt(): deadline must be a number other than NaN, got NaN',
      ],
    ],
  },
  isCancellation: { anyValue: 'answers for any value whether it is a cancellation' },
  moveOnAfter: {
    wrongType: [
      [
        () => moveOnAfter(null as never, noop),
        TypeError,
        'moveOnAfter(): ms must be a number of milliseconds >= 0 (or Infinity), got null',
      ],
      [
        () => moveOnAfter(10, noop, { signal: 'x' as never }),
        TypeError,
        "moveOnAfter(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
    ],
    outOfRange: [
      [
        () => moveOnAfter(-1, noop),
        RangeError,
        'moveOnAfter(): ms must be a number of milliseconds >= 0 (or Infinity), got -1',
      ],
    ],
  },
  moveOnAt: {
    wrongType: [
      [
        () => moveOnAt(new Date() as never, noop),
        TypeError,
        'moveOnAt(): deadline must be a number, got an instance of Date',
      ],
    ],
    outOfRange: [
      [
        () => moveOnAt(Number.NaN, noop),
        RangeError,
        'moveOnAt(): deadline must be a number other than NaN, got NaN',
      ],
    ],
  },
  sleep: {
    wrongType: [
      [
        () => sleep('10' as never),
        TypeError,
        "sleep(): ms must be a number of milliseconds >= 0 (or Infinity), got '10' (string)",
      ],
      [
        () => sleep(10, { signal: 'x' as never }),
        TypeError,
        "sleep(): signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
    ],
    outOfRange: [
      [
        () => sleep(-5),
        RangeError,
        'sleep(): ms must be a number of milliseconds >= 0 (or Infinity), got -5',
      ],
      [() => sleep(Number.NaN), RangeError, 'got NaN'],
    ],
  },
  sleepForever: {
    wrongType: [
      [
        () => sleepForever({ signal: 1 as never }),
        TypeError,
        'sleepForever(): signal must be an AbortSignal or undefined, got 1',
      ],
    ],
    outOfRange: { none: 'takes only wait options' },
  },
  sleepUntil: {
    wrongType: [
      [
        () => sleepUntil('later' as never),
        TypeError,
        "sleepUntil(): deadline must be a number, got 'later' (string)",
      ],
    ],
    outOfRange: [
      [
        () => sleepUntil(Number.NaN),
        RangeError,
        'sleepUntil(): deadline must be a number other than NaN, got NaN',
      ],
    ],
  },
  TaskGroup: {
    wrongType: [
      [
        () => new TaskGroup({ signal: true as never }),
        TypeError,
        'TaskGroup: signal must be an AbortSignal or undefined, got true (boolean)',
      ],
      [
        () => new TaskGroup().spawn(42 as never),
        TypeError,
        'TaskGroup.spawn(): fn must be a function, got 42',
      ],
      [
        () => new TaskGroup().start(undefined as never),
        TypeError,
        'TaskGroup.start(): fn must be a function, got undefined',
      ],
    ],
    outOfRange: noRange,
  },
  TaskGroupError: {
    wrongType: [
      [
        () => new TaskGroupError('failed' as never),
        TypeError,
        "TaskGroupError: errors must be an array of at least one error, got 'failed' (string)",
      ],
    ],
    outOfRange: [
      [
        () => new TaskGroupError([]),
        RangeError,
        'TaskGroupError: errors must be an array of at least one error, got an array (length 0)',
      ],
    ],
  },
  throwIfCancelled: {
    wrongType: [
      [
        () => throwIfCancelled({ signal: new AbortController() as never }),
        TypeError,
        'throwIfCancelled(): signal must be an AbortSignal or undefined, got an instance of AbortController',
      ],
    ],
    outOfRange: { none: 'takes only wait options' },
  },
  TimeoutError: {
    wrongType: [
      [
        () => new TimeoutError(42 as never),
        TypeError,
        'TimeoutError: message must be a string or undefined, got 42',
      ],
    ],
    outOfRange: { none: 'any string is a message' },
  },
  withTaskGroup: {
    wrongType: [
      [
        () => withTaskGroup('body' as never),
        TypeError,
        "withTaskGroup(): body must be a function, got 'body' (string)",
      ],
      [
        () => withTaskGroup(noop, { signal: 'x' as never }),
        TypeError,
        "TaskGroup: signal must be an AbortSignal or undefined, got 'x' (string)",
      ],
    ],
    outOfRange: noRange,
  },
};
