import path from 'node:path';
import { type RollupOptions, rollup, watch } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import anysync from '../../src/rollup/index.js';
import { type BundlerUnderTest, bundlerSuite } from './support/bundler-suite.js';
import { OutcomeQueue } from './support/outcome-queue.js';
import { twinRecorder } from './support/twin-recorder.js';

function options(root: string, served: Map<string, string>): RollupOptions {
  return {
    input: { index: path.join(root, 'src/async/index.ts') },
    external: [/^node:/],
    // The twin of the async entry becomes the entry `sync`.
    plugins: [
      anysync({ root, twinEntries: { name: () => 'sync' } }),
      twinRecorder(root, served),
      esbuild({ target: 'es2022' }),
    ],
    output: { dir: path.join(root, 'dist'), format: 'es', sourcemap: true },
    onwarn: () => {},
  };
}

const bundler: BundlerUnderTest = {
  async build(root) {
    const served = new Map<string, string>();
    const config = options(root, served);
    const bundle = await rollup(config);
    try {
      await bundle.write(config.output as never);
    } finally {
      await bundle.close();
    }
    return served;
  },
  async watch(root) {
    const outcomes = new OutcomeQueue();
    const watcher = watch({ ...options(root, new Map()), watch: { buildDelay: 50 } });
    watcher.on('event', (event) => {
      if (event.code === 'BUNDLE_END') void event.result.close();
      if (event.code === 'END') outcomes.push({ error: undefined });
      if (event.code === 'ERROR') {
        void event.result?.close();
        outcomes.push({ error: event.error.message });
      }
    });
    return { next: () => outcomes.next(), close: () => watcher.close() };
  },
};

bundlerSuite('Rollup', bundler);
