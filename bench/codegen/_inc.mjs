import { loadCorpus } from './corpus.mjs';
const c = loadCorpus();
const words = [
  'fromAsync',
  'fetch',
  'Response',
  'ReadableStream',
  'WritableStream',
  'asyncIterator',
  'asyncDispose',
  'Promise',
  'PromiseLike',
  'Awaited',
  'AsyncIterable',
  'AsyncIterator',
  'AsyncIterableIterator',
  'AsyncGenerator',
  'AsyncGeneratorFunction',
  'AsyncIteratorObject',
  'AsyncDisposable',
  'AsyncDisposableStack',
  'disposeAsync',
  'IS_ASYNC',
  'then',
  'catch',
  'finally',
  'Async',
  'async',
  'await',
];
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  let n = 0;
  for (const f of c.files) for (const w of words) if (f.text.includes(w)) n++;
  console.log((performance.now() - t).toFixed(0), 'ms', n);
}
