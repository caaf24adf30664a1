import type { StoreCalls } from './store-calls.js';

/**
 * One pub/sub channel of a store, subscribed once (on first use, bounded by the store's timeout) and kept
 * for the store's life; messages go to every listener added since.
 */
export class Channel {
  readonly #listeners = new Set<(message: string) => void>();
  #subscribed: Promise<void> | undefined;

  constructor(
    readonly calls: StoreCalls,
    readonly name: string,
  ) {}

  /** Adds `listener` (once); resolves once the channel is subscribed, to the function that removes it. */
  async listen(listener: (message: string) => void): Promise<() => void> {
    this.#listeners.add(listener);
    this.#subscribed ??= this.calls
      .bounded('subscribe', () =>
        this.calls.client.subscribe(this.name, (message) => {
          for (const each of this.#listeners) each(message);
        }),
      )
      .then(
        () => {},
        (error: unknown) => {
          this.#subscribed = undefined;
          throw error;
        },
      );
    try {
      await this.#subscribed;
    } catch (error) {
      this.#listeners.delete(listener);
      throw error;
    }
    return () => this.#listeners.delete(listener);
  }
}
