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

/**
 * The caller's side of the object table: one handle object per worker id while it is alive, so the same
 * worker object always comes back as the same handle. A handle that is garbage collected is released by a
 * `FinalizationRegistry`; releases are batched into one message per turn of the event loop. A call in
 * flight holds its handle strongly, so no release can overtake it.
 */
export class HandleTable {
  readonly #live = new Map<number, WeakRef<object>>();
  readonly #finalizer = new FinalizationRegistry<HandleState>((state) => this.#collected(state));
  #queued: number[] = [];

  constructor(private readonly send: (refs: number[]) => void) {}

  /** The live handle for `id`, counted as received once more. */
  find(id: number): object | undefined {
    const handle = this.#live.get(id)?.deref();
    const state = handle && states.get(handle);
    if (!handle || !state || state.released) return undefined;
    state.received++;
    return handle;
  }

  /** Registers a new handle object. Pinned handles (module namespaces and their classes) are never released. */
  adopt(handle: object, id: number, kind: HandleKind, label: string, pinned = false): HandleState {
    const state: HandleState = { id, kind, owner: this, label, received: 1, released: false };
    states.set(handle, state);
    this.#live.set(id, new WeakRef(handle));
    if (!pinned) this.#finalizer.register(handle, state, state);
    return state;
  }

  /** Releases a handle now; `notify` is false when the worker already dropped the object (a dispose). */
  release(state: HandleState, notify = true): void {
    if (state.released) return;
    state.released = true;
    this.#finalizer.unregister(state);
    const current = this.#live.get(state.id)?.deref();
    if (!current || states.get(current) === state) this.#live.delete(state.id);
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
    if (this.#queued.length === 0) setImmediate(() => this.flush()).unref();
    this.#queued.push(state.id, state.received);
  }

  /** Sends the queued releases now. */
  flush(): void {
    if (this.#queued.length === 0) return;
    const refs = this.#queued;
    this.#queued = [];
    this.send(refs);
  }

  /** Forgets every handle: the worker is gone. */
  clear(): void {
    this.#live.clear();
    this.#queued = [];
  }
}
