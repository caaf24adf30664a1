// bench/redis: anysync's Redis stores against rate-limiter-flexible (Redis store), bottleneck (Redis
// clustering) and redis-semaphore, all on one redis-server started here (Debian's, on a free loopback port,
// no persistence). Every (workload, contender) pair runs in fresh processes, interleaved round by round;
// the figures are medians over the processes. Commands per operation come from the server's INFO
// commandstats (every command a script runs counts, EVALSHA included).
//
//   node bench/redis/run.mjs [--processes 5] [--only hot-50,over-limit] [--no-write] [--quiet-load 0.6]
//                            [--loaded]   (one busy process per core beside each workload; writes redis-loaded.md)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBusyProcesses } from '../support/background-load.mjs';
import { median } from '../support/median.mjs';
import { waitForQuietLoad } from '../support/quiet-load.mjs';
import { commitLabel, machineLine, packageVersion } from '../support/run-facts.mjs';
import { lineup, workloads } from './workloads.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    processes: { type: 'string', default: '5' },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    'quiet-load': { type: 'string', default: '0.6' },
    loaded: { type: 'boolean', default: false },
  },
});
const processes = Number(args.processes);
const selected = args.only ? args.only.split(',') : Object.keys(workloads);
const write = !args['no-write'] && !args.only;
const busyCount = os.availableParallelism();
const resultFile = args.loaded ? 'redis-loaded.md' : 'redis.md';

let redisVersion;
try {
  redisVersion = execFileSync('redis-server', ['--version'], { encoding: 'utf8' }).match(/v=(\S+)/)?.[1];
} catch {
  console.log('bench/redis: skipped (redis-server is not installed; Debian: apt-get install redis-server)');
  process.exit(0);
}

const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
const redis = spawn(
  'redis-server',
  ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
  {
    stdio: 'ignore',
  },
);
const cli = (...argv) =>
  execFileSync('redis-cli', ['-p', String(port), ...argv], { encoding: 'utf8' }).trim();
for (let tries = 0; ; tries++) {
  try {
    if (cli('ping') === 'PONG') break;
  } catch {}
  if (tries > 100) throw new Error('redis-server did not start');
  await new Promise((resolve) => setTimeout(resolve, 50));
}

