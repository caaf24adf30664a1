import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FixtureInput } from './fixture-inputs.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

function tsFilesUnder(root: string, label: (full: string) => string): FixtureInput[] {
  const found: FixtureInput[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts'))
        found.push({ name: label(full), extension: '.ts', text: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return found;
}

/** The runtime package's and the examples' sources: real files full of JSDoc with async words. */
export function repositorySources(): FixtureInput[] {
  const roots = [
    'packages/anysync/src',
    ...readdirSync(path.join(repository, 'examples')).map((e) => `examples/${e}/src`),
  ];
  return roots.flatMap((root) =>
    tsFilesUnder(path.join(repository, root), (full) => path.relative(repository, full)),
  );
}

/**
 * The sources of `effect` (a devDependency of the benchmarks, installed by `npm ci`): 570 files of a
 * large real library, the codegen benchmark's corpus.
 */
export function effectSources(): FixtureInput[] {
  const require = createRequire(path.join(repository, 'bench', 'package.json'));
  const root = path.join(path.dirname(require.resolve('effect/package.json')), 'src');
  return tsFilesUnder(root, (full) => `effect/${path.relative(root, full)}`);
}
