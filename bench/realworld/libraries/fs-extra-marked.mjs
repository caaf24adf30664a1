// fs-extra with the one change its author would make for the generator: `getStats` (util/stat.js)
// chains `.then`/`.catch` on promises it returns without awaiting, which has no sync meaning; written
// with `await` it converts. copy.js stays refused (its walk is concurrent over an async iterator).
import fsExtra from './fs-extra.mjs';

export default {
  ...fsExtra,
  name: 'fs-extra (marked)',
  package: 'fs-extra',
  style: 'as fs-extra, with getStats written with await instead of Promise.all(…).then (1 edit)',
  adapt: [
    {
      why: '`getStats` returns `Promise.all([…]).then(…)` with a `.catch` inside, a chain that is never awaited where it is made; the same logic written with `await`',
      edits: [
        {
          file: 'lib/util/stat.js',
          find: `function getStats (src, dest, opts) {
  const statFunc = opts.dereference
    ? (file) => fs.stat(file, { bigint: true })
    : (file) => fs.lstat(file, { bigint: true })
  return Promise.all([
    statFunc(src),
    statFunc(dest).catch(err => {
      if (err.code === 'ENOENT') return null
      throw err
    })
  ]).then(([srcStat, destStat]) => ({ srcStat, destStat }))
}`,
          replace: `async function getStats (src, dest, opts) {
  const statFunc = opts.dereference
    ? async (file) => fs.stat(file, { bigint: true })
    : async (file) => fs.lstat(file, { bigint: true })
  const srcStat = await statFunc(src)
  let destStat = null
  try {
    destStat = await statFunc(dest)
  } catch (err) {
    if (err.code !== 'ENOENT') throw err
  }
  return { srcStat, destStat }
}`,
        },
      ],
    },
  ],
};
