/** The I/O flavours sleepy ships: two async ones and one sync one. */
export type BackendName = 'timers' | 'web' | 'threads';

/** `Promise<T>` for an async backend, `T` for a sync one: one interface serves both colors. */
export type Colored<Color extends 'async' | 'sync', T> = Color extends 'async' ? Promise<T> : T;

/**
 * Everything sleepy's library code needs from an I/O flavour. Each backend file implements it once, and
 * the library code above it never touches timers, threads or promises itself.
 */
export interface Backend<Color extends 'async' | 'sync'> {
  readonly name: BackendName;
  readonly color: Color;
  /** Sleeps once, returning the seconds actually slept. */
  sleep(seconds: number): Colored<Color, number>;
  /**
   * Gets ready to run `count` naps at once (starts threads, for the sync backend), so that the naps
   * themselves are not slowed by setup: setup happens on first use, never in a constructor.
   */
  prepare(count: number): Colored<Color, void>;
  /** Runs `count` naps of `seconds` at the same time, returning the seconds each one actually slept. */
  sleepInParallel(count: number, seconds: number): Colored<Color, number[]>;
  /** Releases what the backend started (threads); a backend that started nothing has nothing to do. */
  close(): Colored<Color, void>;
}

/** A backend whose methods return promises. */
export type AsyncBackend = Backend<'async'>;

/** A backend whose methods block. */
export type SyncBackend = Backend<'sync'>;