function sample(workload, contender) {
  cli('flushall');
  cli('config', 'resetstat');
  const child = spawnSync(process.execPath, [join(here, 'worker.mjs'), workload, contender, String(port)], {
    encoding: 'utf8',
    maxBuffer: 1 << 22,
    timeout: 300_000,
  });
  if (child.status !== 0) throw new Error(`${contender} on ${workload} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

const loadBefore = os.loadavg()[0];
const sections = [];
const loads = [];
const verdicts = [];
/** Algorithms at least as strict as rate-limiter-flexible's fixed window: the target is met with these. */
const STRICT = /^anysync (gcra|sliding-log)/;
const ratio = (a, b) => `${(a.opsPerSecond / b.opsPerSecond).toFixed(2)}×`;
const best = (rows) => rows.reduce((a, b) => (b.opsPerSecond > a.opsPerSecond ? b : a));
try {
  for (const name of selected) {
    const workload = workloads[name];
    // Loaded, only the first workload waits: the load average lags the busy processes just stopped.
    if (!args.loaded || name === selected[0]) await waitForQuietLoad(Number(args['quiet-load']));
    // The stated load starts once the machine is quiet, so it is the only one.
    const stopBusy = args.loaded ? startBusyProcesses(busyCount) : undefined;
    const names = lineup(name);
    const samples = Object.fromEntries(names.map((contender) => [contender, []]));
    const seen = [];
    for (let round = 0; round < processes; round++) {
      const order = names.map((_, i) => names[(i + round) % names.length]);
      for (const contender of order) {
        seen.push(os.loadavg()[0]);
        samples[contender].push(sample(name, contender));
      }
    }
    await stopBusy?.();
    loads.push(`${name} ${Math.min(...seen).toFixed(1)}–${Math.max(...seen).toFixed(1)}`);
    const semaphore = workload.kind === 'semaphore';
    const rows = names.map((contender) => {
      const runs = samples[contender];
      const failed = runs.filter((run) => !run.check.ok);
      const of = (field) => median(runs.map((run) => run[field]));
      return {
        contender,
        opsPerSecond: of('opsPerSecond'),
        p50: of('p50'),
        p99: of('p99'),
        commandsPerOp: of('commandsPerOp'),
        clientCpuUs: of('clientCpuUs'),
        serverCpuUs: of('serverCpuUs'),
        overtaken: semaphore ? of('overtaken') : undefined,
        commands: runs.at(-1).commands,
        check: failed.length === 0 ? 'ok' : `FAILED ${JSON.stringify(failed[0].check)}`,
      };
    });
    const table = [
      `## ${workload.title} (\`${name}\`)`,
      '',
      `| contender | ops/s | p50 ms | p99 ms | Redis commands/op | client CPU µs/op | Redis CPU µs/op |${semaphore ? ' overtaken |' : ''} check |`,
      `|---|---:|---:|---:|---:|---:|---:|${semaphore ? '---:|' : ''}---|`,
      ...rows.map(
        (row) =>
          `| ${row.contender} | ${Math.round(row.opsPerSecond)} | ${row.p50.toFixed(2)} | ${row.p99.toFixed(2)} | ${row.commandsPerOp.toFixed(2)} | ${row.clientCpuUs.toFixed(1)} | ${row.serverCpuUs.toFixed(1)} |${semaphore ? ` ${(row.overtaken * 100).toFixed(1)}% |` : ''} ${row.check} |`,
      ),
      '',
      `Commands of one run, by name: ${rows
        .map(
          (row) =>
            `${row.contender}: ${Object.entries(row.commands)
              .map(([command, calls]) => `${command} ${calls}`)
              .join(', ')}`,
        )
        .join('; ')}.`,
    ].join('\n');
    console.log(`\n${table}`);
    sections.push(table);
    const peers = rows.filter((row) => !row.contender.startsWith('anysync'));
    const bestPeer = best(peers);
    if (semaphore) {
      const ours = best(rows.filter((row) => row.contender.startsWith('anysync')));
      verdicts.push(
        `- ${ours.opsPerSecond >= bestPeer.opsPerSecond ? 'MET' : 'NOT MET'}: ${name} throughput, ${ours.contender} (FIFO: ${(ours.overtaken * 100).toFixed(1)}% overtaken) vs ${bestPeer.contender} (${(bestPeer.overtaken * 100).toFixed(1)}% overtaken): ${ratio(ours, bestPeer)} (target ≥ 1×)`,
      );
      continue;
    }
    const strict = best(rows.filter((row) => STRICT.test(row.contender)));
    verdicts.push(
      `- ${strict.opsPerSecond >= bestPeer.opsPerSecond ? 'MET' : 'NOT MET'}: ${name} throughput, best anysync at equal or better correctness (${strict.contender}) vs best peer (${bestPeer.contender}): ${ratio(strict, bestPeer)} (target ≥ 1×)`,
    );
    const log = rows.find((row) => row.contender === 'anysync sliding-log');
    if (log !== undefined && log !== strict) {
      verdicts.push(`  - the exact sliding log alone: ${ratio(log, bestPeer)} of ${bestPeer.contender}`);
    }
    if (name === 'over-limit') {
      for (const row of rows.filter((each) => each.contender.startsWith('anysync'))) {
        const fewest = peers.reduce((a, b) => (b.commandsPerOp < a.commandsPerOp ? b : a));
        verdicts.push(
          `- ${row.commandsPerOp < fewest.commandsPerOp ? 'MET' : 'NOT MET'}: over-limit commands/op, ${row.contender} ${row.commandsPerOp.toFixed(2)} vs ${fewest.contender} ${fewest.commandsPerOp.toFixed(2)} (target: fewer)`,
        );
      }
    }
  }
} finally {
  redis.kill('SIGTERM');
}

