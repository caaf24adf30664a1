// locate-path: ESM; the async half hands an async callback to p-locate (concurrency, no sync
// counterpart) and picks `fsPromises.stat` or `.lstat` into a local before awaiting it.
import path from 'node:path';

const tree = { 'a.txt': 'a', 'b/': null, 'c.txt': 'c', 'link.txt': { symlink: 'a.txt' } };

export default {
  name: 'locate-path',
  version: '8.0.0',
  style: 'ESM; both halves in one file; p-locate with an async callback; stat/lstat chosen at run time',
  entry: 'index.js',
  strip: { 'index.js': ['locatePathSync'] },
  convert: ['index.js'],
  config: { names: { renames: { locatePath: 'locatePathSync' } } },
  assemble: [{ file: 'index.js', twin: 'index.js', exports: { locatePathSync: 'locatePathSync' } }],
  api: {
    async: (m) => ({ locatePath: m.locatePath }),
    sync: (m) => ({ locatePath: m.locatePathSync }),
  },
  cases: [
    {
      name: 'first existing file',
      tree,
      run: (api, root) => api.locatePath(['x', 'c.txt', 'a.txt'], { cwd: root }),
    },
    { name: 'none exists', tree, run: (api, root) => api.locatePath(['x', 'y'], { cwd: root }) },
    {
      name: 'a directory',
      tree,
      run: (api, root) => api.locatePath(['a.txt', 'b'], { cwd: root, type: 'directory' }),
    },
    { name: 'both', tree, run: (api, root) => api.locatePath(['b', 'a.txt'], { cwd: root, type: 'both' }) },
    {
      name: 'symlinks refused',
      tree,
      run: (api, root) => api.locatePath(['link.txt'], { cwd: root, allowSymlinks: false }),
    },
    {
      name: 'invalid type',
      tree,
      run: (api, root) => api.locatePath(['a.txt'], { cwd: root, type: 'fifo' }),
    },
    {
      name: 'cwd as URL',
      tree,
      run: (api, root) => api.locatePath(['a.txt'], { cwd: new URL(`file://${root}/`) }),
    },
    {
      name: 'relative to process.cwd()',
      tree,
      cwd: 'b',
      run: (api) => api.locatePath([path.join('..', 'c.txt')]),
    },
  ],
};
