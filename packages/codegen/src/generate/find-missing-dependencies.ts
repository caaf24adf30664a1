import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { codeFrame, lineNumberAt } from '../diagnostics/code-frame.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** A twin as `generate` produced it: where it goes and its full text. */
export interface TwinText {
  readonly target: string;
  readonly output: string;
}

const RUNTIME_PACKAGE = 'anysync';

/**
 * Warns about twins that import `anysync/…` from a package whose nearest package.json does not list
 * `anysync` in `dependencies` (or `peerDependencies`). The generator itself adds such imports (`sleepSync`
 * for a timer, `readFileSync` needs none), so an author who installed only `@anysync/codegen` gets a twin
 * that type-checks nowhere and breaks for every user of the published package; a devDependency is not
 * enough either, since the twin runs in the user's install.
 */
export function findMissingDependencies(twins: readonly TwinText[]): Diagnostic[] {
  const manifests = new Map<string, Manifest | undefined>();
  const diagnostics: Diagnostic[] = [];
  for (const twin of twins) {
    const imported = ts
      .preProcessFile(twin.output, true, true)
      .importedFiles.find((file) => packageOf(file.fileName) === RUNTIME_PACKAGE);
    if (imported === undefined) continue;
    const manifest = nearestManifest(path.dirname(twin.target), manifests);
    if (manifest === undefined || manifest.name === RUNTIME_PACKAGE || manifest.lists(RUNTIME_PACKAGE))
      continue;
    // preProcessFile's span starts at the opening quote and is as long as the specifier.
    const start = /['"`]/.test(twin.output[imported.pos] ?? '') ? imported.pos + 1 : imported.pos;
    const lineStart = twin.output.lastIndexOf('\n', start - 1) + 1;
    diagnostics.push({
      severity: 'warning',
      rule: 'missing-dependency',
      message:
        `the twin imports \`${imported.fileName}\`, but ${manifest.file} does not list \`${RUNTIME_PACKAGE}\` ` +
        'in `dependencies`: the twin will not resolve for the users of this package',
      file: twin.target,
      line: lineNumberAt(twin.output, start),
      column: start - lineStart + 1,
      text: imported.fileName,
      suggestion: `npm install ${RUNTIME_PACKAGE} (a runtime dependency, not a devDependency)`,
      frame: codeFrame(twin.output, start, start + imported.fileName.length),
    });
  }
  return diagnostics;
}

interface Manifest {
  readonly file: string;
  readonly name: unknown;
  lists(name: string): boolean;
}

/** `anysync` for `anysync/runtime`, `@scope/x` for `@scope/x/y`, undefined for relative or `node:` specifiers. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.includes(':')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function nearestManifest(dir: string, cache: Map<string, Manifest | undefined>): Manifest | undefined {
  if (cache.has(dir)) return cache.get(dir);
  const file = path.join(dir, 'package.json');
  const parent = path.dirname(dir);
  const manifest = existsSync(file)
    ? readManifest(file)
    : parent === dir
      ? undefined
      : nearestManifest(parent, cache);
  cache.set(dir, manifest);
  return manifest;
}

function readManifest(file: string): Manifest | undefined {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // An unreadable package.json breaks npm itself, with a better message than ours.
    return undefined;
  }
  const listed = (field: string, name: string) => {
    const value = json[field];
    return typeof value === 'object' && value !== null && Object.hasOwn(value, name);
  };
  return {
    file,
    name: json.name,
    lists: (name) => listed('dependencies', name) || listed('peerDependencies', name),
  };
}
