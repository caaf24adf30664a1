// Runs two instances (real processes) against a throwaway redis-server and shows, from what they
// printed, that together they kept to 4 calls a second and that the 429 met by one held both.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { redisMissing, startLocalRedis } from './local-redis.js';

interface Line {
  readonly id: string;
  readonly call?: number;
  /** Seconds since the start when the limiter admitted the call, on Redis's clock. */
  readonly admittedAt?: number;
  /** Seconds since the start when the call reached the lockout's gate, and when the gate let it through. */
  readonly enteredGate?: number;
  readonly passedGate?: number;
  /** Seconds since the start just before the lockout was set (on the line that reports it). */
  readonly lockFrom?: number;
  /** Seconds since the start when the line was printed. */
  readonly at: number;
  readonly status?: number;
  readonly lockedForMs?: number;
}

const missing = redisMissing();
if (missing !== undefined) {
  console.log(`shared-limits: skipped (${missing})`);
  process.exit(0);
}

const redis = await startLocalRedis();
const instance = fileURLToPath(new URL('./instance.js', import.meta.url));
const startedAt = String(Date.now());
const lines: Line[] = [];
try {
  await Promise.all(
    ['a', 'b'].map(
      (id) =>
        new Promise<void>((resolve, reject) => {
          const child = fork(instance, [redis.url, id, startedAt], {
            stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
          });
          let buffered = '';
          child.stdout?.on('data', (chunk: Buffer) => {
            buffered += chunk.toString();
            const complete = buffered.split('\n');
            buffered = complete.pop() ?? '';
            for (const text of complete) {
              const line = JSON.parse(text) as Line;
              lines.push(line);
              const what =
                line.lockedForMs === undefined
                  ? `call ${line.call}: ${line.status}`
                  : `locks both out for ${line.lockedForMs} ms`;
              console.log(`  ${line.at.toFixed(2)} s  instance ${line.id}  ${what}`);
            }
          });
          child.once('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`instance ${id} exited with ${code}`)),
          );
        }),
    ),
  );
} finally {
  await redis.stop();
}

// Admission times on Redis's clock: what the shared limit is about (printing times add each process's lag).
const calls = lines.filter((line) => line.admittedAt !== undefined).map((line) => line.admittedAt as number);
const busiest = Math.max(...calls.map((at) => calls.filter((other) => other > at - 1 && other <= at).length));
const lock = lines.find((line) => line.lockedForMs !== undefined);
// Causal, not timed: a call that reached the gate after the lockout was in place (the locking line was
// printed) can only have passed it once the lockout ended, at least a second after it was set, whichever
// process made it. A call that reached the gate just before may pass at once, however late it prints.
const lockedFrom = lock?.lockFrom ?? Number.POSITIVE_INFINITY;
const after = lines.filter((line) => lock !== undefined && (line.enteredGate ?? 0) > lock.at);
const heldBoth =
  after.length > 0 &&
  after.every((line) => (line.passedGate ?? 0) >= lockedFrom + 0.99) &&
  new Set(after.map((line) => line.id)).size === 2;
console.log(`${calls.length} calls from 2 processes; at most ${busiest} in any second (limit 4)`);
console.log(`after instance ${lock?.id}'s 429, both waited for the lockout: ${heldBoth}`);
if (calls.length !== 10 || busiest > 4 || !heldBoth) process.exit(1);
