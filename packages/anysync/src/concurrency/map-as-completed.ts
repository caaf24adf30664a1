import { Deque } from '../internal/deque.js';
import { CancelScope, leaveScope } from './cancel-scope.js';
import { runInScope } from './current-scope.js';

type Submit = <T>(scope: CancelScope, fn: (signal: AbortSignal) => T | PromiseLike<T>) => Promise<T>;

type Outcome<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

function iterate<T>(items: Iterable<T> | AsyncIterable<T>): Iterator<T> | AsyncIterator<T> {
  const asyncIterable = items as AsyncIterable<T>;
  if (typeof asyncIterable[Symbol.asyncIterator] === 'function') return asyncIterable[Symbol.asyncIterator]();
  return (items as Iterable<T>)[Symbol.iterator]();
}

/**
 * The engine of `Executor.map()`: keeps at most `window` items in flight or finished-but-unconsumed (so a
 * slow consumer applies backpressure to the input), yields outcomes in completion order, and on any exit
 * cancels its own child scope and waits until every call it started has settled.
 */
export async function* mapAsCompleted<T, R>(
  submit: Submit,
  parent: CancelScope,
  window: number,
  items: Iterable<T> | AsyncIterable<T>,
  fn: (item: T, signal: AbortSignal) => R | PromiseLike<R>,
): AsyncGenerator<R, void, undefined> {
  const scope = runInScope(parent, () => new CancelScope().enter(), undefined);
  const iterator = iterate(items);
  const finished = new Deque<Outcome<R>>();
  let inFlight = 0;
  let exhausted = false;
  let wake: (() => void) | undefined;
  const settle = (outcome: Outcome<R>): void => {
    inFlight--;
    finished.push(outcome);
    wake?.();
  };
  try {
    for (;;) {
      while (!exhausted && inFlight + finished.length < window) {
        const next = await iterator.next();
        if (next.done === true) exhausted = true;
        else {
          inFlight++;
          const item = next.value;
          submit(scope, (signal) => fn(item, signal)).then(
            (value) => settle({ ok: true, value }),
            (error: unknown) => settle({ ok: false, error }),
          );
        }
      }
      const outcome = finished.shift();
      if (outcome === undefined) {
        if (inFlight === 0) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      if (!outcome.ok) throw outcome.error;
      yield outcome.value;
    }
  } finally {
    if (inFlight > 0) {
      scope.cancel('map() stopped before every item was processed');
      while (inFlight > 0) {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
    scope[leaveScope](false);
    if (!exhausted) await iterator.return?.();
  }
}
