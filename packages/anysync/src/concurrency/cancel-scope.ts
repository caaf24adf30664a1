import { checkOptionalBoolean } from '../internal/check-boolean.js';
import { checkFunction } from '../internal/check-function.js';
import { checkMilliseconds } from '../internal/check-milliseconds.js';
import { checkNumber } from '../internal/check-number.js';
import { checkOptions } from '../internal/check-options.js';
import { checkSignal } from '../internal/check-signal.js';
import { type Clock, currentClock } from '../internal/clock.js';
import { invalidArgument } from '../internal/invalid-argument.js';
import { CancelledError } from './cancelled-error.js';
import { currentScope, runInScope } from './current-scope.js';
import { isCancellationBy } from './is-cancellation.js';

/**
 * Something waiting inside a scope that must be woken when the scope is cancelled. Waits subscribe with
 * `scope.addCancelListener` and unsubscribe when they settle, so a long-lived scope holds nothing for
 * waits that are over (the leak `AbortSignal.any` has on Node 20).
 *
 * @example
 * ```ts
 * import { CancelScope, type CancelListener } from 'anysync/concurrency';
 *
 * const scope = new CancelScope();
 * const listener: CancelListener = { onCancel: (reason) => console.log('cancelled:', (reason as Error).message) };
 * scope.addCancelListener(listener);
 * scope.cancel('bye'); // logs: cancelled: Cancelled: bye
 * ```
 */
export interface CancelListener {
  onCancel(reason: unknown): void;
}

/**
 * Options of {@link CancelScope}.
 *
 * @example
 * ```ts
 * import { CancelScope, type CancelScopeOptions } from 'anysync/concurrency';
 *
 * const options: CancelScopeOptions = { timeout: 250, shield: false };
 * await new CancelScope(options).run(async () => {});
 * ```
 */
export interface CancelScopeOptions {
  /** Milliseconds after the scope is entered at which it cancels itself. */
  readonly timeout?: number | undefined;
  /** Absolute deadline, on the scale of `currentTime()`, at which the scope cancels itself. */
  readonly deadline?: number | undefined;
  /** Ignore cancellation coming from enclosing scopes (the scope's own deadline still applies). */
  readonly shield?: boolean | undefined;
  /** A foreign signal that cancels the scope; its `reason` propagates out of the scope unchanged. */
  readonly signal?: AbortSignal | undefined;
}

const IDLE = 0;
const ACTIVE = 1;
const CLOSED = 2;

/** Internal hook for scope-like constructs (task groups) that close a scope without `run()`. */
export const leaveScope: unique symbol = Symbol('anysync.leaveScope');

/**
 * A region of code that can be cancelled as a unit, the counterpart of Trio's and AnyIO's `CancelScope`.
 * Scopes form a tree kept by anysync: entering a scope inside another links it as a child, cancelling a
 * scope cancels every unshielded descendant, and leaving a scope unlinks it and clears its timer.
 * Cancellation is level-triggered: once a scope is cancelled, every anysync wait inside it (sleeps,
 * locks, channels, …) rejects at once with the scope's {@link CancelledError}, and `scope.signal` (created
 * on first use, for `fetch` and other AbortSignal APIs) is aborted with that same error. When the error
 * propagates out of the body, the scope that was cancelled catches it and `run()` resolves to `undefined`.
 *
 * @example
 * ```ts
 * import { CancelScope, sleep } from 'anysync/concurrency';
 *
 * const scope = new CancelScope({ timeout: 100 });
 * const result = await scope.run(async () => {
 *   await sleep(10_000); // rejected after 100 ms
 *   return 'finished';
 * });
 * console.log(result, scope.cancelledCaught); // undefined true
 * ```
 */
export class CancelScope {
  #parent: CancelScope | undefined;
  #children: Set<CancelScope> | undefined;
  #listeners: Set<CancelListener> | undefined;
  #deadline = Number.POSITIVE_INFINITY;
  #timeout: number | undefined;
  #timer: unknown;
  #timerClock: Clock | undefined;
  #onTimer: (() => void) | undefined;
  #shield: boolean;
  #external: AbortSignal | undefined;
  #onExternalAbort: (() => void) | undefined;
  #state = IDLE;
  #cancelled = false;
  #own = false;
  #error: unknown;
  #cancelCalled = false;
  #cancelledCaught = false;
  #reason: unknown;
  #controller: AbortController | undefined;

