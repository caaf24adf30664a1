// `<runtime> test/conformance/run.mjs`: the conformance suite for runtimes where vitest does not run (Bun,
// Deno). Needs the built dist (`npm run build`). Exits 1 on any failure; skips print their reason.
import { portableChecks } from './portable-checks.mjs';
import { runChecks } from './run-checks.mjs';
import { serverChecks } from './server-checks.mjs';

const runtime = globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : 'node';
// On Bun, a module loaded by the Synchronizer or a WorkerPool comes back with no exports (their docs say
// Node only, for now): what depends on them cannot work there yet.
const workersNodeOnly =
  'anysync/synchronizer and anysync/offload are Node-only for now (exports come back empty on Bun)';
const skipFor =
  runtime === 'bun'
    ? Object.fromEntries(
        [
          'synchronizer: a blocking call and its .async twin',
          'offload: a WorkerPool runs sync functions on threads',
          'examples/sleepy: the sync twin naps on threads',
          'examples/sqlite: both twins read and write',
        ].map((name) => [name, workersNodeOnly]),
      )
    : {};
const checks = [
  ...(await portableChecks({ runtime, thread: 'main', canBlock: true })),
  ...serverChecks(skipFor),
];
const results = await runChecks(runtime, checks);
process.exitCode = results.some((result) => result.status === 'failed') ? 1 : 0;
