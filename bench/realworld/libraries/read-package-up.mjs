// read-package-up: ESM; the async half awaits two other libraries' async APIs (find-up-simple and
// read-pkg), one of them inside an object literal.
import path from 'node:path';

const tree = {
  'package.json': JSON.stringify({ name: 'top', version: '1.0.0' }),
  'a/b/c/.keep': '',
  'a/package.json': '{"name":"a-pkg","version":"2.0.0","description":"  spaced  "}',
  'broken/package.json': '{',
  'broken/inner/': null,
};

export default {
  name: 'read-package-up',
  version: '12.0.0',
  style: "ESM; both halves in one file; awaits two other libraries' async APIs",
  entry: 'index.js',
  strip: { 'index.js': ['readPackageUpSync'] },
  convert: ['index.js'],
  config: {
    names: { renames: { readPackageUp: 'readPackageUpSync' } },
    mappings: {
      'find-up-simple': { exports: { findUp: 'findUpSync' } },
      'read-pkg': { exports: { readPackage: 'readPackageSync' } },
    },
  },
  assemble: [{ file: 'index.js', twin: 'index.js', exports: { readPackageUpSync: 'readPackageUpSync' } }],
  api: {
    async: (m) => ({ up: m.readPackageUp }),
    sync: (m) => ({ up: m.readPackageUpSync }),
  },
  cases: [
    { name: 'nearest package.json', tree, run: (api, root) => api.up({ cwd: path.join(root, 'a/b/c') }) },
    {
      name: 'not normalized',
      tree,
      run: (api, root) => api.up({ cwd: path.join(root, 'a/b'), normalize: false }),
    },
    {
      name: 'broken JSON on the way',
      tree,
      run: (api, root) => api.up({ cwd: path.join(root, 'broken/inner') }),
    },
    { name: 'cwd as URL', tree, run: (api, root) => api.up({ cwd: new URL(`file://${root}/a/b/`) }) },
    { name: 'from the process cwd', tree, cwd: 'a/b/c', run: (api) => api.up() },
  ],
};
