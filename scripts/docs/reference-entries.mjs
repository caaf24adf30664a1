// The entry points of the API reference: one per subpath of each publishable package's exports map, named
// as users import it (`anysync/runtime`, `@anysync/codegen`), read from the maps so that a new subpath or
// package is documented without a list to update.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishableWorkspaces } from '../publishable-workspaces.mjs';

/**
 * @param {string} root
 * @returns {{ specifier: string, file: string, workspace: string }[]}
 */
export function referenceEntries(root) {
  return publishableWorkspaces(root).flatMap((workspace) => {
    const manifest = JSON.parse(readFileSync(join(workspace.dir, 'package.json'), 'utf8'));
    return Object.entries(manifest.exports)
      .filter(
        ([, target]) => typeof target === 'object' && target !== null && typeof target.types === 'string',
      )
      .map(([subpath, target]) => ({
        specifier: subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`,
        // The types of a subpath are built from the source file of the same path under src/.
        file: join(workspace.dir, target.types.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$/, '.ts')),
        workspace: workspace.location,
      }));
  });
}
