// `<runtime> test/conformance/run.mjs`: the conformance suite for runtimes where vitest does not run (Bun,
// Deno). Needs the built dist (`npm run build`). Exits 1 on any failure; skips print their reason.
import { portableChecks } from './portable-checks.mjs';
import { runChecks } from './run-checks.mjs';
import { serverChecks } from './server-checks.mjs';
import { synchronizerChecks } from './synchronizer-checks.mjs';

const runtime = globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : 'node';
const checks = [
  ...(await portableChecks({ runtime, thread: 'main', canBlock: true })),
  ...serverChecks(),
  ...(await synchronizerChecks({ canBlock: true, browser: false })),
];
const results = await runChecks(runtime, checks);
process.exitCode = results.some((result) => result.status === 'failed') ? 1 : 0;
