// scratch, not committed
import { spawnSync } from 'node:child_process';
import { startBusyProcesses } from '../support/background-load.mjs';
import { median } from '../support/median.mjs';
const variants = JSON.parse(process.argv[2]); // [{label, adapter, opts}]
const procs = Number(process.argv[3] ?? 4);
const out = Object.fromEntries(variants.map((v) => [v.label, []]));
for (let p = 0; p < procs; p++) {
  const order = p % 2 ? [...variants].reverse() : variants;
  for (const v of order) {
    const stop = startBusyProcesses(2);
    const child = spawnSync(process.execPath, ['--expose-gc', new URL('./measure.mjs', import.meta.url).pathname, '7', v.adapter, 'trivial'], { encoding: 'utf8', env: { ...process.env, ANYSYNC_OPTS: JSON.stringify(v.opts ?? {}) } });
    await stop();
    out[v.label].push(...JSON.parse(child.stdout).samples.trivial[v.adapter]);
  }
}
for (const [k, xs] of Object.entries(out)) console.log(k.padEnd(12), median(xs).toFixed(3), 'µs', xs.map((x) => x.toFixed(2)).join(' '));
