import { Connection, type ConnectionOptions } from '../synchronizer/caller/connection.js';
import type { Future } from '../synchronizer/caller/future.js';
import { type CallableKind, type HandleMarker, Op } from '../synchronizer/protocol.js';
import type { CallOptions } from '../synchronizer/types.js';

/** Work queued ahead on one worker, in milliseconds: enough to cover a message round trip, no more. */
const PIPELINE_MS = 1;
const MAX_PIPELINE = 64;

/** What a pool needs to call a module's exports on one worker: the namespace id and member names. */
export interface ModuleInfo {
  id: number;
  members: Map<string, { nameId: number; kind: CallableKind | 'value'; value?: unknown }>;
}

/**
 * One worker of a pool: a connection on the same protocol as a synchronizer's, the modules loaded on it,
 * and how many tasks it has been handed. Its calls all travel by message; nothing on it ever blocks.
 */
export class PoolWorker {
  readonly connection: Connection;
  inFlight = 0;
  dead = false;
  /** Recent time one task occupies the worker (ms), averaged; it sets how deep the pipeline may be. */
  serviceMs = 1;
  #lastDone = 0;
  readonly #modules = new Map<string, Promise<ModuleInfo>>();
  readonly #loaded = new Map<string, ModuleInfo>();

  constructor(options: ConnectionOptions) {
    this.connection = new Connection(options);
  }

  /** The module's exports on this worker, loading it on first use. */
  module(href: string, loader: string | undefined, timeout: number): ModuleInfo | Promise<ModuleInfo> {
    const loaded = this.#loaded.get(href);
    if (loaded) return loaded;
    let pending = this.#modules.get(href);
    if (!pending) {
      pending = this.#load(href, loader, timeout);
      this.#modules.set(href, pending);
      pending.catch(() => this.#modules.delete(href));
    }
    return pending;
  }

  async #load(href: string, loader: string | undefined, timeout: number): Promise<ModuleInfo> {
    const call = { op: Op.load, target: 0, name: -1, args: [href, loader], label: `load(${href})` };
    const marker = await this.connection.outcomeAsync(
      call,
      { timeout },
      undefined,
      (outcome) => outcome.values[0] as HandleMarker,
      'raw',
    );
    const members: ModuleInfo['members'] = new Map();
    for (const member of marker.shape?.members ?? []) {
      if (member.kind === 'function' || member.kind === 'asyncGenerator' || member.kind === 'generator') {
        members.set(member.name, { nameId: member.nameId, kind: member.kind });
      } else if (member.kind === 'value') {
        members.set(member.name, { nameId: member.nameId, kind: 'value', value: member.value });
      }
    }
    const info = { id: marker.id, members };
    this.#loaded.set(href, info);
    return info;
  }

  /** Calls an export; the result of a generator export is an async iterator bound to this worker. */
  call(info: ModuleInfo, name: string, args: unknown[], options: CallOptions | undefined): Future<unknown> {
    const member = info.members.get(name);
    const nameId = member?.nameId ?? -2;
    const future = this.connection.callAsync(
      { op: Op.call, target: info.id, name: nameId, args, label: name },
      options,
    );
    // Calls sent in one turn travel as one message, which the worker runs as one job, replying to all of
    // them at its end. Right for short tasks; but with long ones the first result would wait for the
    // second task, and the pool would learn that the worker has room only when it has none left, so the
    // worker would sit idle while the next tasks travel. Long tasks go one per message.
    if (this.serviceMs > PIPELINE_MS) this.connection.link.flush();
    return future;
  }

  /**
   * Records a task that just finished. Its service time runs from when it was sent or when the task before
   * it finished, whichever is later, since tasks queued on a worker run one after another.
   */
  done(sentAt: number): void {
    const now = performance.now();
    const service = now - Math.max(sentAt, this.#lastDone);
    this.#lastDone = now;
    this.serviceMs = this.serviceMs * 0.8 + service * 0.2;
  }

  /** How many tasks to keep queued on this worker: about a millisecond of work, at least `base`. */
  depth(base: number): number {
    return Math.min(MAX_PIPELINE, Math.max(base, Math.floor(PIPELINE_MS / this.serviceMs)));
  }

  /** Whether the worker had begun running the call behind `future` when it was lost. */
  started(future: Future<unknown>): boolean {
    return this.connection.started(future);
  }

  async terminate(): Promise<void> {
    this.dead = true;
    await this.connection.link.close();
  }
}
