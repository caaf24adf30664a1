// make-dir: ESM; `fs/promises` default import, a recursive async arrow, and a caller-supplied `fs`
// that the async half ignores (it always uses fs/promises) while the hand-written sync half honours it.
import fs from 'node:fs';
import path from 'node:path';

const tree = { 'file.txt': 'x', 'existing/': null };
const countingFs = () => {
  const calls = [];
  return {
    calls,
    fs: {
      ...fs,
      mkdir: (...args) => {
        calls.push('mkdir');
        return fs.mkdir(...args);
      },
      mkdirSync: (...args) => {
        calls.push('mkdirSync');
        return fs.mkdirSync(...args);
      },
    },
  };
};

export default {
  name: 'make-dir',
  version: '5.1.0',
  style:
    'ESM; both halves in one file; fs/promises default import; recursive async arrow; optional custom fs',
  entry: 'index.js',
  strip: { 'index.js': ['makeDirectorySync'] },
  convert: ['index.js'],
  config: { names: { renames: { makeDirectory: 'makeDirectorySync' } } },
  assemble: [{ file: 'index.js', twin: 'index.js', exports: { makeDirectorySync: 'makeDirectorySync' } }],
  api: {
    async: (m) => ({ make: m.makeDirectory }),
    sync: (m) => ({ make: m.makeDirectorySync }),
  },
  cases: [
    { name: 'nested directories', tree, run: (api, root) => api.make(path.join(root, 'a/b/c')) },
    { name: 'an existing directory', tree, run: (api, root) => api.make(path.join(root, 'existing')) },
    { name: 'a file in the way', tree, run: (api, root) => api.make(path.join(root, 'file.txt')) },
    { name: 'below a file', tree, run: (api, root) => api.make(path.join(root, 'file.txt/sub')) },
    {
      name: 'mode 0o700',
      tree,
      run: (api, root) => api.make(path.join(root, 'private/inner'), { mode: 0o700 }),
    },
    { name: 'a URL', tree, run: (api, root) => api.make(new URL(`file://${root}/from-url/x`)) },
    { name: 'a relative path', tree, cwd: 'existing', run: (api) => api.make('rel/dir') },
    { name: 'a null byte', tree, run: (api, root) => api.make(path.join(root, 'bad\u0000name')) },
    {
      name: 'custom fs, nested',
      tree,
      run: async (api, root) => {
        const custom = countingFs();
        const made = await api.make(path.join(root, 'custom/a/b'), { fs: custom.fs });
        return { made, calls: custom.calls };
      },
    },
    {
      name: 'custom fs, file in the way',
      tree,
      run: async (api, root) => {
        const custom = countingFs();
        try {
          return await api.make(path.join(root, 'file.txt'), { fs: custom.fs });
        } catch (error) {
          return { error: error.message, code: error.code, calls: custom.calls };
        }
      },
    },
  ],
};
