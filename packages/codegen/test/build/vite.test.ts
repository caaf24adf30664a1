import { build, type InlineConfig } from 'vite';
import anysync from '../../src/vite/index.js';
import { type BundlerUnderTest, bundlerSuite } from './support/bundler-suite.js';
import { OutcomeQueue } from './support/outcome-queue.js';
import { twinRecorder } from './support/twin-recorder.js';

function config(root: string, served: Map<string, string>, watch: boolean): InlineConfig {
  return {
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [anysync(), twinRecorder(root, served)],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      minify: false,
      lib: { entry: { index: 'src/async/index.ts', sync: 'src/sync/index.ts' }, formats: ['es'] },
      rollupOptions: { external: [/^node:/] },
      ...(watch ? { watch: {} } : {}),
    },
  };
}

const bundler: BundlerUnderTest = {
  async build(root) {
    const served = new Map<string, string>();
    await build(config(root, served, false));
    return served;
  },
  async watch(root) {
    const outcomes = new OutcomeQueue();
    const watcher = (await build(config(root, new Map(), true))) as unknown as {
      on(
        event: 'event',
        listener: (event: { code: string; error?: Error; result?: { close(): unknown } }) => void,
      ): void;
      close(): Promise<void>;
    };
    watcher.on('event', (event) => {
      if (event.code === 'BUNDLE_END' || event.code === 'ERROR') void event.result?.close();
      if (event.code === 'END') outcomes.push({ error: undefined });
      if (event.code === 'ERROR') outcomes.push({ error: event.error?.message ?? 'error' });
    });
    return { next: () => outcomes.next(), close: () => watcher.close() };
  },
};

bundlerSuite('Vite', bundler);
