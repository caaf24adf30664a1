import { setImmediate } from '../backends/immediate.js';
import { ClosedError } from '../errors.js';
import type { HandleKind } from '../protocol.js';

/** What a caller-side handle knows about the worker object behind it. */
export interface HandleState {
  readonly id: number;
  readonly kind: HandleKind;
  /** The table (one per worker connection) the handle belongs to. */
  readonly owner: HandleTable;
  readonly label: string;
  /** How many replies carried this id to this handle; echoed on release so the worker can count. */
  received: number;
  released: boolean;
}

/** Handle objects → their state; weak, so it never keeps a handle alive. */
const states = new WeakMap<object, HandleState>();

/** The state behind a handle object (module proxies, instances, functions, iterators), if `value` is one. */
export function handleState(value: object): HandleState | undefined {
  return states.get(value);
}

/** The live state of a handle, or a `ClosedError` naming it when it was disposed or released. */
export function liveState(value: object): HandleState {
  const state = states.get(value);
  if (!state) throw new TypeError('not a synchronizer handle');
  if (state.released) throw new ClosedError(`${state.label} was disposed; its worker object is gone`);
  return state;
}

/** Releases queued past this many handles leave at once, by message, whether or not a call follows. */
const RELEASE_BATCH = 4096;

/**
 * The caller's side of the object table: one handle object per worker id while it is alive, so the same
 * worker object always comes back as the same handle. A handle that is garbage collected is released by a
 * `FinalizationRegistry`. A call in flight holds its handle strongly, so no release can overtake it.
 *
 * Releases reach the worker without this thread ever yielding: the next blocking call carries them in
 * its request (`takeReleases`), a long run of them leaves as a message at once, and otherwise they leave
 * together at the next turn of the event loop.
 *
 * New handles start out "young", held strongly until the current job ends, and only then are tracked
 * through a `WeakRef` and the finalizer. A `WeakRef` made during a job keeps its target alive until the
 * job ends anyway (the spec's KeepDuringJob), so this costs nothing, and a handle disposed in the same
 * job (a long synchronous loop that creates and disposes millions) never had a `WeakRef` to keep it.
 */
export class HandleTable {
  readonly #live = new Map<number, WeakRef<object>>();
  readonly #young = new Map<number, object>();
  readonly #finalizer = new FinalizationRegistry<HandleState>((state) => this.#collected(state));
  #queued: number[] = [];
  #flushScheduled = false;
  #growScheduled = false;

  constructor(private readonly send: (refs: number[], now: boolean) => void) {}

  /** The live handle for `id`, counted as received once more. */
  find(id: number): object | undefined {
    const handle = this.#young.get(id) ?? this.#live.get(id)?.deref();
    const state = handle && states.get(handle);
    if (!handle || !state || state.released) return undefined;
    state.received++;
    return handle;
  }

  /** Registers a new handle object. Pinned handles (module namespaces and their classes) are never released. */
  adopt(handle: object, id: number, kind: HandleKind, label: string, pinned = false): HandleState {
    const state: HandleState = { id, kind, owner: this, label, received: 1, released: false };
    states.set(handle, state);
    if (pinned) this.#live.set(id, new WeakRef(handle));
    else {
      if (!this.#growScheduled) {
        this.#growScheduled = true;
        queueMicrotask(this.#grow);
      }
      this.#young.set(id, handle);
    }
    return state;
  }

  /** At the end of the job: young handles become weakly held and collectable. */
  readonly #grow = (): void => {
    this.#growScheduled = false;
    for (const [id, handle] of this.#young) {
      const state = states.get(handle) as HandleState;
      this.#live.set(id, new WeakRef(handle));
      this.#finalizer.register(handle, state, state);
    }
    this.#young.clear();
  };

  /** Releases a handle now; `notify` is false when the worker already dropped the object (a dispose). */
  release(state: HandleState, notify = true): void {
    if (state.released) return;
    state.released = true;
    const young = this.#young.get(state.id);
    if (young && states.get(young) === state) this.#young.delete(state.id);
    else {
      this.#finalizer.unregister(state);
      const current = this.#live.get(state.id)?.deref();
      if (!current || states.get(current) === state) this.#live.delete(state.id);
    }
    if (notify) this.#queue(state);
  }

  #collected(state: HandleState): void {
    if (state.released) return;
    state.released = true;
    const current = this.#live.get(state.id)?.deref();
    if (!current) this.#live.delete(state.id);
    this.#queue(state);
  }

  #queue(state: HandleState): void {
    this.#queued.push(state.id, state.received);
    if (this.#queued.length >= RELEASE_BATCH * 2) {
      this.#sendQueued(true);
      return;
    }
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setImmediate(this.#scheduledFlush).unref();
    }
  }

  readonly #scheduledFlush = (): void => {
    this.#flushScheduled = false;
    this.flush();
  };

  /** The queued releases, handed to a blocking call that carries them to the worker in its request. */
  takeReleases(): number[] | undefined {
    if (this.#queued.length === 0) return undefined;
    const refs = this.#queued;
    this.#queued = [];
    return refs;
  }

  /** Sends the queued releases now. */
  flush(): void {
    this.#sendQueued(false);
  }

  #sendQueued(now: boolean): void {
    const refs = this.takeReleases();
    if (refs) this.send(refs, now);
  }

  /** Forgets every handle: the worker is gone. */
  clear(): void {
    this.#live.clear();
    this.#young.clear();
    this.#queued = [];
  }
}
