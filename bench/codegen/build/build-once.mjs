// One measuring process: builds a library with one bundler, the plugin on or off, once to warm up and
// then BUILDS times, each timed alone; prints the wall times (ms) as JSON.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { BUNDLERS } from './bundlers.mjs';

const [bundler, mode, root, builds] = process.argv.slice(2);
const build = BUNDLERS[bundler];
const out = path.join(root, `dist-${bundler}`);
const times = [];
for (let i = 0; i <= Number(builds); i += 1) {
  rmSync(out, { recursive: true, force: true });
  globalThis.gc?.();
  const started = performance.now();
  await build(root, out, mode === 'on');
  if (i > 0) times.push(performance.now() - started);
}
console.log(JSON.stringify({ times }));
