import path from 'node:path';
import { type RolldownOptions, rolldown, watch } from 'rolldown';
import anysync from '../../src/rolldown/index.js';
import { type BundlerUnderTest, bundlerSuite } from './support/bundler-suite.js';
import { OutcomeQueue } from './support/outcome-queue.js';
import { twinRecorder } from './support/twin-recorder.js';

function options(root: string, served: Map<string, string>): RolldownOptions {
  return {
    cwd: root,
    input: { index: 'src/async/index.ts' },
    platform: 'node',
    // The twin of the async entry becomes the entry `sync`.
    plugins: [anysync({ twinEntries: { name: () => 'sync' } }), twinRecorder(root, served)],
    output: { dir: path.join(root, 'dist'), format: 'es', sourcemap: true },
    logLevel: 'silent',
  };
}

const bundler: BundlerUnderTest = {
  async build(root) {
    const served = new Map<string, string>();
    const config = options(root, served);
    const bundle = await rolldown(config);
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
      if (event.code === 'BUNDLE_END' || event.code === 'ERROR') void event.result?.close();
      if (event.code === 'END') outcomes.push({ error: undefined });
      if (event.code === 'ERROR') outcomes.push({ error: event.error.message });
    });
    return { next: () => outcomes.next(), close: () => watcher.close() };
  },
};

bundlerSuite('Rolldown', bundler);
