import path from 'node:path';
import type { TwinProject } from './twin-project.js';

interface ChunkEmitter {
  emitFile(file: { type: 'chunk'; id: string; name: string }): string;
}

/**
 * Rollup, Vite and Rolldown: adds the twin of every entry that is an async source as another entry
 * chunk, named `name(entryName)`. Entries given as a list are named as Rollup names them (the file name
 * without its extension).
 */
export function emitTwinEntries(
  context: unknown,
  inputOptions: unknown,
  project: TwinProject,
  name: (entryName: string) => string,
): void {
  const input = (inputOptions as { input?: unknown } | undefined)?.input;
  const entries: [string, string][] =
    typeof input === 'string'
      ? [[entryName(input), input]]
      : Array.isArray(input)
        ? input.map((file: string) => [entryName(file), file])
        : Object.entries((input ?? {}) as Record<string, string>);
  for (const [entry, file] of entries) {
    const twin =
      project.twinOf(path.resolve(file)) ?? project.twinOf(path.resolve(project.config.root, file));
    if (twin === undefined) continue;
    (context as ChunkEmitter).emitFile({ type: 'chunk', id: twin.target, name: name(entry) });
  }
}

function entryName(file: string): string {
  return path.basename(file).replace(/\.[^.]*$/, '');
}
