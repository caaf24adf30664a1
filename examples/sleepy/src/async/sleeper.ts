import { type AsyncBackend, getAsyncBackend } from '../backends/get-async-backend.js';
import { type NapReport, napReport } from '../shared/nap-report.js';
import { checkNapCount, checkSleeperOptions, type SleeperOptions } from '../shared/sleeper-options.js';

/**
 * Sleeps a lot, in parallel. Creating one does no I/O and needs no running event loop, so it can live at
 * module top level; the backend is chosen and started on first use.
 */
export class AsyncSleeper implements AsyncDisposable {
  readonly #options: SleeperOptions;
  #backend: AsyncBackend | undefined;

  constructor(options: SleeperOptions = {}) {
    this.#options = checkSleeperOptions(options);
  }

  /** The backend in use, or `undefined` before the first nap. */
  get backendName(): string | undefined {
    return this.#backend?.name;
  }

  /** One nap of `seconds` (by default the sleeper's nap length); the seconds actually slept. */
  async sleep(seconds = this.#options.seconds ?? 1): Promise<number> {
    const backend = await this.#ready();
    return await backend.sleep(seconds);
  }

  /** `count` naps at the same time: about one nap's length in all, whichever the color. */
  async sleepALot(count: number): Promise<NapReport> {
    checkNapCount(count);
    const seconds = this.#options.seconds ?? 1;
    const backend = await this.#ready();
    const preparing = performance.now();
    await backend.prepare(count);
    const started = performance.now();
    const slept = await backend.sleepInParallel(count, seconds);
    const done = performance.now();
    return napReport(backend.name, seconds, slept, {
      setup: (started - preparing) / 1000,
      elapsed: (done - started) / 1000,
    });
  }

  /** Naps `rounds` times in a row, yielding each report as it is done. */
  async *sleepInRounds(rounds: number, count: number): AsyncGenerator<NapReport> {
    checkNapCount(rounds);
    for (let round = 0; round < rounds; round++) yield await this.sleepALot(count);
  }

  /** Releases the backend (its threads, for the sync twin); the next nap sets it up again. */
  async close(): Promise<void> {
    const backend = this.#backend;
    this.#backend = undefined;
    await backend?.close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #ready(): Promise<AsyncBackend> {
    this.#backend ??= await getAsyncBackend(this.#options.backend, this.#options.threads);
    return this.#backend;
  }
}
