import type * as NodeFs from 'node:fs';
import { invalidArgument } from '../internal/invalid-argument.js';

/**
 * An open directory read by blocking calls: the sync twin of the `Dir` that `opendir` from
 * `node:fs/promises` gives, whose async iterator `for await` walks. This one is iterable:
 * `for (const entry of dir)` reads the entries (`Dirent`s) and closes the directory when they run out or
 * the loop exits early, as `Dir`'s async iterator does. {@link opendirSync} opens one; `anysync generate`
 * maps `await opendir(path)` to it.
 *
 * `read()` gives the next entry or `null`; reading or closing a closed directory throws
 * `ERR_DIR_CLOSED`, as `Dir` does; `using dir = opendirSync(…)` closes it at the end of the block unless
 * it is closed already.
 *
 * @example
 * ```ts
 * import { opendirSync } from 'anysync/runtime';
 *
 * for (const entry of opendirSync('.')) if (entry.isFile()) console.log(entry.name);
 * ```
 */
export class SyncDir implements Iterable<NodeFs.Dirent> {
  readonly #dir: NodeFs.Dir;
  #closed = false;

  /** Wraps a `Dir` of `node:fs`, which this object reads with its `…Sync` methods from now on. */
  constructor(dir: NodeFs.Dir) {
    const candidate = dir as Partial<NodeFs.Dir> | null;
    if (typeof candidate?.readSync !== 'function' || typeof candidate.closeSync !== 'function') {
      throw invalidArgument('type', 'SyncDir: dir', 'a Dir of node:fs (open one with opendirSync())', dir);
    }
    this.#dir = dir;
  }

  /** The path the directory was opened with. */
  get path(): string {
    return this.#dir.path;
  }

  /** The next entry, or `null` when there are no more. */
  read(): NodeFs.Dirent | null {
    return this.#dir.readSync();
  }

  /** Closes the directory; a second close throws `ERR_DIR_CLOSED`, as `Dir.close()` does. */
  close(): void {
    this.#dir.closeSync();
    this.#closed = true;
  }

  /** Reads every entry left, then closes the directory (also when the loop exits early or throws). */
  *[Symbol.iterator](): Generator<NodeFs.Dirent, undefined, undefined> {
    try {
      for (let entry = this.read(); entry !== null; entry = this.read()) yield entry;
    } finally {
      this.close();
    }
    return undefined;
  }

  /** Closes the directory unless it is closed already (what `using` calls). */
  [Symbol.dispose](): void {
    if (!this.#closed) this.close();
  }
}
