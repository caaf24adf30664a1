import { createRequire } from 'node:module';
import type { TwinProject } from './twin-project.js';

/** The part of a webpack or Rspack compiler this needs. */
export interface WebpackLikeCompiler {
  options: { context?: string | undefined };
  hooks: {
    beforeCompile: { tapPromise(name: string, run: () => Promise<void>): void };
    thisCompilation: {
      tap(name: string, run: (compilation: unknown, params: CompilationParams) => void): void;
    };
  };
  rspack?: { experiments?: { VirtualModulesPlugin?: new () => VirtualFiles } };
}

interface CompilationParams {
  normalModuleFactory: { hooks: { beforeResolve: { tap(name: string, run: () => undefined): void } } };
}

interface VirtualFiles {
  apply(compiler: never): void;
  writeModule(file: string, contents: string): void;
}

const require = createRequire(import.meta.url);

/**
 * Puts the twins into the compiler's input file system at their real paths, converted again before
 * every compilation and rewritten only when they changed. They are written when the compilation
 * resolves its first module: Rspack's file store only exists from then on. Resolution, `module.rules` (loaders,
 * `exclude`), relative imports and watching then treat a twin like any file; the plugin's `load` hook
 * still serves each twin with its source map, and fails the module when its source has errors (such a
 * twin is an empty file here).
 */
export function mountTwins(
  compiler: WebpackLikeCompiler,
  framework: 'webpack' | 'rspack',
  refresh: () => Promise<TwinProject>,
): void {
  const files = virtualFiles(compiler, framework);
  files.apply(compiler as never);
  const written = new Map<string, string>();
  let project: TwinProject | undefined;
  compiler.hooks.beforeCompile.tapPromise('anysync', async () => {
    project = await refresh();
  });
  compiler.hooks.thisCompilation.tap('anysync', (_compilation, params) => {
    params.normalModuleFactory.hooks.beforeResolve.tap('anysync', () => {
      const converted = project;
      project = undefined;
      for (const twin of converted?.twins ?? []) {
        const contents = twin.code ?? '';
        if (written.get(twin.target) === contents) continue;
        files.writeModule(twin.target, contents);
        written.set(twin.target, contents);
      }
      return undefined;
    });
  });
}

function virtualFiles(compiler: WebpackLikeCompiler, framework: 'webpack' | 'rspack'): VirtualFiles {
  if (framework === 'webpack') {
    const WebpackVirtualModules = require('webpack-virtual-modules') as new () => VirtualFiles;
    return new WebpackVirtualModules();
  }
  const RspackVirtualModules = compiler.rspack?.experiments?.VirtualModulesPlugin;
  if (RspackVirtualModules === undefined) {
    throw new Error(
      'anysync: this Rspack has no experiments.VirtualModulesPlugin; Rspack 1.4 or later is needed',
    );
  }
  return new RspackVirtualModules();
}
