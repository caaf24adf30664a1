import type { NameOptions } from '../config/name-options.js';

/** `isAsync`, `hasAsync`, `canAsync`: predicates about asynchrony, not async variants of `is`/`has`. */
const PREDICATE = /^_*(?:is|has|can|should|was|were|will|does|did|needs|supports|allow|allows)Async$/;

/** Memo entry for names the convention leaves alone (a name can never be empty). */
const KEEP = '';

/**
 * Decides the sync name of a name declared in the converted sources, or `undefined` to keep it.
 *
 * @example
 * ```ts
 * import { NameConvention } from '@anysync/codegen';
 *
 * const names = new NameConvention({ asyncPrefix: 'sync' });
 * console.log(names.syncName('AsyncClient'), names.syncName('readAsync'), names.syncName('isAsync'));
 * // 'SyncClient' 'read' undefined
 * ```
 */
export class NameConvention {
  static readonly #shared = new Map<string, NameConvention>();

  /** A convention for these options, shared between calls with equal options (its memo stays warm). */
  static for(options: NameOptions = {}): NameConvention {
    const key = JSON.stringify(options);
    let convention = NameConvention.#shared.get(key);
    if (!convention) {
      convention = new NameConvention(options);
      if (NameConvention.#shared.size < 64) NameConvention.#shared.set(key, convention);
    }
    return convention;
  }

  readonly #prefix: 'strip' | 'sync' | 'keep';
  readonly #suffix: 'strip' | 'keep';
  readonly #renames: ReadonlyMap<string, string>;
  readonly #keep: ReadonlySet<string>;
  readonly #memo = new Map<string, string>();
  readonly #renamedByTable = new WeakMap<ReadonlyMap<string, string>, Set<string>>();

  constructor(options: NameOptions = {}) {
    this.#prefix = options.asyncPrefix ?? 'strip';
    this.#suffix = options.asyncSuffix ?? 'strip';
    this.#renames = new Map(Object.entries(options.renames ?? {}));
    this.#keep = new Set(options.keep ?? []);
  }

  /**
   * The names of an identifier table (a parsed file's `identifiers`) that this convention renames,
   * remembered per table: facts gathering and the transform ask for the same file.
   */
  renamedIn(identifiers: ReadonlyMap<string, string>): ReadonlySet<string> {
    let renamed = this.#renamedByTable.get(identifiers);
    if (!renamed) {
      renamed = new Set();
      if (this.#prefix !== 'keep' || this.#suffix !== 'keep') {
        for (const name of identifiers.keys()) {
          // Every name the conventions rename contains `Async`; `includes` is far cheaper than the memo.
          if (name.includes('Async') && this.syncName(name) !== undefined) renamed.add(name);
        }
      }
      for (const name of this.#renames.keys())
        if (identifiers.has(name) && this.syncName(name) !== undefined) renamed.add(name);
      this.#renamedByTable.set(identifiers, renamed);
    }
    return renamed;
  }

  /** The names given explicit sync names in the options' `renames` (those outside the convention). */
  get explicitlyRenamed(): Iterable<string> {
    return this.#renames.keys();
  }

  syncName(name: string): string | undefined {
    const known = this.#memo.get(name);
    if (known !== undefined) return known === KEEP ? undefined : known;
    const decided = this.#decide(name);
    this.#memo.set(name, decided ?? KEEP);
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
