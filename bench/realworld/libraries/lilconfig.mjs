// lilconfig: CommonJS, `module.exports.x = function x() {}` for both halves in one file; the async
// explorer is an object literal of async methods that await the loaders (its default `.js` loader is an
// async arrow around a dynamic `import()`), and one helper serves both halves through a `sync` flag.
import path from 'node:path';

const tree = {
  'package.json': JSON.stringify({ name: 'host', demo: { from: 'package.json' } }),
  'a/.demorc.json': '{"from":"rc.json"}',
  'a/b/c/.keep': '',
  'js/demo.config.js': 'module.exports = { from: "config.js" };',
  'js/inner/': null,
  'cjs/.config/demorc.cjs': 'module.exports = { from: ".config/demorc.cjs" };',
  'mjs/demo.config.mjs': 'export default { from: "config.mjs" };',
  'empty/.demorc.json': '   ',
  'noext/.config/demorc': '{"from":"no extension"}',
  'yaml/.demorc.yaml': 'from: yaml',
  'badjson/.demorc.json': '{ nope',
  'deep/x/y/z/': null,
};

const explorerOf = (factory) => (name, options) => factory(name, options);
const yamlLoader = (filepath, content) => ({ yaml: content.trim(), file: path.basename(filepath) });

export default {
  name: 'lilconfig',
  version: '3.1.5',
  style:
    'CommonJS; `module.exports.x = function x()`; async object methods; dynamic import(); a shared helper with a sync flag',
  entry: 'src/index.js',
  strip: { 'src/index.js': ['lilconfigSync'] },
  convert: ['src/index.js'],
  config: { names: { renames: { lilconfig: 'lilconfigSync' } } },
  assemble: [{ file: 'src/index.js', twin: 'src/index.js', exports: { lilconfigSync: 'lilconfigSync' } }],
  api: {
    async: (m) => ({ explorer: explorerOf(m.lilconfig) }),
    sync: (m) => ({ explorer: explorerOf(m.lilconfigSync) }),
  },
  cases: [
    {
      name: 'search: package.json property',
      tree,
      run: (api, root) => api.explorer('demo', { stopDir: root }).search(root),
    },
    {
      name: 'search: rc.json above',
      tree,
      run: (api, root) => api.explorer('demo', { stopDir: root }).search(path.join(root, 'a/b/c')),
    },
    {
      name: 'search: demo.config.js',
      tree,
      run: (api, root) => api.explorer('demo', { stopDir: root }).search(path.join(root, 'js/inner')),
    },
    {
      name: 'search: .config/demorc.cjs',
      tree,
      run: (api, root) => api.explorer('demo', { stopDir: root }).search(path.join(root, 'cjs')),
    },
    {
      name: 'search: an .mjs config',
      tree,
      run: (api, root) => api.explorer('demo', { stopDir: root }).search(path.join(root, 'mjs')),
    },
    {
      name: 'search: empty file skipped',
      tree,
      run: (api, root) => api.explorer('demo', { stopDir: root }).search(path.join(root, 'empty')),
    },
    {
      name: 'search: empty file kept',
      tree,
      run: (api, root) =>
        api
          .explorer('demo', { stopDir: root, ignoreEmptySearchPlaces: false })
          .search(path.join(root, 'empty')),
    },
    {
      name: 'search: nothing up to stopDir',
      tree,
      run: (api, root) =>
        api.explorer('absent', { stopDir: path.join(root, 'deep') }).search(path.join(root, 'deep/x/y/z')),
    },
    {
      name: 'search: transform and cache',
      tree,
      run: async (api, root) => {
        let calls = 0;
        const explorer = api.explorer('demo', {
          stopDir: root,
          transform: (r) => {
            calls += 1;
            return r && { ...r, transformed: calls };
          },
        });
        const first = await explorer.search(path.join(root, 'a/b/c'));
        const second = await explorer.search(path.join(root, 'a/b'));
        explorer.clearSearchCache();
        const third = await explorer.search(path.join(root, 'a/b/c'));
        return { first, second, third, calls };
      },
    },
    {
      name: 'search: custom loader and search places',
      tree,
      run: (api, root) =>
        api
          .explorer('demo', {
            stopDir: root,
            searchPlaces: ['.demorc.yaml'],
            loaders: { '.yaml': yamlLoader },
          })
          .search(path.join(root, 'yaml')),
    },
    {
      name: 'search: broken JSON',
      tree,
      run: (api, root) => api.explorer('demo', { stopDir: root }).search(path.join(root, 'badjson')),
    },
    {
      name: 'search: missing loader',
      tree,
      run: (api, root) =>
        api.explorer('demo', { stopDir: root, searchPlaces: ['.demorc.toml'] }).search(root),
    },
    {
      name: 'search: nested packageProp',
      tree,
      run: (api, root) => api.explorer('demo', { stopDir: root, packageProp: 'demo.from' }).search(root),
    },
    {
      name: 'load: a .js file',
      tree,
      run: (api, root) => api.explorer('demo').load(path.join(root, 'js/demo.config.js')),
    },
    {
      name: 'load: an .mjs file',
      tree,
      run: (api, root) => api.explorer('demo').load(path.join(root, 'mjs/demo.config.mjs')),
    },
    {
      name: 'load: package.json',
      tree,
      run: (api, root) => api.explorer('demo').load(path.join(root, 'package.json')),
    },
    {
      name: 'load: no extension',
      tree,
      run: (api, root) => api.explorer('demo').load(path.join(root, 'noext/.config/demorc')),
    },
    {
      name: 'load: relative to the process cwd',
      tree,
      cwd: 'a',
      run: (api) => api.explorer('demo').load('.demorc.json'),
    },
    { name: 'load: empty path', tree, run: (api) => api.explorer('demo').load('') },
    {
      name: 'load: missing file',
      tree,
      run: (api, root) => api.explorer('demo').load(path.join(root, 'nope.json')),
    },
    {
      name: 'load: no loader for the extension',
      tree,
      run: (api, root) => api.explorer('demo').load(path.join(root, 'yaml/.demorc.yaml')),
    },
    {
      name: 'load: cached until cleared',
      tree,
      run: async (api, root) => {
        const explorer = api.explorer('demo');
        const file = path.join(root, 'a/.demorc.json');
        const first = await explorer.load(file);
        const same = (await explorer.load(file)) === first;
        explorer.clearCaches();
        const again = (await explorer.load(file)) === first;
        return { first, same, again };
      },
    },
  ],
};
