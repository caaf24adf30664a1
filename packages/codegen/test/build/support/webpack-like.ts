import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BundlerUnderTest } from './bundler-suite.js';
import { OutcomeQueue } from './outcome-queue.js';
import { isTwinOf } from './twin-recorder.js';

const recordLoader = path.join(path.dirname(fileURLToPath(import.meta.url)), 'record-twin-loader.cjs');
const require = createRequire(import.meta.url);

/** What differs between webpack and Rspack for the fixture: the compiler, the TypeScript loader. */
export interface WebpackLikeSetup {
  compiler(config: Record<string, unknown>): WebpackLikeCompiler;
  typescriptLoader: { loader: string; options: Record<string, unknown> };
}

interface Stats {
  hasErrors(): boolean;
  toString(options: unknown): string;
}

interface WebpackLikeCompiler {
  run(callback: (error: Error | null, stats?: Stats) => void): void;
  watch(
    options: unknown,
    callback: (error: Error | null, stats?: Stats) => void,
  ): { close(done: () => void): void };
  close(done: () => void): void;
}

/** The fixture's build for webpack or Rspack: `index.js` and `sync.js`, ES modules for Node. */
export function webpackLike(setup: WebpackLikeSetup, plugin: () => unknown): BundlerUnderTest {
  const config = (root: string) => ({
    mode: 'production',
    context: root,
    target: 'node',
    devtool: 'source-map',
    entry: { index: './src/async/index.ts', sync: './src/sync/index.ts' },
    output: {
      path: path.join(root, 'dist'),
      filename: '[name].js',
      library: { type: 'module' },
      module: true,
      chunkFormat: 'module',
    },
    experiments: { outputModule: true },
    optimization: { minimize: false },
    resolve: { extensionAlias: { '.js': ['.ts', '.js'] }, extensions: ['.ts', '.js'] },
    externalsPresets: { node: true },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: [/node_modules/],
          use: [setup.typescriptLoader, { loader: recordLoader }],
        },
      ],
    },
    plugins: [plugin()],
    infrastructureLogging: { level: 'error' },
  });
  const failure = (stats: Stats | undefined) =>
    stats?.hasErrors() ? stats.toString({ all: false, errors: true, errorDetails: true }) : undefined;
  return {
    async build(root) {
      const served = new Map<string, string>();
      const record = globalThis as { __anysyncServedTwins?: Map<string, string> };
      record.__anysyncServedTwins = served;
      const compiler = setup.compiler(config(root));
      try {
        const stats = await new Promise<Stats | undefined>((resolve, reject) =>
          compiler.run((error, result) => (error ? reject(error) : resolve(result))),
        );
        const error = failure(stats);
        if (error !== undefined) throw new Error(error);
      } finally {
        await new Promise<void>((resolve) => compiler.close(() => resolve()));
        record.__anysyncServedTwins = undefined;
      }
      return new Map([...served].filter(([file]) => isTwinOf(root, file)));
    },
    async watch(root) {
      const outcomes = new OutcomeQueue();
      const compiler = setup.compiler(config(root));
      const watching = compiler.watch({ aggregateTimeout: 50 }, (error, stats) =>
        outcomes.push({ error: error ? error.message : failure(stats) }),
      );
      return {
        next: () => outcomes.next(),
        close: () => new Promise<void>((resolve) => watching.close(() => compiler.close(() => resolve()))),
      };
    },
  };
}

/** A loader's absolute path, so that the fixture's copy needs no `node_modules` of its own. */
export function loaderPath(name: string): string {
  return require.resolve(name);
}
