import { stat } from 'node:fs/promises';
import path from 'node:path';

/** Where {@link findUp} starts and stops. */
export interface FindUpOptions {
  /** The directory to start in. @default process.cwd() */
  cwd?: string;
  /** The last directory to look in (inclusive); the search never goes above it. */
  stopAt?: string;
}

/**
 * Looks for any of `names` in `cwd`, then in each parent directory, and returns the first file found
 * (names are tried in order within a directory).
 */
export async function findUp(
  names: readonly string[],
  options: FindUpOptions = {},
): Promise<string | undefined> {
  for await (const file of findAllUp(names, options)) return file;
  return undefined;
}

/** Every file named one of `names` from `cwd` up to the root (or `stopAt`), nearest first. */
export async function* findAllUp(
  names: readonly string[],
  options: FindUpOptions = {},
): AsyncGenerator<string> {
  const stopAt = options.stopAt === undefined ? undefined : path.resolve(options.stopAt);
  let dir = path.resolve(options.cwd ?? process.cwd());
  for (;;) {
    // The names of one directory are checked together.
    const found = await Promise.all(
      names.map(async (name) => ((await isFile(path.join(dir, name))) ? name : undefined)),
    );
    for (const name of found) if (name !== undefined) yield path.join(dir, name);
    const parent = path.dirname(dir);
    if (dir === stopAt || parent === dir) return;
    dir = parent;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' ||
      (error as NodeJS.ErrnoException).code === 'ENOTDIR'
    ) {
      return false;
    }
    throw error;
  }
}
