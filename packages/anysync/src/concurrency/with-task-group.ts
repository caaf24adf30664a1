import { checkFunction } from '../internal/check-function.js';
import { TaskGroup, type TaskGroupOptions } from './task-group.js';

/**
 * Runs `body(group)` as the first task of a new {@link TaskGroup}, then joins the group: the callback
 * form of `await using`, in which a failure of the body itself also cancels the tasks. Resolves to the
 * body's result, or `undefined` if the group's own cancellation (`group.cancel()`) cut the body short.
 *
 * @example
 * ```ts
 * import { sleep, withTaskGroup } from 'anysync/concurrency';
 *
 * // The first of two mirrors to answer wins; the other request is cancelled.
 * let winner = '';
 * await withTaskGroup((group) => {
 *   for (const mirror of ['https://a.example', 'https://b.example']) {
 *     group.spawn(async (signal) => {
 *       await fetch(mirror, { signal });
 *       winner = mirror;
 *       group.cancel();
 *     });
 *   }
 * });
 * ```
 */
export function withTaskGroup<T>(
  body: (group: TaskGroup) => T | PromiseLike<T>,
  options?: TaskGroupOptions,
): Promise<T | undefined> {
  checkFunction(body, 'withTaskGroup(): body');
  return runGroup(body, new TaskGroup(options));
}

async function runGroup<T>(
  body: (group: TaskGroup) => T | PromiseLike<T>,
  group: TaskGroup,
): Promise<T | undefined> {
  let result: T | undefined;
  group.spawn(async () => {
    result = await body(group);
  });
  await group.join();
  return result;
}
