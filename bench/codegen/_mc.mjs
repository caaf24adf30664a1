import { loadCorpus } from './corpus.mjs';
const c = loadCorpus();
const W = [
  'async',
  'Async',
  'await',
  'Promise',
  'Awaited',
  'then',
  'catch',
  'finally',
  'fetch',
  'Response',
  'ReadableStream',
  'WritableStream',
  'anysync-',
  'IS_ASYNC',
  'promises',
  'fs/promises',
  'timers/promises',
  'events',
  'stream/promises',
  'readline/promises',
  'dns/promises',
];
const re = new RegExp(W.map((w) => w.replace(/[/-]/g, '\\$&')).join('|'));
const re2 =
  /async|Async|await|Promise|Awaited|then|catch|finally|fetch|Response|ReadableStream|WritableStream|anysync-|IS_ASYNC|promises|events/;
for (let r = 0; r < 4; r++) {
  let t = performance.now();
  let n = 0;
  for (const f of c.files) {
    for (const w of W)
      if (f.text.includes(w)) {
        n++;
        break;
      }
  }
  const a = performance.now() - t;
  t = performance.now();
  let m = 0;
  for (const f of c.files) if (re.test(f.text)) m++;
  const b = performance.now() - t;
  t = performance.now();
  let k = 0;
  for (const f of c.files) if (re2.test(f.text)) k++;
  const d = performance.now() - t;
  console.log('includes', a.toFixed(1), n, 'regex', b.toFixed(1), m, 'regex2', d.toFixed(1), k);
}
