// write-file-atomic: CommonJS; `module.exports = writeFile` with `.sync` hung on it; the async half
// awaits `promisify(fs.x)(…)` and `.catch()` chains on them, serializes writers to one file through a
// queue of `new Promise` resolvers, and awaits a caller's callback.
import { writeFileTree } from './write-file-atomic-tree.mjs';

export const writeFileAtomicBase = {
  version: '7.0.1',
  entry: 'lib/index.js',
  strip: { 'lib/index.js': ['writeFileSync'] },
  convert: ['lib/index.js'],
  config: { names: { renames: { writeFileAsync: 'writeFileSync' } } },
  assemble: [{ file: 'lib/index.js', twin: 'lib/index.js', exports: { sync: '.' } }],
  api: {
    async: (m) => ({ write: m }),
    sync: (m) => ({ write: m.sync }),
  },
  cases: writeFileTree,
};

export default {
  ...writeFileAtomicBase,
  name: 'write-file-atomic',
  style:
    'CommonJS; promisify(fs.x)(…) with .catch chains; a queue of new Promise resolvers; an awaited callback',
};
