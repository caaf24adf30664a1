// anysync/synchronizer: the module is loaded once on the synchronizer's worker and used through its proxy.
import { Synchronizer, transfer } from 'anysync/synchronizer';

export const name = 'anysync';

export async function create() {
  const sync = new Synchronizer(JSON.parse(process.env.ANYSYNC_OPTS ?? '{}'));
  const api = sync.load(new URL('../workers/handlers.mjs', import.meta.url));
  return {
    trivial: api.trivial,
    options: api.options,
    transform: api.transform,
    stringLength: api.stringLength,
    bufferEcho: (bytes) => api.bufferEcho(transfer(bytes, [bytes.buffer])),
    timer: api.timer,
    iterate(count) {
      let sum = 0;
      for (const item of api.items(count)) sum += item;
      return sum;
    },
    counter() {
      const counter = new api.Counter();
      return { increment: () => counter.increment() };
    },
    close: () => sync.close(),
  };
}
