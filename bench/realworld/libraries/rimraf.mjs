// rimraf: TypeScript compiled to ESM; the posix remover awaits members destructured from its own
// `promises` object (fs.js), hands promises (`lstat(p).then(…)`, `unlink(p)`) to a helper that catches
// ENOENT on them, recurses through `Promise.all` over `.map`, and awaits a caller's filter. The
// hand-written sync helper takes a thunk where the async one takes a promise.
import path from 'node:path';

const tree = {
  'tree/a.txt': 'a',
  'tree/sub/b.txt': 'b',
  'tree/sub/deeper/c.txt': 'c',
  'tree/keep/k.txt': 'k',
  'tree/link': { symlink: '../target' },
  'target/t.txt': 't',
  'file.txt': 'x',
};
const at = (root, p) => path.join(root, p);
const ESM = 'dist/esm';

export default {
  name: 'rimraf',
  version: '6.1.4',
  style:
    'TypeScript compiled to ESM; members of its own `promises` object; helpers that take a promise (the sync ones take a thunk); Promise.all over .map; an awaited filter',
  entry: `${ESM}/index.js`,
  strip: {
    [`${ESM}/rimraf-posix.js`]: ['rimrafPosixSync', 'rimrafPosixDirSync'],
    [`${ESM}/readdir-or-error.js`]: ['readdirOrErrorSync'],
    [`${ESM}/ignore-enoent.js`]: ['ignoreENOENTSync'],
    [`${ESM}/rimraf-native.js`]: ['rimrafNativeSync'],
  },
  convert: [
    `${ESM}/rimraf-posix.js`,
    `${ESM}/readdir-or-error.js`,
    `${ESM}/ignore-enoent.js`,
    `${ESM}/rimraf-native.js`,
  ],
  config: {
    names: {
      renames: {
        rimrafPosix: 'rimrafPosixSync',
        rimrafPosixDir: 'rimrafPosixDirSync',
        readdirOrError: 'readdirOrErrorSync',
        ignoreENOENT: 'ignoreENOENTSync',
        rimrafNative: 'rimrafNativeSync',
      },
    },
    mappings: {
      [`./${ESM}/fs.js`]: {
        exports: {
          promises: {
            members: {
              lstat: 'lstatSync',
              rmdir: 'rmdirSync',
              unlink: 'unlinkSync',
              readdir: 'readdirSync',
              rm: 'rmSync',
            },
          },
        },
      },
    },
  },
  assemble: [
    {
      file: `${ESM}/rimraf-posix.js`,
      twin: `${ESM}/rimraf-posix.js`,
      exports: { rimrafPosixSync: 'rimrafPosixSync' },
    },
    {
      file: `${ESM}/readdir-or-error.js`,
      twin: `${ESM}/readdir-or-error.js`,
      exports: { readdirOrErrorSync: 'readdirOrErrorSync' },
    },
    {
      file: `${ESM}/ignore-enoent.js`,
      twin: `${ESM}/ignore-enoent.js`,
      exports: { ignoreENOENTSync: 'ignoreENOENTSync' },
    },
    {
      file: `${ESM}/rimraf-native.js`,
      twin: `${ESM}/rimraf-native.js`,
      exports: { rimrafNativeSync: 'rimrafNativeSync' },
    },
  ],
  api: {
    async: (m) => ({ posix: m.posix, native: m.native }),
    sync: (m) => ({ posix: m.posixSync, native: m.nativeSync }),
  },
  cases: [
    { name: 'posix: a tree with a link', tree, run: (api, root) => api.posix(at(root, 'tree')) },
    { name: 'posix: a file', tree, run: (api, root) => api.posix(at(root, 'file.txt')) },
    { name: 'posix: missing', tree, run: (api, root) => api.posix(at(root, 'nope')) },
    { name: 'posix: below a file', tree, run: (api, root) => api.posix(at(root, 'file.txt/x')) },
    {
      name: 'posix: a filter that keeps one directory',
      tree,
      run: (api, root) => api.posix(at(root, 'tree'), { filter: (p) => !p.includes(`${path.sep}keep`) }),
    },
    {
      name: 'posix: a filter that throws',
      tree,
      run: (api, root) =>
        api.posix(at(root, 'tree'), {
          filter: (p) => {
            if (p.endsWith('b.txt')) throw new Error('filter refused');
            return true;
          },
        }),
    },
    {
      name: 'posix: several paths',
      tree,
      run: (api, root) => api.posix([at(root, 'tree/sub'), at(root, 'file.txt')]),
    },
    { name: 'posix: a glob', tree, run: (api, root) => api.posix(at(root, 'tree/**/*.txt'), { glob: true }) },
    {
      name: 'posix: an aborted signal',
      tree,
      run: (api, root) => api.posix(at(root, 'tree'), { signal: AbortSignal.abort(new Error('stop')) }),
    },
    { name: 'posix: a relative path', tree, cwd: 'tree', run: (api) => api.posix('sub') },
    { name: 'native: a tree', tree, run: (api, root) => api.native(at(root, 'tree')) },
    { name: 'native: missing', tree, run: (api, root) => api.native(at(root, 'nope')) },
  ],
};
