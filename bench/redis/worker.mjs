// One measurement of bench/redis, in a fresh process: makes the contender, warms it up, runs the workload
// while counting the server's commands (INFO commandstats), checks the outcome, prints one JSON line.
import { createClient } from 'redis';
import { contenders, workloads } from './workloads.mjs';

const [workloadName, contenderName, port] = [process.argv[2], process.argv[3], Number(process.argv[4])];
const workload = workloads[workloadName];
const contender = contenders[contenderName];
const adapter = await import(`./adapters/${contender.module}.mjs`);
const admin = await createClient({ url: `redis://127.0.0.1:${port}` }).connect();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every command the server ran so far, by name (INFO itself left out), and the server's CPU seconds. */
async function commandCounts() {
  const counts = {};
  for (const line of (await admin.info('commandstats')).split('\n')) {
    const match = /^cmdstat_([^:]+):calls=(\d+)/.exec(line.trim());
    if (match && match[1] !== 'info') counts[match[1]] = Number(match[2]);
  }
  const cpu = await admin.info('cpu');
  const seconds = (name) => Number(new RegExp(`${name}:([\\d.]+)`).exec(cpu)?.[1] ?? Number.NaN);
  return { counts, serverCpu: seconds('used_cpu_user') + seconds('used_cpu_sys') };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

/** Runs `count` calls of `call(i)` with `concurrency` in flight; returns each call's latency in ms. */
async function drive(count, concurrency, call) {
  const latencies = new Array(count);
  let next = 0;
  const lanes = Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      const started = performance.now();
      await call(i);
      latencies[i] = performance.now() - started;
    }
  });
  await Promise.all(lanes);
  return latencies;
}

async function rate() {
  const made = await adapter.rateLimiter({
    port,
    limit: workload.limit,
    intervalMs: workload.intervalMs,
    ...contender.options,
  });
  const keyOf = (i) => (workload.keys === 1 ? 'hot' : `key-${(i * 7919) % workload.keys}`);
  let admitted = 0;
  const call = async (i) => {
    if (await made.consume(keyOf(i))) admitted++;
  };
  if (workload.overLimit) await call(0); // takes the one unit: every later call is over the limit
  await drive(2000, workload.concurrency, (i) => call(i + 1_000_000)); // warm-up, other keys
  const warmAdmitted = admitted;
  const before = await commandCounts();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const latencies = await drive(workload.ops, workload.concurrency, call);
  const seconds = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(cpu);
  const after = await commandCounts();
  await made.close();
  const timedAdmitted = admitted - warmAdmitted;
  const expected = workload.overLimit ? 0 : workload.ops;
  return {
    ops: workload.ops,
    seconds,
    latencies,
    before,
    after,
    clientCpu,
    check: { admitted: timedAdmitted, expected, ok: timedAdmitted === expected },
  };
}

async function semaphore() {
  const made = await adapter.semaphore({ port, permits: workload.permits, ...contender.options });
  let inside = 0;
  let most = 0;
  const hold = async () => {
    most = Math.max(most, ++inside);
    await sleep(workload.holdMs);
    inside--;
  };
  await drive(50, 10, () => made.run(hold)); // warm-up
  most = 0;
  // When each acquisition asked and when it got in, to count how many were overtaken by a later arrival.
  const asked = [];
  const got = [];
  const before = await commandCounts();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const latencies = [];
  await Promise.all(
    Array.from({ length: workload.contenders }, async () => {
      for (let c = 0; c < workload.cycles; c++) {
        const begun = performance.now();
        let entered = 0;
        await made.run(() => {
          entered = performance.now();
          return hold();
        });
        asked.push(begun);
        got.push(entered);
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(cpu);
  const after = await commandCounts();
  await made.close();
  const ops = workload.contenders * workload.cycles;
  return {
    ops,
    seconds,
    latencies,
    before,
    after,
    clientCpu,
    overtaken: overtakenShare(asked, got),
    check: { mostInside: most, ok: most <= workload.permits },
  };
}

/**
 * The share of acquisitions that some later arrival got in before (FIFO gives none, give or take
 * arrivals within the same millisecond): each is compared with every later arrival.
 */
function overtakenShare(asked, got) {
  const order = asked.map((_, i) => i).sort((a, b) => asked[a] - asked[b]);
  let overtaken = 0;
  let laterFirst = Number.POSITIVE_INFINITY;
  // From the last arrival back: the earliest entry among those who arrived later.
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    if (laterFirst < got[i] - 1) overtaken++;
    laterFirst = Math.min(laterFirst, got[i]);
  }
  return overtaken / order.length;
}

const result = workload.kind === 'rate' ? await rate() : await semaphore();
const sorted = result.latencies.sort((a, b) => a - b);
let commands = 0;
const byName = {};
for (const [name, calls] of Object.entries(result.after.counts)) {
  const delta = calls - (result.before.counts[name] ?? 0);
  if (delta > 0) {
    commands += delta;
    byName[name] = delta;
  }
}
await admin.destroy();
console.log(
  JSON.stringify({
    opsPerSecond: result.ops / result.seconds,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    commandsPerOp: commands / result.ops,
    clientCpuUs: (result.clientCpu.user + result.clientCpu.system) / result.ops,
    serverCpuUs: ((result.after.serverCpu - result.before.serverCpu) * 1e6) / result.ops,
    overtaken: result.overtaken,
    commands: byName,
    check: result.check,
  }),
);
process.exit(0);
