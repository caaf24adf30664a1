/**
 * `anysync/concurrency`: structured concurrency. Cancel scopes kept as a tree by anysync (with deadlines,
 * shielding and an AbortSignal for interop), timeouts, task groups, background tasks, an executor, and
 * cancellation-aware sleeping.
 *
 * Layering: this module and `anysync/primitives` share one wait queue; every wait honours `{ signal }` and
 * the ambient cancel scope. Nothing here imports a Node built-in at load time.
 *
 * @module
 */
export { abortable } from './abortable.js';
export {
  BackgroundTasks,
  type BackgroundTasksOptions,
  type BackgroundTasksStats,
} from './background-tasks.js';
export { type CancelListener, CancelScope, type CancelScopeOptions } from './cancel-scope.js';
export { CancelledError } from './cancelled-error.js';
export { checkpoint } from './checkpoint.js';
export { currentEffectiveDeadline } from './current-effective-deadline.js';
export { currentScope, currentSignal } from './current-scope.js';
export { currentTime } from './current-time.js';
export { Executor, type ExecutorOptions, type ExecutorStats } from './executor.js';
export { failAfter, failAt } from './fail-after.js';
export { isCancellation } from './is-cancellation.js';
export { moveOnAfter, moveOnAt, type TimeoutOptions } from './move-on-after.js';
export { sleep, sleepForever, sleepUntil } from './sleep.js';
export { TaskGroup, type TaskGroupOptions, type TaskGroupStats } from './task-group.js';
export { TaskGroupError } from './task-group-error.js';
export { throwIfCancelled } from './throw-if-cancelled.js';
export { TimeoutError } from './timeout-error.js';
export { withTaskGroup } from './with-task-group.js';
export type { WaitOptions } from '../internal/wait-queue.js';
