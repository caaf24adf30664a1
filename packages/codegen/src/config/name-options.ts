/**
 * How names declared in the converted sources change in the sync twin. Names are only ever changed for
 * symbols declared in the converted sources and their references, never for imports from elsewhere
 * (`AsyncLocalStorage` stays `AsyncLocalStorage`).
 */
export interface NameOptions {
  /**
   * `AsyncFoo` becomes `Foo` (`'strip'`, the default), `SyncFoo` (`'sync'`), or stays (`'keep'`).
   * @default 'strip'
   */
  asyncPrefix?: 'strip' | 'sync' | 'keep';
  /**
   * `fooAsync` becomes `foo` (`'strip'`, the default) or stays (`'keep'`).
   * @default 'strip'
   */
  asyncSuffix?: 'strip' | 'keep';
  /** Explicit renames that win over the conventions, e.g. `{ aclose: 'close' }`. */
  renames?: Record<string, string>;
  /** Names the conventions must leave alone, e.g. an API literally called `AsyncSearchClient`. */
  keep?: string[];
}
