// pkg-dir: ESM; the async half awaits find-up-simple's `findUp` and uses its result.
import path from 'node:path';

const tree = {
  'package.json': '{"name":"top"}',
  'a/b/c/.keep': '',
  'a/package.json': '{"name":"a"}',
  'a/b/package.json/': null,
};

export default {
  name: 'pkg-dir',
  version: '9.0.0',
  style: 'ESM; both halves in one file; awaits find-up-simple',
  entry: 'index.js',
  strip: { 'index.js': ['packageDirectorySync'] },
  convert: ['index.js'],
  config: {
    names: { renames: { packageDirectory: 'packageDirectorySync' } },
    mappings: { 'find-up-simple': { exports: { findUp: 'findUpSync' } } },
  },
  assemble: [
    { file: 'index.js', twin: 'index.js', exports: { packageDirectorySync: 'packageDirectorySync' } },
  ],
  api: {
    async: (m) => ({ dir: m.packageDirectory }),
    sync: (m) => ({ dir: m.packageDirectorySync }),
  },
  cases: [
    { name: 'nearest package root', tree, run: (api, root) => api.dir({ cwd: path.join(root, 'a/b/c') }) },
    {
      name: 'a directory named package.json is skipped',
      tree,
      run: (api, root) => api.dir({ cwd: path.join(root, 'a/b') }),
    },
    { name: 'from the root itself', tree, run: (api, root) => api.dir({ cwd: root }) },
    { name: 'cwd as URL', tree, run: (api, root) => api.dir({ cwd: new URL(`file://${root}/a/b/c/`) }) },
    { name: 'from the process cwd', tree, cwd: 'a/b/c', run: (api) => api.dir() },
  ],
};
