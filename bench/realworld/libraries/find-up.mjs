// find-up: ESM, one file holding both halves side by side; the async half calls locate-path's async API
// (directly and as an async arrow's implicit await) and awaits the caller's matcher.
import path from 'node:path';

const tree = {
  'package.json': '{"name":"top"}',
  'a/package.json': '{"name":"a"}',
  'a/b/c/d/.keep': '',
  'a/b/marker.txt': 'x',
  'a/b/c/marker.txt': 'y',
  'a/b/dir-marker/': null,
  'a/b/c/link.txt': { symlink: '../marker.txt' },
  'down/x/y/target.txt': 't',
  'down/x/other/': null,
  'down/z/target.txt': 'z',
};

const at = (root, dir) => path.join(root, dir);

export default {
  name: 'find-up',
  version: '8.0.0',
  style: 'ESM; both halves in one file; calls locate-path; user matcher callbacks',
  entry: 'index.js',
  strip: {
    'index.js': [
      'findUpMultipleSync',
      'findUpSync',
      'findDownDepthFirstSync',
      'findDownBreadthFirstSync',
      'findDownSync',
    ],
  },
  adapt: [
    {
      why: '`findUpStop` is a Symbol both halves compare against; the twin is a module of its own, so the symbol moves to a file outside the converted directory and both import it',
      files: { '../shared/find-up-stop.js': "export const findUpStop = Symbol('findUpStop');\n" },
      edits: [
        {
          file: 'index.js',
          find: "export const findUpStop = Symbol('findUpStop');",
          replace: "import {findUpStop} from '../shared/find-up-stop.js';\n\nexport {findUpStop};",
        },
      ],
    },
  ],
  convert: ['index.js'],
  config: {
    names: {
      renames: {
        findUpMultiple: 'findUpMultipleSync',
        findUp: 'findUpSync',
        findDownDepthFirst: 'findDownDepthFirstSync',
        findDownBreadthFirst: 'findDownBreadthFirstSync',
        findDown: 'findDownSync',
      },
    },
    mappings: { 'locate-path': { exports: { locatePath: 'locatePathSync' } } },
  },
  assemble: [
    {
      file: 'index.js',
      twin: 'index.js',
      exports: {
        findUpSync: 'findUpSync',
        findUpMultipleSync: 'findUpMultipleSync',
        findDownSync: 'findDownSync',
      },
    },
  ],
  api: {
    async: (m) => ({
      findUp: m.findUp,
      findUpMultiple: m.findUpMultiple,
      findDown: m.findDown,
      stop: m.findUpStop,
    }),
    sync: (m) => ({
      findUp: m.findUpSync,
      findUpMultiple: m.findUpMultipleSync,
      findDown: m.findDownSync,
      stop: m.findUpStop,
    }),
  },
  cases: [
    {
      name: 'a file in a parent',
      tree,
      run: (api, root) => api.findUp('package.json', { cwd: at(root, 'a/b/c/d') }),
    },
    {
      name: 'first of several names',
      tree,
      run: (api, root) => api.findUp(['missing.json', 'marker.txt'], { cwd: at(root, 'a/b/c/d') }),
    },
    {
      name: 'not found below stopAt',
      tree,
      run: (api, root) => api.findUp('nothing-here.json', { cwd: at(root, 'a/b/c'), stopAt: root }),
    },
    {
      name: 'stopAt cuts the walk',
      tree,
      run: (api, root) => api.findUp('package.json', { cwd: at(root, 'a/b/c'), stopAt: at(root, 'a/b') }),
    },
    {
      name: 'type directory',
      tree,
      run: (api, root) => api.findUp('dir-marker', { cwd: at(root, 'a/b/c'), type: 'directory' }),
    },
    {
      name: 'a directory is not a file',
      tree,
      run: (api, root) => api.findUp('dir-marker', { cwd: at(root, 'a/b/c'), stopAt: root }),
    },
    {
      name: 'symlink refused with allowSymlinks false',
      tree,
      run: (api, root) =>
        api.findUp('link.txt', { cwd: at(root, 'a/b/c'), allowSymlinks: false, stopAt: root }),
    },
    {
      name: 'cwd as a URL',
      tree,
      run: (api, root) => api.findUp('marker.txt', { cwd: new URL(`file://${at(root, 'a/b/c/d')}/`) }),
    },
    { name: 'invalid type', tree, run: (api, root) => api.findUp('x', { cwd: root, type: 'socket' }) },
    {
      name: 'matcher function',
      tree,
      run: (api, root) =>
        api.findUp((dir) => (path.basename(dir) === 'b' ? 'marker.txt' : undefined), {
          cwd: at(root, 'a/b/c/d'),
        }),
    },
    {
      name: 'matcher returns findUpStop',
      tree,
      run: (api, root) =>
        api.findUp((dir) => (path.basename(dir) === 'c' ? api.stop : 'package.json'), {
          cwd: at(root, 'a/b/c/d'),
        }),
    },
    {
      name: 'matcher throws',
      tree,
      run: (api, root) =>
        api.findUp(
          () => {
            throw new RangeError('matcher failed');
          },
          { cwd: root },
        ),
    },
    {
      name: 'every match up to root, limit 3',
      tree,
      run: (api, root) =>
        api.findUpMultiple('package.json', { cwd: at(root, 'a/b/c'), stopAt: root, limit: 3 }),
    },
    {
      name: 'multiple with a matcher',
      tree,
      run: (api, root) =>
        api.findUpMultiple((dir) => (dir.endsWith('c') || dir.endsWith('b') ? 'marker.txt' : undefined), {
          cwd: at(root, 'a/b/c/d'),
          stopAt: root,
        }),
    },
    {
      name: 'findDown breadth first',
      tree,
      run: (api, root) => api.findDown('target.txt', { cwd: at(root, 'down'), depth: 3 }),
    },
    {
      name: 'findDown depth first',
      tree,
      run: (api, root) => api.findDown('target.txt', { cwd: at(root, 'down'), depth: 3, strategy: 'depth' }),
    },
    {
      name: 'findDown beyond depth',
      tree,
      run: (api, root) => api.findDown('target.txt', { cwd: at(root, 'down'), depth: 1 }),
    },
    {
      name: 'findDown from a missing directory',
      tree,
      run: (api, root) => api.findDown('target.txt', { cwd: at(root, 'nope'), depth: 2 }),
    },
  ],
};
