// Runs both twins of the config loader against a real directory tree and prints what each found.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AsyncConfigLoader, loadConfigAsync } from './async/index.js';
import { ConfigLoader, loadConfig } from './sync/index.js';

const root = mkdtempSync(path.join(tmpdir(), 'config-loader-demo-'));
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};
write('package.json', JSON.stringify({ name: 'monorepo', demo: { color: 'blue', retries: 1 } }));
write('base.json', JSON.stringify({ server: { port: 80, host: 'localhost' } }));
write('apps/web/.demorc', 'extends = ../../base.json\n[server]\nport = 8080\n');
write('apps/web/src/deep/file.txt', '');
const start = path.join(root, 'apps/web/src/deep');
const show = (file: string | undefined) => (file ? path.relative(root, file) : 'none');

try {
  let t = performance.now();
  const fromAsync = await loadConfigAsync('demo', start);
  const asyncMs = performance.now() - t;
  t = performance.now();
  const fromSync = loadConfig('demo', start);
  const syncMs = performance.now() - t;
  console.log(
    `async twin: found ${show(fromAsync?.file)} → ${JSON.stringify(fromAsync?.config)} (${asyncMs.toFixed(2)} ms)`,
  );
  console.log(
    `sync twin:  found ${show(fromSync?.file)} → ${JSON.stringify(fromSync?.config)} (${syncMs.toFixed(2)} ms)`,
  );
  console.log(`  both read ${fromSync?.files.map(show).join(' ← ')}`);
  const rootAsync = await new AsyncConfigLoader({ name: 'demo', cwd: root }).searchAsync();
  const rootSync = new ConfigLoader({ name: 'demo', cwd: root }).search();
  console.log(
    `from the root, async: ${show(rootAsync?.file)} ${JSON.stringify(rootAsync?.config)}; sync: ${show(rootSync?.file)} ${JSON.stringify(rootSync?.config)}`,
  );
  if (
    JSON.stringify(fromAsync) !== JSON.stringify(fromSync) ||
    JSON.stringify(rootAsync) !== JSON.stringify(rootSync)
  ) {
    throw new Error('the twins disagree');
  }
  console.log('the twins agree');
} finally {
  rmSync(root, { recursive: true, force: true });
}
