// make-synchronized: loads the module in a worker and proxies its exported functions. Arguments and
// results are cloned; it cannot iterate generators or construct classes.
import makeSynchronized from 'make-synchronized';

export const name = 'make-synchronized';

export async function create() {
  const api = makeSynchronized(new URL('../workers/handlers.mjs', import.meta.url));
  return {
    trivial: (x) => api.trivial(x),
    options: (text, bag) => api.options(text, bag),
    transform: (source, bag) => api.transform(source, bag),
    stringLength: (text) => api.stringLength(text),
    bufferEcho: (bytes) => api.bufferEcho(bytes),
    timer: (x) => api.timer(x),
    close: () => {},
  };
}
