// A module Web Worker of the cross-origin-isolated page: the portable checks, where blocking is allowed.
import { portableChecks } from '../conformance/portable-checks.mjs';
import { runChecks } from '../conformance/run-checks.mjs';

const checks = await portableChecks({ runtime: 'browser', thread: 'worker', canBlock: true });
checks.push({
  name: 'synchronizer: blocking calls from a web worker',
  // Its caller side is built on node:worker_threads, receiveMessageOnPort and v8.serialize
  // (docs/guide/synchronizer.md, Limits); what it needs from the browser is checked above.
  skip: 'anysync/synchronizer is Node-only for now: it imports node:worker_threads',
  run: async () => {},
});
self.postMessage(await runChecks('worker', checks));