  constructor(options: CancelScopeOptions = {}) {
    checkOptions(options, 'CancelScope', ['timeout', 'deadline', 'shield', 'signal']);
    const { timeout, deadline } = options;
    // A timeout is a duration (never negative); a deadline is a time on the clock, past ones included.
    if (timeout !== undefined) checkMilliseconds(timeout, 'CancelScope: timeout', true);
    if (deadline !== undefined) this.#deadline = checkNumber(deadline, 'CancelScope: deadline');
    this.#timeout = timeout;
    this.#shield = checkOptionalBoolean(options.shield, 'CancelScope: shield') === true;
    this.#external = checkSignal(options.signal, 'CancelScope: signal');
  }

  /** The scope this one was entered in, while it is active; `undefined` for a root or a closed scope. */
  get parent(): CancelScope | undefined {
    return this.#parent;
  }

  /** True once this scope, an unshielded ancestor or its linked signal cancelled it (`signal.aborted`). */
  get cancelled(): boolean {
    return this.#cancelled;
  }

  /** True once `cancel()` was called or the deadline passed, whether or not the body noticed. */
  get cancelCalled(): boolean {
    return this.#cancelCalled;
  }

  /** True when the body ended because of this scope's own cancellation, which the scope then swallowed. */
  get cancelledCaught(): boolean {
    return this.#cancelledCaught;
  }

  /** The reason given to `cancel()`, `'deadline exceeded'` after the deadline, else `undefined`. */
  get reason(): unknown {
    return this.#reason;
  }

  /** What waits inside this scope reject with once it is cancelled (`signal.reason`); else `undefined`. */
  get cancelError(): unknown {
    return this.#error;
  }

