type WaitAsyncResult =
  | { readonly async: false; readonly value: 'not-equal' | 'timed-out' }
  | { readonly async: true; readonly value: Promise<'ok' | 'timed-out'> };

type WaitAsync = (array: Int32Array, index: number, value: number) => WaitAsyncResult;

const native = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;

/** Polls until the word changes, backing off to 16 ms, where `Atomics.waitAsync` is missing (old Firefox). */
function poll(array: Int32Array, index: number, value: number): WaitAsyncResult {
  if (Atomics.load(array, index) !== value) return { async: false, value: 'not-equal' };
  return {
    async: true,
    value: new Promise((resolve) => {
      let delay = 1;
      const check = (): void => {
        if (Atomics.load(array, index) !== value) {
          resolve('ok');
          return;
        }
        delay = Math.min(16, delay * 2);
        setTimeout(check, delay);
      };
      setTimeout(check, delay);
    }),
  };
}

/**
 * `Atomics.waitAsync(array, index, value)`: a promise that settles once another thread changes the word
 * and notifies, without blocking this thread. (Declared here because TypeScript's ES2023 library, which
 * the project targets, does not know it yet.)
 */
export const waitAsync: WaitAsync =
  native === undefined ? poll : (array, index, value) => native(array, index, value);
