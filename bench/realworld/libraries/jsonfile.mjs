// jsonfile: CommonJS; the async half awaits `universalify.fromCallback(fs.readFile)(…)`, where `fs` is
// the caller's (`options.fs`) or graceful-fs, and exports universalified wrappers of its async functions.
import path from 'node:path';

const tree = {
  'ok.json': '{"a":1}',
  'bom.json': '\uFEFF{"bom":true}',
  'bad.json': '{"a":',
  'dir/': null,
};

export default {
  name: 'jsonfile',
  version: '6.2.1',
  style:
    'CommonJS; awaits universalify.fromCallback(fs.readFile)(…) over a run-time fs; universalified exports',
  entry: 'index.js',
  strip: { 'index.js': ['readFileSync', 'writeFileSync'] },
  convert: ['index.js'],
  config: { names: { renames: { _readFile: 'readFileSync', _writeFile: 'writeFileSync' } } },
  assemble: [
    {
      file: 'index.js',
      twin: 'index.js',
      exports: { readFileSync: 'readFileSync', writeFileSync: 'writeFileSync' },
    },
  ],
  api: {
    async: (m) => ({ read: m.readFile, write: m.writeFile }),
    sync: (m) => ({ read: m.readFileSync, write: m.writeFileSync }),
  },
  cases: [
    { name: 'read JSON', tree, run: (api, root) => api.read(path.join(root, 'ok.json')) },
    { name: 'read with a BOM', tree, run: (api, root) => api.read(path.join(root, 'bom.json')) },
    { name: 'read broken JSON', tree, run: (api, root) => api.read(path.join(root, 'bad.json')) },
    {
      name: 'read broken JSON, throws false',
      tree,
      run: (api, root) => api.read(path.join(root, 'bad.json'), { throws: false }),
    },
    { name: 'read a missing file', tree, run: (api, root) => api.read(path.join(root, 'nope.json')) },
    { name: 'read a directory', tree, run: (api, root) => api.read(path.join(root, 'dir')) },
    {
      name: 'write with spaces',
      tree,
      run: (api, root) => api.write(path.join(root, 'out.json'), { b: [1, 2] }, { spaces: 2 }),
    },
    {
      name: 'write into a missing directory',
      tree,
      run: (api, root) => api.write(path.join(root, 'no/x.json'), {}),
    },
  ],
};
