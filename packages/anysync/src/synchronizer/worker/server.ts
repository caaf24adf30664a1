import { AsyncLocalStorage } from '../backends/async-context.js';
import type { TransferListItem } from 'node:worker_threads';
import { CALL_CONTEXT_KEY, type CallContext } from '../call-signal.js';
import type { CallMessage, CancelMessage, ErrorRecord, ReleaseMessage, StatusCode } from '../protocol.js';
import { Control, Op, Status } from '../protocol.js';
import { fromErrorRecord, toErrorRecord } from '../wire/error-record.js';
import { parseValues } from '../wire/plain-json.js';
import { Describer } from './describer.js';
import { type ExportContext, exportValue } from './export-value.js';
import { importValues } from './import-value.js';
import { finish, isPromise, pullAhead } from './iterator-pull.js';
import { NameTable } from './name-table.js';
import { ObjectTable } from './object-table.js';
import { type Outcome, perform, type Registry, type Request, toOutcome } from './operations.js';
import type { OutputCapture } from './output-capture.js';
import type { ReplyPort } from './reply-port.js';

/** An outcome ready for the wire: worker objects replaced by markers, errors by records. */
export interface ExportedOutcome {
  status: StatusCode;
  values: unknown[];
  marked: boolean;
  transfer: TransferListItem[];
  /** Whether the values must cross by message (see `crossesOnlyByMessage`). */
  byMessage?: boolean;
}

/** The abort state of one call; the `AbortController` is only built if someone asks for the signal. */
class CallScope implements CallContext {
  #controller: AbortController | undefined;
  #reason: unknown;
  #aborted = false;

  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  abort(reason: unknown): void {
    this.#aborted = true;
    this.#reason = reason;
    this.#controller?.abort(reason);
  }
}

const NO_ERRORS = new Map();
const NO_TRANSFER: TransferListItem[] = [];

function isPlain(value: unknown): boolean {
  return (
    value === null || (typeof value !== 'object' && typeof value !== 'function' && typeof value !== 'symbol')
  );
}

/** Runs requests from either lane on the worker and turns their outcomes into wire form. */
export class Server {
  readonly registry: Registry;
  readonly #contexts = new AsyncLocalStorage<CallScope>();
  readonly #running = new Map<number, CallScope>();
  /** Cancellable calls in flight; the context store is switched off when none are, see `run`. */
  #tracked = 0;

  constructor(
    private readonly replies: ReplyPort,
    private readonly output: OutputCapture | undefined,
  ) {
    const table = new ObjectTable();
    const names = new NameTable();
    this.registry = {
      table,
      names,
      describer: new Describer(names, table),
      served: new Set(),
      loading: new Set(),
    };
    (globalThis as Record<symbol, unknown>)[CALL_CONTEXT_KEY] = this.#contexts;
  }

