import path from 'node:path';
import type { TwinProject } from './twin-project.js';

/**
 * Rollup, Vite and Rolldown: the `input` option with the twin of every entry that is an async source
 * added as another entry, named `name(entryName)`, so that it is named by `entryFileNames` like the
 * others. Entries given as a list are named as the bundler names them (the file name without its
 * extension). `undefined` when no entry has a twin.
 */
export function withTwinEntries(
  input: unknown,
  project: TwinProject,
  name: (entryName: string) => string,
): Record<string, string> | undefined {
  const entries: [string, string][] =
    typeof input === 'string'
      ? [[entryName(input), input]]
      : Array.isArray(input)
        ? input.map((file: string) => [entryName(file), file])
        : Object.entries((input ?? {}) as Record<string, string>);
  const record = Object.fromEntries(entries);
  let added = false;
  for (const [entry, file] of entries) {
    const twin =
      project.twinOf(path.resolve(file)) ?? project.twinOf(path.resolve(project.config.root, file));
    if (twin === undefined) continue;
    const twinName = name(entry);
    if (twinName in record) {
      throw new Error(
        `anysync: the twin entry of \`${entry}\` would be named \`${twinName}\`, which is already an entry; pass twinEntries: { name }`,
      );
    }
    record[twinName] = twin.target;
    added = true;
  }
  return added ? record : undefined;
}

function entryName(file: string): string {
  return path.basename(file).replace(/\.[^.]*$/, '');
}
