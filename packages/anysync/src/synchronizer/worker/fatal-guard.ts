import { Control, Fatal } from '../protocol.js';
import { toErrorRecord } from '../wire/error-record.js';
import type { ThreadSide } from '../backends/thread-backend.js';
import type { ReplyPort } from './reply-port.js';

let installed = false;
const beforeFatal: (() => void)[] = [];

/**
 * Makes the worker's death visible to a caller that is blocked and cannot run event handlers: an uncaught
 * exception, an unhandled rejection or `process.exit()` (what the thread backend reports) is written to `Control.fatal` (first one wins),
 * posted with its details, and the caller is woken. Installed first thing, even before user preloads, so a
 * preload that fails is reported too.
 */
export function installFatalGuard(replies: ReplyPort, side: ThreadSide): void {
  if (installed) return;
  installed = true;
  const control = replies.control;
  const report = (thrown: unknown, exitCode?: number) => {
    const kind = exitCode === undefined ? Fatal.crashed : Fatal.exited;
    if (Atomics.compareExchange(control, Control.fatal, Fatal.none, kind) !== Fatal.none) return;
    if (exitCode !== undefined) Atomics.store(control, Control.exitCode, exitCode);
    for (const hook of beforeFatal) hook();
    replies.post({ kind: 'fatal', error: toErrorRecord(thrown), exitCode });
  };
  side.onFatal(report);
}

/** Runs `hook` (e.g. flushing captured output) just before a fatal report goes out. */
export function onFatal(hook: () => void): void {
  beforeFatal.push(hook);
}
