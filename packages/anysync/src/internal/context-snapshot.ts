/** The async context captured where a call was queued, to run its work in later. */
export interface ContextSnapshot {
  run<R>(fn: () => R): R;
}

interface SnapshotConstructor {
  new (): ContextSnapshot;
}

interface AsyncResourceLike {
  runInAsyncScope<R>(fn: () => R): R;
}

interface ContextGlobals {
  AsyncContext?: { Snapshot?: SnapshotConstructor };
  process?: {
    getBuiltinModule?: (
      id: string,
    ) => { AsyncResource?: new (type: string) => AsyncResourceLike } | undefined;
  };
}

let snapshotClass: SnapshotConstructor | null | undefined;

/**
 * How to capture the current async context, found once on first use: TC39 `AsyncContext.Snapshot` where the
 * runtime has it, else Node's `AsyncResource` (the documented way for a queue to run work in the context
 * that queued it; it captures every AsyncLocalStorage at once), else `null`. Loading `node:async_hooks`
 * through `process.getBuiltinModule` keeps importing anysync free of Node built-ins.
 */
export function contextSnapshots(): SnapshotConstructor | null {
  if (snapshotClass !== undefined) return snapshotClass;
  const globals = globalThis as ContextGlobals;
  const Snapshot = globals.AsyncContext?.Snapshot;
  const Resource = globals.process?.getBuiltinModule?.('node:async_hooks')?.AsyncResource;
  if (Snapshot) {
    snapshotClass = Snapshot;
  } else if (Resource) {
    // A subclass keeps the snapshot one object (the resource itself), with `run` one call deep.
    snapshotClass = class QueuedWork extends Resource implements ContextSnapshot {
      constructor() {
        super('anysync.QueuedWork');
      }
      run<R>(fn: () => R): R {
        return this.runInAsyncScope(fn);
      }
    };
  } else {
    snapshotClass = null;
  }
  return snapshotClass;
}