  /** Absolute deadline on the `currentTime()` scale; `Infinity` when none. Assigning re-arms the timer. */
  get deadline(): number {
    if (this.#timeout === undefined) return this.#deadline;
    return Math.min(this.#deadline, currentClock().now() + this.#timeout);
  }

  set deadline(value: number) {
    this.#deadline = checkNumber(value, 'CancelScope.deadline');
    this.#timeout = undefined;
    this.#armTimer();
  }

  /** Whether cancellation from enclosing scopes is ignored. Unshielding inside a cancelled parent cancels. */
  get shield(): boolean {
    return this.#shield;
  }

  set shield(value: boolean) {
    if (typeof value !== 'boolean')
      throw invalidArgument('type', 'CancelScope.shield', 'true or false', value);
    this.#shield = value;
    const parent = this.#parent;
    if (!value && parent !== undefined && parent.#cancelled) this.#cancelWith(parent.#error, false);
  }

  /** An AbortSignal that aborts, with {@link CancelScope.cancelError} as reason, when this scope is cancelled. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#cancelled) this.#controller.abort(this.#error);
    }
    return this.#controller.signal;
  }

  /** Cancels this scope and every unshielded scope inside it; the first reason wins. */
  cancel(reason?: unknown): void {
    if (this.#cancelCalled) return;
    this.#cancelCalled = true;
    this.#reason = reason;
    this.#cancelWith(new CancelledError(this, reason), true);
  }

  /**
   * Subscribes a waiter to this scope's cancellation. Returns false, without subscribing, when the scope is
   * already cancelled: the caller should reject at once with `cancelError`.
   */
  addCancelListener(listener: CancelListener): boolean {
    if (typeof (listener as Partial<CancelListener> | undefined)?.onCancel !== 'function') {
      throw invalidArgument(
        'type',
        'CancelScope.addCancelListener(): listener',
        'an object with an onCancel method',
        listener,
      );
    }
    if (this.#cancelled) return false;
    this.#listeners ??= new Set();
    this.#listeners.add(listener);
    return true;
  }

  removeCancelListener(listener: CancelListener): void {
    this.#listeners?.delete(listener);
  }

  /**
   * Runs `fn` inside this scope and resolves to its result, or to `undefined` when the scope's own
   * cancellation ended it. Other errors, and cancellation coming from outside, propagate. A scope can be
   * entered once.
   */
  run<T>(fn: (scope: this) => T | PromiseLike<T>): Promise<T | undefined> {
    checkFunction(fn, 'CancelScope.run(): fn');
    return this.#run(fn);
  }

  async #run<T>(fn: (scope: this) => T | PromiseLike<T>): Promise<T | undefined> {
    this.enter();
    let result: T;
    try {
      result = await runInScope(this, fn, this);
    } catch (error) {
      this[leaveScope](true, error);
      return undefined;
    }
    this[leaveScope](false);
    return result;
  }

  /**
   * Activates the scope without making it ambient, for `using scope = new CancelScope(...).enter()`: its
   * deadline runs and it is linked under the current scope until disposed. Code in the block must pass
   * `scope.signal` explicitly, and the cancellation error is not swallowed (disposal cannot catch); use
   * `run()` for that.
   */
  enter(): this {
    if (this.#state !== IDLE) {
      throw new Error('CancelScope: this scope was already entered; a scope is single-use, create a new one');
    }
    this.#state = ACTIVE;
    const parent = currentScope();
    if (parent !== undefined && parent.#state === ACTIVE) {
      this.#parent = parent;
      parent.#children ??= new Set();
      parent.#children.add(this);
      if (parent.#cancelled && !this.#shield) this.#cancelWith(parent.#error, false);
    }
    if (this.#timeout !== undefined) {
      this.#deadline = Math.min(this.#deadline, currentClock().now() + this.#timeout);
      this.#timeout = undefined;
    }
    this.#armTimer();
    this.#linkExternal();
    return this;
  }

  /** Leaves the scope: unlinks it from its parent and clears its timer. */
  [Symbol.dispose](): void {
    this[leaveScope](false);
  }

  /**
   * Closes the scope after its body ended. Returns when the body succeeded or failed only because of this
   * scope's own cancellation (recording `cancelledCaught`); otherwise throws what must propagate.
   */
  [leaveScope](failed: boolean, error?: unknown): void {
    const parent = this.#parent;
    this.#close();
    if (!failed) return;
    if (!this.#cancelled || !isCancellationBy(error, this.#error)) throw error;
    if (!this.#own) throw error;
    // The enclosing scope is cancelled too: it, not this one, must see a cancellation (Trio's rule).
    if (!this.#shield && parent !== undefined) {
      if (parent.#cancelled) throw parent.#error;
    }
    this.#cancelledCaught = true;
  }

  #cancelWith(error: unknown, own: boolean): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    this.#error = error;
    this.#own = own;
    this.#clearTimer();
    const listeners = this.#listeners;
    this.#listeners = undefined;
    if (listeners !== undefined) for (const listener of listeners) listener.onCancel(error);
    this.#controller?.abort(error);
    if (this.#children !== undefined) {
      for (const child of this.#children) if (!child.#shield) child.#cancelWith(error, false);
    }
  }

  #expire(): void {
    this.#timer = undefined;
    if (this.#cancelCalled) return;
    this.#cancelCalled = true;
    this.#reason = 'deadline exceeded';
    this.#cancelWith(new CancelledError(this, this.#reason, true), true);
  }

  #armTimer(): void {
    this.#clearTimer();
    if (this.#state !== ACTIVE || this.#cancelled || this.#deadline === Number.POSITIVE_INFINITY) return;
    const clock = currentClock();
    const delay = this.#deadline - clock.now();
    if (delay <= 0) {
      this.#expire();
      return;
    }
    this.#onTimer ??= () => this.#expire();
    this.#timerClock = clock;
    this.#timer = clock.setTimer(this.#onTimer, delay);
  }

  #clearTimer(): void {
    if (this.#timer === undefined) return;
    this.#timerClock?.clearTimer(this.#timer);
    this.#timer = undefined;
  }

  #linkExternal(): void {
    const external = this.#external;
    if (external === undefined) return;
    if (external.aborted) {
      this.#cancelWith(external.reason, false);
      return;
    }
    this.#onExternalAbort = () => this.#cancelWith(external.reason, false);
    external.addEventListener('abort', this.#onExternalAbort, { once: true });
  }

  #close(): void {
    if (this.#state === CLOSED) return;
    this.#state = CLOSED;
    this.#clearTimer();
    if (this.#parent !== undefined) this.#parent.#children?.delete(this);
    this.#parent = undefined;
    if (this.#onExternalAbort !== undefined) {
      this.#external?.removeEventListener('abort', this.#onExternalAbort);
    }
  }
}