  /**
   * Runs one request. A synchronous outcome is returned; otherwise `done` receives it later, with the
   * request it answers (so one long-lived function can serve every call). `key` lets a cancel message find
   * the call (async call ids are positive, blocking sequence numbers negative).
   *
   * Only a cancellable call (one with a timeout or a signal) runs inside the `AsyncLocalStorage` that
   * `callSignal()` reads: on Node 20 an active store taxes every promise in the thread, so it is switched
   * on only while such calls are in flight.
   */
  run<R extends Request>(
    request: R,
    marked: boolean,
    key: number,
    done: (outcome: Outcome, request: R) => void,
  ): Outcome | undefined {
    const tracked = request.cancellable;
    const scope = tracked || marked ? new CallScope() : undefined;
    if (tracked && scope) {
      this.#running.set(key, scope);
      this.#tracked++;
    }
    let result: unknown;
    try {
      if (marked) this.#import(request, scope as CallScope);
      result = tracked
        ? this.#contexts.run(scope as CallScope, perform, this.registry, request)
        : perform(this.registry, request);
    } catch (error) {
      return this.#settle(key, tracked, { status: Status.error, values: [error] });
    }
    if (!isPromise(result)) return this.#settle(key, tracked, toOutcome(request.op, result));
    result.then(
      (value) => done(this.#settle(key, tracked, toOutcome(request.op, value)), request),
      (error: unknown) =>
        done(this.#settle(key, tracked, { status: Status.error, values: [error] }), request),
    );
    return undefined;
  }

  /** Replaces markers in the arguments; apart from `run`, whose closures would otherwise hold the scope too. */
  #import(request: Request, scope: CallScope): void {
    importValues(request.args, this.registry.table, () => scope.signal);
  }

  #settle(key: number, tracked: boolean, outcome: Outcome): Outcome {
    if (!tracked) return outcome;
    this.#running.delete(key);
    if (--this.#tracked === 0) this.#contexts.disable();
    return outcome;
  }

  /** A promise-returning call from the caller; its reply goes back by message. */
  call(message: CallMessage): void {
    Atomics.store(this.replies.control, Control.started, message.id);
    parseValues(message.args, message.json);
    const outcome = this.run(message, message.marked, message.id, this.#replyTo);
    if (outcome) this.#replyTo(outcome, message);
  }

  readonly #replyTo = (outcome: Outcome, { id }: CallMessage): void => {
    const { status, values, marked, transfer } = this.export(outcome);
    this.flushOutput();
    this.replies.reply({ kind: 'reply', id, status, values, marked }, transfer);
  };

  /** An outcome that crosses as it is: a result or batch of plain values (no markers, records or transfers). */
  isPlain(outcome: Outcome): boolean {
    if (outcome.status !== Status.ok && outcome.status !== Status.batch) return false;
    const { values } = outcome;
    for (let i = 0; i < values.length; i++) if (!isPlain(values[i])) return false;
    return true;
  }

  /**
   * After the reply to a pull whose caller asked for it (a second argument, the count), starts pulling the
   * next batch; the promise settles when that batch is in hand. `wanted` ends it early (see `pullAhead`).
   */
  pullAhead(request: Request, wanted: () => boolean): Promise<unknown> | undefined {
    const count = Number(request.args[1] ?? 0);
    if (request.op !== Op.pull || !(count > 0)) return undefined;
    const entry = this.registry.table;
    try {
      return pullAhead(entry.get(request.target) as Iterator<unknown>, count, wanted);
    } catch {
      // Released meanwhile: nothing to pull.
      return undefined;
    }
  }

  cancel(message: CancelMessage): void {
    const key = message.id ?? -(message.seq ?? 0);
    this.#running.get(key)?.abort(fromErrorRecord(message.reason, NO_ERRORS));
  }

  release(message: ReleaseMessage): void {
    const { refs } = message;
    for (let i = 0; i + 1 < refs.length; i += 2) {
      const released = this.registry.table.release(refs[i] ?? 0, refs[i + 1] ?? 0);
      // A generator dropped mid-iteration still runs its finally blocks.
      if (released && typeof (released as Iterator<unknown>).next === 'function') {
        Promise.resolve(finish(released as Iterator<unknown>, undefined)).catch(() => {});
      }
    }
  }

  /** Replaces worker objects by markers and thrown values by records; a value that cannot cross fails the call. */
  export(outcome: Outcome, compact = false): ExportedOutcome {
    if (this.isPlain(outcome)) {
      return { status: outcome.status, values: outcome.values, marked: false, transfer: NO_TRANSFER };
    }
    const context: ExportContext = { marked: false, transfer: [], compact };
    const { status, values } = outcome;
    const last = values.length - 1;
    try {
      const exported = values.map((value, index) =>
        index === last && (status === Status.error || status === Status.failed)
          ? toErrorRecord(value)
          : exportValue(
              value,
              this.registry.describer,
              context,
              status === Status.ok ? 'result' : `item ${index}`,
            ),
      );
      return {
        status,
        values: exported,
        marked: context.marked,
        transfer: context.transfer,
        byMessage: context.byMessage,
      };
    } catch (error) {
      const record: ErrorRecord = toErrorRecord(error);
      return { status: Status.error, values: [record], marked: false, transfer: [] };
    }
  }

  flushOutput(): void {
    this.output?.flush();
  }
}
