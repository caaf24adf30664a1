// path-exists: ESM, the smallest dual API there is; the async half goes through `promises as fsPromises`.
import path from 'node:path';

const tree = {
  'file.txt': 'x',
  'dir/': null,
  'broken-link': { symlink: 'nowhere' },
  'good-link': { symlink: 'file.txt' },
};

export default {
  name: 'path-exists',
  version: '5.0.0',
  style: 'ESM; both halves in one file; `{promises as fsPromises}` from node:fs',
  entry: 'index.js',
  strip: { 'index.js': ['pathExistsSync'] },
  convert: ['index.js'],
  config: { names: { renames: { pathExists: 'pathExistsSync' } } },
  assemble: [{ file: 'index.js', twin: 'index.js', exports: { pathExistsSync: 'pathExistsSync' } }],
  api: {
    async: (m) => ({ pathExists: m.pathExists }),
    sync: (m) => ({ pathExists: m.pathExistsSync }),
  },
  cases: [
    { name: 'a file', tree, run: (api, root) => api.pathExists(path.join(root, 'file.txt')) },
    { name: 'a directory', tree, run: (api, root) => api.pathExists(path.join(root, 'dir')) },
    { name: 'missing', tree, run: (api, root) => api.pathExists(path.join(root, 'missing')) },
    { name: 'a broken symlink', tree, run: (api, root) => api.pathExists(path.join(root, 'broken-link')) },
    { name: 'a symlink to a file', tree, run: (api, root) => api.pathExists(path.join(root, 'good-link')) },
    { name: 'through a file', tree, run: (api, root) => api.pathExists(path.join(root, 'file.txt', 'x')) },
    { name: 'a URL', tree, run: (api, root) => api.pathExists(new URL(`file://${root}/file.txt`)) },
    { name: 'a relative path', tree, cwd: 'dir', run: (api) => api.pathExists('../file.txt') },
    { name: 'not a path', tree, run: (api) => api.pathExists(42) },
    { name: 'no argument', tree, run: (api) => api.pathExists() },
  ],
};
