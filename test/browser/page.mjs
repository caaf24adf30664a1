// The page's own checks (main thread: no blocking, so the Synchronizer refuses blocking calls and serves
// its promise twins), then the same checks in a module Web Worker, where a cross-origin-isolated page
// allows Atomics.wait. Results land in `window.results` for the test to read.
import { portableChecks } from '../conformance/portable-checks.mjs';
import { runChecks } from '../conformance/run-checks.mjs';
import { synchronizerChecks } from '../conformance/synchronizer-checks.mjs';

async function inWorker() {
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module' });
  return await new Promise((resolve, reject) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(`worker failed: ${event.message}`));
  });
}

window.results = (async () => {
  const main = await runChecks('main', [
    ...(await portableChecks({ runtime: 'browser', thread: 'main', canBlock: false })),
    ...(await synchronizerChecks({ canBlock: false, browser: true })),
  ]);
  return { crossOriginIsolated, main, worker: await inWorker() };
})();
