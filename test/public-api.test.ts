import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { publishableWorkspaces } from '../scripts/publishable-workspaces.mjs';

/**
 * The public API is what each package's `exports` map exposes, nothing else. Every exported name must
 * carry JSDoc, and every exported value (function, class, constant) an `@example`.
 */
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
// Every publishable workspace, as npm finds them: a new package is checked without a list to update.
const packages = publishableWorkspaces(root).map((workspace) => workspace.location);

interface Entry {
  readonly subpath: string;
  readonly source: string;
}

function entries(pkg: string): Entry[] {
  const manifest = JSON.parse(readFileSync(path.join(root, pkg, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { types: string }>;
  };
  return Object.entries(manifest.exports)
    .filter(([, target]) => typeof target !== 'string')
    .map(([subpath, target]) => ({
      subpath,
      source: path.join(
        root,
        pkg,
        (target as { types: string }).types.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$/, '.ts'),
      ),
    }));
}

const allEntries = packages.flatMap((pkg) => entries(pkg).map((entry) => ({ pkg, ...entry })));
const program = ts.createProgram(
  allEntries.map((entry) => entry.source),
  {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  },
);
const checker = program.getTypeChecker();

function exportsOf(source: string): ts.Symbol[] {
  const file = program.getSourceFile(source);
  if (!file) throw new Error(`${source} is not part of the program`);
  const moduleSymbol = checker.getSymbolAtLocation(file);
  return moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
}

function describeSymbol(symbol: ts.Symbol): { isValue: boolean; hasDoc: boolean; hasExample: boolean } {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const declarations = target.declarations ?? [];
  const docs = declarations.flatMap((declaration) => {
    const holder = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
    return ts.getJSDocCommentsAndTags(holder);
  });
  const hasExample = declarations.some((declaration) => {
    const holder = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
    return ts.getJSDocTags(holder).some((tag) => tag.tagName.text === 'example');
  });
  const isValue =
    (target.flags & (ts.SymbolFlags.Value & ~ts.SymbolFlags.Enum)) !== 0 &&
    !(target.flags & ts.SymbolFlags.Interface);
  return { isValue, hasDoc: docs.length > 0, hasExample };
}

describe.each(allEntries)('$pkg $subpath', ({ source }) => {
  // A missing entry file fails its own test instead of the whole file's collection.
  const symbols =
    (() => {
      try {
        return exportsOf(source);
      } catch {
        return undefined;
      }
    })() ?? [];

  it('exports something', () => {
    expect(program.getSourceFile(source), `${source} must exist`).toBeDefined();
    expect(symbols.length).toBeGreaterThan(0);
  });

  it('documents every exported name, and gives every exported value an @example', () => {
    const problems = symbols.flatMap((symbol) => {
      const info = describeSymbol(symbol);
      if (!info.hasDoc) return [`${symbol.name}: no JSDoc`];
      if (info.isValue && !info.hasExample) return [`${symbol.name}: no @example`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it('lists every name explicitly (no `export *`)', () => {
    const text = readFileSync(source, 'utf8');
    expect(text).not.toMatch(/export \* from/);
  });
});

describe('API surface', () => {
  it('matches the committed list of public names', async () => {
    const surface = allEntries
      .map(({ pkg, subpath, source }) => {
        const names = program.getSourceFile(source)
          ? exportsOf(source)
              .map((symbol) => symbol.name)
              .sort()
          : ['(missing entry file)'];
        return `${pkg.replace('packages/', '')}${subpath === '.' ? '' : subpath.slice(1)}: ${names.join(', ')}`;
      })
      .join('\n');
    await expect(`${surface}\n`).toMatchFileSnapshot('./api-surface.txt');
  });
});
