// load-json-file: ESM; the async half awaits `readFile`, destructured from `promises` of node:fs.
import path from 'node:path';

const tree = {
  'ok.json': '{"a":1,"b":[true,null]}',
  'bom.json': '\uFEFF{"bom":true}',
  'bad.json': '{"a":',
  'empty.json': '',
  'dir.json/': null,
};

export default {
  name: 'load-json-file',
  version: '7.0.1',
  style: 'ESM; both halves in one file; `const {readFile} = fs` where fs is `promises` of node:fs',
  entry: 'index.js',
  strip: { 'index.js': ['loadJsonFileSync'] },
  convert: ['index.js'],
  config: { names: { renames: { loadJsonFile: 'loadJsonFileSync' } } },
  assemble: [{ file: 'index.js', twin: 'index.js', exports: { loadJsonFileSync: 'loadJsonFileSync' } }],
  api: {
    async: (m) => ({ load: m.loadJsonFile }),
    sync: (m) => ({ load: m.loadJsonFileSync }),
  },
  cases: [
    { name: 'valid JSON', tree, run: (api, root) => api.load(path.join(root, 'ok.json')) },
    { name: 'a BOM is removed', tree, run: (api, root) => api.load(path.join(root, 'bom.json')) },
    {
      name: 'beforeParse and reviver',
      tree,
      run: (api, root) =>
        api.load(path.join(root, 'ok.json'), {
          beforeParse: (s) => s.replace('"a"', '"z"'),
          reviver: (_key, v) => (typeof v === 'number' ? v * 10 : v),
        }),
    },
    { name: 'invalid JSON', tree, run: (api, root) => api.load(path.join(root, 'bad.json')) },
    { name: 'empty file', tree, run: (api, root) => api.load(path.join(root, 'empty.json')) },
    { name: 'missing file', tree, run: (api, root) => api.load(path.join(root, 'missing.json')) },
    { name: 'a directory', tree, run: (api, root) => api.load(path.join(root, 'dir.json')) },
    { name: 'a URL', tree, run: (api, root) => api.load(new URL(`file://${root}/ok.json`)) },
  ],
};
