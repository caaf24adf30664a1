import type { NameOptions } from '../config/name-options.js';

/** `isAsync`, `hasAsync`, `canAsync`: predicates about asynchrony, not async variants of `is`/`has`. */
const PREDICATE = /^_*(?:is|has|can|should|was|were|will|does|did|needs|supports|allow|allows)Async$/;

/** Decides the sync name of a name declared in the converted sources, or `undefined` to keep it. */
export class NameConvention {
  readonly #prefix: 'strip' | 'sync' | 'keep';
  readonly #suffix: 'strip' | 'keep';
  readonly #renames: ReadonlyMap<string, string>;
  readonly #keep: ReadonlySet<string>;
  readonly #memo = new Map<string, string | undefined>();

  constructor(options: NameOptions = {}) {
    this.#prefix = options.asyncPrefix ?? 'strip';
    this.#suffix = options.asyncSuffix ?? 'strip';
    this.#renames = new Map(Object.entries(options.renames ?? {}));
    this.#keep = new Set(options.keep ?? []);
  }

  syncName(name: string): string | undefined {
    if (this.#memo.has(name)) return this.#memo.get(name);
    const decided = this.#decide(name);
    this.#memo.set(name, decided);
    return decided;
  }

  #decide(name: string): string | undefined {
    if (this.#keep.has(name)) return undefined;
    const explicit = this.#renames.get(name);
    if (explicit !== undefined) return explicit === name ? undefined : explicit;
    if (this.#prefix !== 'keep' && /^_*Async[A-Z]/.test(name)) {
      const at = name.indexOf('Async');
      const rest = name.slice(at + 5);
      return name.slice(0, at) + (this.#prefix === 'sync' ? `Sync${rest}` : rest);
    }
    if (this.#suffix === 'strip' && /^_*[a-z$][A-Za-z0-9$]*Async$/.test(name) && !PREDICATE.test(name)) {
      return name.slice(0, -5);
    }
    return undefined;
  }
}