console.log(`\n${verdicts.join('\n')}`);
if (write) {
  const text = `# bench/redis results${args.loaded ? ', loaded' : ''}

Generated by \`node bench/redis/run.mjs${args.loaded ? ' --loaded' : ''}\` (after \`npm run build\`). Do not edit this file by hand.

- Machine: ${machineLine()}
- Runtime: Node ${process.version}; Redis ${redisVersion} (Debian's redis-server, started by the benchmark on a loopback port, no persistence; every contender uses the same server, one at a time)
- Load: the machine is shared; ${args.loaded ? 'the first workload' : 'each workload'} waited (up to 2 min) for the 1-minute load average to fall under ${args['quiet-load']}${args.loaded ? `, then ran beside ${busyCount} busy processes (one per core, \`for (;;) {}\`) started by the runner and stopped after it` : ''}. The run started at a load average of ${loadBefore.toFixed(2)}; lowest–highest while each workload's processes ran: ${loads.join('; ')}. Under load, ops/s and latencies swing from run to run (each process waits for a core as much as for Redis); the CPU columns and the commands per operation move far less.
- Commit: ${commitLabel()}; run at ${new Date().toISOString()}
- Peers: rate-limiter-flexible ${packageVersion('rate-limiter-flexible')} (RateLimiterRedis: on ioredis ${packageVersion('ioredis')}, its documented setup; on ioredis with \`enableAutoPipelining\`; on node-redis ${packageVersion('redis')}, where it sends the script's source with EVAL on every call), bottleneck ${packageVersion('bottleneck')} (datastore ioredis), redis-semaphore ${packageVersion('redis-semaphore')} (ioredis); anysync on node-redis ${packageVersion('redis')} unless marked (ioredis)
- Method: every (workload, contender) pair runs in ${processes} fresh processes, interleaved and rotated round by round, each after FLUSHALL and CONFIG RESETSTAT and a warm-up; figures are medians over the processes. Rate-limit calls are one \`consume(key)\` each (anysync: \`RateLimiter.consume()\`, one limiter per key; bottleneck: \`schedule()\`, which queues rather than refuses). Latency is per call, from the call to its answer. Commands/op is the server's INFO commandstats delta over the timed calls divided by their number (every command a script runs counts, EVALSHA included). Client CPU is the benchmark process's user+system time per operation (its driving loop included); Redis CPU the server's (INFO cpu), both over the timed calls. Each run is checked: all calls admitted (or, over the limit, none), and never more semaphore holders than permits.
- What is compared: rate-limiter-flexible counts in a fixed window that starts at a key's first hit (up to twice the limit across a window boundary); anysync's GCRA (a token bucket: a burst of the limit, then an even refill) and sliding log (exact: at most the limit in every window) never allow that, so the throughput target is judged on those two; the sliding counter, an approximation, is listed for its cost. anysync's calls of one process share script runs (those of one event-loop turn go together at its end; while two runs are on their way, later calls wait for one to return; up to 256 a run, each limit's calls decided in arrival order exactly as if alone; on one Redis server a run holds calls on any limits, so random keys batch too), so its commands/op count each run's commands once for all the calls it decides; rate-limiter-flexible and bottleneck send each call on its own. In the semaphore workload, redis-semaphore's waiters poll every 10 ms and whoever polls first gets a freed permit (the releasing process often takes its own back); anysync serves one FIFO queue in Redis and wakes the head. "overtaken" is the share of acquisitions that a later arrival got in before (by more than 1 ms).

## Targets

${verdicts.join('\n')}

${sections.join('\n\n')}
`;
  writeFileSync(join(here, '..', 'results', resultFile), text);
  console.log(`\nwrote bench/results/${resultFile}`);
}
