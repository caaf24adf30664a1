// write-json-file: ESM; the async half hands its async writer to a shared helper (`init(main, …)`) and
// awaits what the helper returns, reads with fs.promises and returns write-file-atomic's promise, whose
// sync counterpart is a property of that library's default export (`writeFileAtomic.sync`).
import path from 'node:path';

const tree = {
  'tabs.json': '{\n\t"a": 1\n}\n',
  'spaces.json': '{\n    "a": 1\n}',
  'dir.json/': null,
};
const at = (root, p) => path.join(root, p);

export default {
  name: 'write-json-file',
  version: '7.0.0',
  style: 'ESM; an async writer passed to a shared helper whose result is awaited; write-file-atomic.sync',
  entry: 'index.js',
  strip: { 'index.js': ['mainSync', 'writeJsonFileSync'] },
  convert: ['index.js'],
  config: {
    names: { renames: { main: 'mainSync', writeJsonFile: 'writeJsonFileSync' } },
    mappings: { 'write-file-atomic': { exports: { default: 'sync' } } },
  },
  assemble: [{ file: 'index.js', twin: 'index.js', exports: { writeJsonFileSync: 'writeJsonFileSync' } }],
  api: {
    async: (m) => ({ write: m.writeJsonFile }),
    sync: (m) => ({ write: m.writeJsonFileSync }),
  },
  cases: [
    {
      name: 'a new file in new directories',
      tree,
      run: (api, root) => api.write(at(root, 'a/b/x.json'), { z: 1, a: [1, 2] }),
    },
    {
      name: 'indent 2, sorted keys',
      tree,
      run: (api, root) =>
        api.write(at(root, 'x.json'), { z: 1, a: { d: 1, c: 2 } }, { indent: 2, sortKeys: true }),
    },
    {
      name: 'sortKeys with a comparator',
      tree,
      run: (api, root) =>
        api.write(at(root, 'x.json'), { a: 1, b: 2, c: 3 }, { sortKeys: (x, y) => y.localeCompare(x) }),
    },
    {
      name: 'detectIndent keeps spaces, no newline',
      tree,
      run: (api, root) => api.write(at(root, 'spaces.json'), { b: 2 }, { detectIndent: true }),
    },
    {
      name: 'tabs kept with trailing newline',
      tree,
      run: (api, root) => api.write(at(root, 'tabs.json'), { b: 2 }, { detectIndent: true }),
    },
    {
      name: 'replacer',
      tree,
      run: (api, root) => api.write(at(root, 'r.json'), { a: 1, b: 2 }, { replacer: ['b'] }),
    },
    { name: 'mode', tree, run: (api, root) => api.write(at(root, 'm.json'), {}, { mode: 0o600 }) },
    { name: 'no path', tree, run: (api) => api.write('', {}) },
    { name: 'no data', tree, run: (api, root) => api.write(at(root, 'u.json')) },
    { name: 'onto a directory', tree, run: (api, root) => api.write(at(root, 'dir.json'), {}) },
    { name: 'through a file', tree, run: (api, root) => api.write(at(root, 'tabs.json/x.json'), {}) },
  ],
};
