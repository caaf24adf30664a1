// One build of a library with each bundler, the anysync plugin on or off; the same entries and
// output either way (`index.js` from the async entry, `sync.js` from the sync twin's entry).
import { createRequire } from 'node:module';
import path from 'node:path';
import esbuildPlugin from '@anysync/codegen/esbuild';
import rolldownPlugin from '@anysync/codegen/rolldown';
import rollupPlugin from '@anysync/codegen/rollup';
import rspackPlugin from '@anysync/codegen/rspack';
import vitePlugin from '@anysync/codegen/vite';
import webpackPlugin from '@anysync/codegen/webpack';

const require = createRequire(import.meta.url);
const entries = { index: 'src/async/index.ts', sync: 'src/sync/index.ts' };

const webpackConfig = (root, out, loader, plugin) => ({
  mode: 'production',
  context: root,
  target: 'node',
  entry: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, `./${file}`])),
  output: {
    path: out,
    filename: '[name].js',
    library: { type: 'module' },
    module: true,
    chunkFormat: 'module',
  },
  experiments: { outputModule: true },
  optimization: { minimize: false },
  resolve: { extensionAlias: { '.js': ['.ts', '.js'] }, extensions: ['.ts', '.js'] },
  externalsPresets: { node: true },
  module: { rules: [{ test: /\.ts$/, exclude: [/node_modules/], use: [loader] }] },
  plugins: plugin ? [plugin] : [],
  infrastructureLogging: { level: 'error' },
});

const runCompiler = (compiler) =>
  new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => {});
      if (error || stats.hasErrors()) reject(error ?? new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );

/** Builds `root` into `out`; `on` adds the anysync plugin (else the twins must be on disk). */
export const BUNDLERS = {
  async esbuild(root, out, on) {
    const { build } = await import('esbuild');
    await build({
      absWorkingDir: root,
      entryPoints: entries,
      bundle: true,
      platform: 'node',
      format: 'esm',
      outdir: out,
      logLevel: 'silent',
      plugins: on ? [esbuildPlugin()] : [],
    });
  },
  async rollup(root, out, on) {
    const { rollup } = await import('rollup');
    const { default: esbuild } = await import('rollup-plugin-esbuild');
    const bundle = await rollup({
      input: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.join(root, file)])),
      external: [/^node:/],
      plugins: [...(on ? [rollupPlugin({ root })] : []), esbuild({ target: 'es2022' })],
      onwarn: () => {},
    });
    await bundle.write({ dir: out, format: 'es' });
    await bundle.close();
  },
  async rolldown(root, out, on) {
    const { rolldown } = await import('rolldown');
    const bundle = await rolldown({
      cwd: root,
      input: entries,
      platform: 'node',
      logLevel: 'silent',
      plugins: on ? [rolldownPlugin()] : [],
    });
    await bundle.write({ dir: out, format: 'es' });
    await bundle.close();
  },
  async vite(root, out, on) {
    const { build } = await import('vite');
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      plugins: on ? [vitePlugin()] : [],
      build: {
        outDir: out,
        emptyOutDir: true,
        minify: false,
        lib: { entry: entries, formats: ['es'] },
        rollupOptions: { external: [/^node:/] },
      },
    });
  },
  async webpack(root, out, on) {
    const { default: webpack } = await import('webpack');
    const loader = {
      loader: require.resolve('ts-loader'),
      options: { transpileOnly: true, compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } },
    };
    await runCompiler(webpack(webpackConfig(root, out, loader, on ? webpackPlugin() : undefined)));
  },
  async rspack(root, out, on) {
    const { rspack } = await import('@rspack/core');
    const loader = {
      loader: 'builtin:swc-loader',
      options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } },
    };
    await runCompiler(rspack(webpackConfig(root, out, loader, on ? rspackPlugin() : undefined)));
  },
};
