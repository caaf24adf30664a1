// read-pkg: ESM; the async half awaits `fsPromises.readFile` (default import of node:fs/promises) and
// shares its parsing with the sync half and with `parsePackage`.
import path from 'node:path';

const manifest = JSON.stringify({ name: 'demo', version: '1.2.3', repository: 'user/repo', bin: './cli.js' });
const tree = {
  'package.json': manifest,
  'raw/package.json': '{"name":"Bad Name","version":"x"}',
  'broken/package.json': '{"name": "demo",',
  'none/': null,
};

export default {
  name: 'read-pkg',
  version: '10.1.0',
  style: 'ESM; both halves in one file; `fsPromises.readFile` from node:fs/promises',
  entry: 'index.js',
  strip: { 'index.js': ['readPackageSync'] },
  convert: ['index.js'],
  config: { names: { renames: { readPackage: 'readPackageSync' } } },
  assemble: [{ file: 'index.js', twin: 'index.js', exports: { readPackageSync: 'readPackageSync' } }],
  api: {
    async: (m) => ({ read: m.readPackage }),
    sync: (m) => ({ read: m.readPackageSync }),
  },
  cases: [
    { name: 'normalized', tree, run: (api, root) => api.read({ cwd: root }) },
    { name: 'not normalized', tree, run: (api, root) => api.read({ cwd: root, normalize: false }) },
    { name: 'invalid data, normalized', tree, run: (api, root) => api.read({ cwd: path.join(root, 'raw') }) },
    { name: 'broken JSON', tree, run: (api, root) => api.read({ cwd: path.join(root, 'broken') }) },
    { name: 'no package.json', tree, run: (api, root) => api.read({ cwd: path.join(root, 'none') }) },
    { name: 'cwd as URL', tree, run: (api, root) => api.read({ cwd: new URL(`file://${root}/`) }) },
    { name: 'default cwd', tree, cwd: '.', run: (api) => api.read() },
  ],
};
