// globby (its ignore-file half, ignore.js): ESM; the async half awaits fast-glob's default export (its
// sync API is the `sync` property of that export) and reads every ignore file concurrently with
// `Promise.all` over an async `.map`; a non-async arrow returns the async function's promise.
import path from 'node:path';

const tree = {
  '.gitignore': 'dist\n*.log\n!keep.log\n',
  'src/.gitignore': 'generated/\n',
  'src/a.js': '',
  'src/generated/x.js': '',
  'dist/out.js': '',
  'debug.log': '',
  'keep.log': '',
  'custom/.myignore': 'secret.txt\n',
  'custom/secret.txt': '',
  'custom/public.txt': '',
};
const probe = ['src/a.js', 'src/generated/x.js', 'dist/out.js', 'debug.log', 'keep.log', 'custom/secret.txt'];

export default {
  name: 'globby',
  version: '14.1.0',
  style:
    "ESM; awaits fast-glob's default export (sync API: its `sync` property); Promise.all over an async .map",
  entry: 'index.js',
  strip: { 'ignore.js': ['isIgnoredByIgnoreFilesSync', 'isGitIgnoredSync'] },
  convert: ['ignore.js'],
  config: {
    names: {
      renames: { isIgnoredByIgnoreFiles: 'isIgnoredByIgnoreFilesSync', isGitIgnored: 'isGitIgnoredSync' },
    },
    mappings: { 'fast-glob': { exports: { default: 'sync' } } },
  },
  assemble: [
    {
      file: 'ignore.js',
      twin: 'ignore.js',
      exports: {
        isIgnoredByIgnoreFilesSync: 'isIgnoredByIgnoreFilesSync',
        isGitIgnoredSync: 'isGitIgnoredSync',
      },
    },
  ],
  api: {
    async: (m) => ({ gitIgnored: m.isGitIgnored, byFiles: m.isIgnoredByIgnoreFiles }),
    sync: (m) => ({ gitIgnored: m.isGitIgnoredSync, byFiles: m.isIgnoredByIgnoreFilesSync }),
  },
  cases: [
    {
      name: 'isGitIgnored, nested .gitignore files',
      tree,
      run: async (api, root) => {
        const ignored = await api.gitIgnored({ cwd: root });
        return probe.map((p) => [p, ignored(p), ignored(path.join(root, p))]);
      },
    },
    {
      name: 'isGitIgnored, deep 0',
      tree,
      run: async (api, root) => {
        const ignored = await api.gitIgnored({ cwd: root, deep: 0 });
        return probe.map((p) => [p, ignored(p)]);
      },
    },
    {
      name: 'isGitIgnored, cwd as URL',
      tree,
      run: async (api, root) => {
        const ignored = await api.gitIgnored({ cwd: new URL(`file://${root}/`) });
        return probe.map((p) => [p, ignored(p)]);
      },
    },
    {
      name: 'isGitIgnored, a path outside cwd',
      tree,
      run: async (api, root) => {
        const ignored = await api.gitIgnored({ cwd: path.join(root, 'src') });
        return ignored(path.join(root, 'dist/out.js'));
      },
    },
    {
      name: 'isIgnoredByIgnoreFiles, custom pattern',
      tree,
      run: async (api, root) => {
        const ignored = await api.byFiles('**/.myignore', { cwd: root });
        return ['custom/secret.txt', 'custom/public.txt'].map((p) => [p, ignored(p)]);
      },
    },
    {
      name: 'isGitIgnored, no ignore files',
      tree: { 'a.txt': '' },
      run: async (api, root) => {
        const ignored = await api.gitIgnored({ cwd: root });
        return ignored('a.txt');
      },
    },
  ],
};
