// cosmiconfig: TypeScript compiled to CommonJS (`__importDefault(require('fs/promises'))`,
// `(0, util_js_1.isDirectory)(…)`, `exports.Explorer = Explorer`); the async and sync explorers are
// classes in files of their own over a shared base class, with private async methods, an async generator
// and `Promise.all` over an async `.map`.
import path from 'node:path';

const pkg = (extra) => JSON.stringify({ name: 'host', version: '1.0.0', ...extra });
const tree = {
  'package.json': pkg({ demo: { from: 'package.json' } }),
  'json/.demorc.json': '{"from":"rc.json"}',
  'json/inner/deeper/': null,
  'yaml/.demorc.yaml': 'from: rc.yaml\nlist: [1, 2]\n',
  'js/demo.config.js': 'module.exports = { from: "config.js" };',
  'cjs/.config/demorc.cjs': 'module.exports = { from: ".config/demorc.cjs" };',
  'noext/.demorc': '{"from":"rc without extension"}',
  'empty/.demorc.json': '',
  'imports/.demorc.json': '{"$import":["base.json","extra.yaml"],"own":true,"list":[3]}',
  'imports/base.json': '{"fromBase":true,"list":[1]}',
  'imports/extra.yaml': 'fromExtra: true\nlist: [2]\n',
  'cycle/.demorc.json': '{"$import":"other.json"}',
  'cycle/other.json': '{"$import":".demorc.json"}',
  'project/package.json': pkg({ name: 'project' }),
  'project/src/lib/': null,
  'bad/.demorc.json': '{ "from": ',
  'bad/inner/': null,
};
const explorerOf = (factory) => (name, options) => factory(name, options);

export default {
  name: 'cosmiconfig',
  version: '9.0.2',
  style:
    'TypeScript compiled to CommonJS; async and sync explorer classes in separate files over a shared base; private async methods, an async generator, Promise.all',
  entry: 'dist/index.js',
  deleteFiles: ['dist/ExplorerSync.js'],
  convert: ['dist/Explorer.js'],
  config: {
    names: { renames: { Explorer: 'ExplorerSync' } },
    mappings: {
      './dist/util.js': { exports: { isDirectory: 'isDirectorySync', emplace: { same: true } } },
      './dist/defaults': { exports: { globalConfigSearchPlaces: 'globalConfigSearchPlacesSync' } },
    },
  },
  assemble: [
    { file: 'dist/ExplorerSync.js', twin: 'dist/Explorer.js', exports: { ExplorerSync: 'ExplorerSync' } },
  ],
  api: {
    async: (m) => ({ explorer: explorerOf(m.cosmiconfig) }),
    sync: (m) => ({ explorer: explorerOf(m.cosmiconfigSync) }),
  },
  cases: [
    { name: 'search: package.json property', tree, run: (api, root) => api.explorer('demo').search(root) },
    {
      name: 'search: rc.json, project strategy',
      tree,
      run: (api, root) =>
        api.explorer('demo', { searchStrategy: 'project' }).search(path.join(root, 'json/inner/deeper')),
    },
    {
      name: 'search: rc.yaml',
      tree,
      run: (api, root) => api.explorer('demo').search(path.join(root, 'yaml')),
    },
    {
      name: 'search: config.js',
      tree,
      run: (api, root) => api.explorer('demo').search(path.join(root, 'js')),
    },
    {
      name: 'search: .config/demorc.cjs',
      tree,
      run: (api, root) => api.explorer('demo').search(path.join(root, 'cjs')),
    },
    {
      name: 'search: rc without extension',
      tree,
      run: (api, root) => api.explorer('demo').search(path.join(root, 'noext')),
    },
    {
      name: 'search: empty file',
      tree,
      run: (api, root) => api.explorer('demo').search(path.join(root, 'empty')),
    },
    {
      name: 'search: empty file kept',
      tree,
      run: (api, root) =>
        api.explorer('demo', { ignoreEmptySearchPlaces: false }).search(path.join(root, 'empty')),
    },
    {
      name: 'search: $import merges',
      tree,
      run: (api, root) => api.explorer('demo').search(path.join(root, 'imports')),
    },
    {
      name: 'search: $import merges, arrays replaced',
      tree,
      run: (api, root) =>
        api.explorer('demo', { mergeImportArrays: false }).search(path.join(root, 'imports')),
    },
    {
      name: 'search: $import cycle',
      tree,
      run: (api, root) => api.explorer('demo').search(path.join(root, 'cycle')),
    },
    {
      name: 'search: project strategy stops at package.json',
      tree,
      run: (api, root) =>
        api.explorer('demo', { searchStrategy: 'project' }).search(path.join(root, 'project/src/lib')),
    },
    {
      name: 'search: broken JSON above',
      tree,
      run: (api, root) =>
        api.explorer('demo', { searchStrategy: 'project' }).search(path.join(root, 'bad/inner')),
    },
    {
      name: 'search: a missing start directory',
      tree,
      run: (api, root) =>
        api.explorer('demo', { searchStrategy: 'project' }).search(path.join(root, 'missing/dir')),
    },
    {
      name: 'search: transform, cache and clear',
      tree,
      run: async (api, root) => {
        let calls = 0;
        const explorer = api.explorer('demo', {
          searchStrategy: 'project',
          transform: (result) => {
            calls += 1;
            return result && { ...result, calls };
          },
        });
        const first = await explorer.search(path.join(root, 'json/inner'));
        const cached = (await explorer.search(path.join(root, 'json/inner'))) === first;
        explorer.clearCaches();
        const fresh = await explorer.search(path.join(root, 'json/inner'));
        return { first, cached, fresh, calls };
      },
    },
    {
      name: 'search: custom search places and loader',
      tree,
      run: (api, root) =>
        api
          .explorer('demo', {
            searchPlaces: ['.demorc.yaml'],
            mergeSearchPlaces: false,
            loaders: { '.yaml': (file, content) => ({ custom: content.length, base: path.basename(file) }) },
          })
          .search(path.join(root, 'yaml')),
    },
    {
      name: 'load: yaml',
      tree,
      run: (api, root) => api.explorer('demo').load(path.join(root, 'yaml/.demorc.yaml')),
    },
    {
      name: 'load: package.json',
      tree,
      run: (api, root) => api.explorer('demo').load(path.join(root, 'package.json')),
    },
    {
      name: 'load: js',
      tree,
      run: (api, root) => api.explorer('demo').load(path.join(root, 'js/demo.config.js')),
    },
    {
      name: 'load: missing file',
      tree,
      run: (api, root) => api.explorer('demo').load(path.join(root, 'nope.json')),
    },
    {
      name: 'load: a directory',
      tree,
      run: (api, root) => api.explorer('demo').load(path.join(root, 'json')),
    },
    {
      name: 'load: broken JSON',
      tree,
      run: (api, root) => api.explorer('demo').load(path.join(root, 'bad/.demorc.json')),
    },
    {
      name: 'load: no loader for the extension',
      tree,
      run: (api, root) => api.explorer('demo').load(path.join(root, 'imports/base.txt')),
    },
    {
      name: 'load: $import',
      tree,
      run: (api, root) => api.explorer('demo').load(path.join(root, 'imports/.demorc.json')),
    },
    {
      name: 'options: stopDir with project strategy',
      tree,
      run: (api, root) => api.explorer('demo', { stopDir: root, searchStrategy: 'project' }),
    },
  ],
};
