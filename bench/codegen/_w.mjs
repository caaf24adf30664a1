import { loadCorpus } from './corpus.mjs';
const c = loadCorpus();
const W =
  /async|await|Async|Promise|Awaited|then|catch|finally|fetch|Response|ReadableStream|WritableStream|anysync-|IS_ASYNC|promises/;
let n = 0,
  b = 0;
const per = {};
for (const f of c.files) {
  const m = f.text.match(W);
  if (!m) {
    n++;
    b += Buffer.byteLength(f.text);
  }
}
console.log('needle-free', n, c.files.length, (b / 1e6).toFixed(2), 'MB of', (c.bytes / 1e6).toFixed(2));
