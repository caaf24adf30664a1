// A module Web Worker of the cross-origin-isolated page: the portable checks, where blocking is allowed,
// then the Synchronizer making blocking calls from here (its own worker is a nested Web Worker).
import { portableChecks } from '../conformance/portable-checks.mjs';
import { runChecks } from '../conformance/run-checks.mjs';
import { synchronizerChecks } from '../conformance/synchronizer-checks.mjs';

const checks = [
  ...(await portableChecks({ runtime: 'browser', thread: 'worker', canBlock: true })),
  ...(await synchronizerChecks({ canBlock: true, browser: true })),
];
self.postMessage(await runChecks('worker', checks));
