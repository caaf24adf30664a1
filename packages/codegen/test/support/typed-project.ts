import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempProject } from './temp-project.js';

const repository = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/**
 * A temporary project whose `node_modules` sees the repository's `@types` (Node's types) and the
 * `anysync` runtime package, as an installed project would; other packages are the given files
 * (`node_modules/p-locate/index.d.ts`, …).
 */
export function typedProject(files: Record<string, string>): ReturnType<typeof tempProject> {
  const project = tempProject(files);
  const modules = path.join(project.root, 'node_modules');
  mkdirSync(modules, { recursive: true });
  symlinkSync(path.join(repository, 'node_modules', '@types'), path.join(modules, '@types'), 'dir');
  symlinkSync(path.join(repository, 'packages', 'anysync'), path.join(modules, 'anysync'), 'dir');
  return project;
}
