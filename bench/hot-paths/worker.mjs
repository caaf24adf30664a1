// One process: loads one build of anysync (its dist directory), runs one workload for a few rounds and
// prints the per-operation times (ns of CPU time: on a shared machine, wall time mostly measures the
// other processes) and its check figure as JSON.
import { pathToFileURL } from 'node:url';
import { workloads } from './workloads.mjs';

const [dist, name, warmup, rounds] = process.argv.slice(2);
const load = (subpath) => import(pathToFileURL(`${dist}/${subpath}/index.js`).href);
const modules = {
  primitives: await load('primitives'),
  cache: await load('cache'),
  rateLimit: await load('rate-limit'),
};
const workload = workloads[name];
const times = [];
let check;
for (let round = 0; round < Number(warmup) + Number(rounds); round++) {
  const started = process.cpuUsage();
  const result = await workload.run(modules);
  const used = process.cpuUsage(started);
  if (round >= Number(warmup)) times.push(((used.user + used.system) * 1000) / result.ops);
  check = result.check;
}
console.log(JSON.stringify({ times, check }));
