import { type BuildOptions, build, context, type Plugin, type PluginBuild } from 'esbuild';
import anysync from '../../src/esbuild/index.js';
import { type BundlerUnderTest, bundlerSuite } from './support/bundler-suite.js';
import { OutcomeQueue } from './support/outcome-queue.js';
import { isTwinOf } from './support/twin-recorder.js';

/** esbuild hands a plugin's `onLoad` result to no other plugin: the recorder wraps anysync's. */
function recorded(root: string, served: Map<string, string>): Plugin {
  const inner = anysync();
  return {
    name: 'anysync-recorded',
    setup(build) {
      const onLoad: PluginBuild['onLoad'] = (options, callback) =>
        build.onLoad(options, async (args) => {
          const result = await callback(args);
          if (isTwinOf(root, args.path) && typeof result?.contents === 'string') {
            served.set(args.path, result.contents.replace(/\n\/\/# sourceMappingURL=data:[^\n]*$/, ''));
          }
          return result;
        });
      return inner.setup({ ...build, onLoad } as PluginBuild);
    },
  };
}

function options(root: string, plugins: Plugin[]): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: { index: 'src/async/index.ts', sync: 'src/sync/index.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'es2022',
    outdir: 'dist',
    sourcemap: true,
    logLevel: 'silent',
    plugins,
  };
}

const bundler: BundlerUnderTest = {
  async build(root) {
    const served = new Map<string, string>();
    await build(options(root, [recorded(root, served)]));
    return served;
  },
  async watch(root) {
    const outcomes = new OutcomeQueue();
    const reporter: Plugin = {
      name: 'report',
      setup(build) {
        build.onEnd((result) => {
          const error = result.errors.map((message) => message.text).join('\n');
          outcomes.push({ error: error === '' ? undefined : error });
        });
      },
    };
    const watching = await context(options(root, [anysync(), reporter]));
    await watching.watch();
    return { next: () => outcomes.next(), close: () => watching.dispose() };
  },
};

bundlerSuite('esbuild', bundler);
