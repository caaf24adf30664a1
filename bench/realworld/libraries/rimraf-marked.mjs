// rimraf with the two changes its author would make for the generator: the promise chains that are
// refused (`.catch` returned from a function that is not async, `.then` passed as an argument) are
// written with async functions. Both still hand a promise to `ignoreENOENT`, which catches its
// rejection (finding 7).
import rimraf from './rimraf.mjs';

const ESM = 'dist/esm';

export default {
  ...rimraf,
  name: 'rimraf (marked)',
  package: 'rimraf',
  style: 'as rimraf, with the refused promise chains written as async functions (2 edits)',
  explained: {
    'posix: a filter that throws':
      'Promise.all becomes sequential (documented): when the filter throws, the async remover still has removals in flight and what is left on disk depends on their timing; the twin, like the hand-written sync API, stops at the first error',
  },
  adapt: [
    {
      why: '`readdirOrError` returns `readdir(path).catch(…)` from a function that is not async; made async',
      edits: [
        {
          file: `${ESM}/readdir-or-error.js`,
          find: 'export const readdirOrError = (path) => readdir(path).catch(er => er);',
          replace: 'export const readdirOrError = async (path) => readdir(path).catch(er => er);',
        },
      ],
    },
    {
      why: '`rimrafPosix` passes `lstat(path).then(…)` to `ignoreENOENT`; the same promise made by an async arrow',
      edits: [
        {
          file: `${ESM}/rimraf-posix.js`,
          find: 'return ((await ignoreENOENT(lstat(path).then(stat => rimrafPosixDir(path, opt, stat)))) ?? true);',
          replace:
            'return ((await ignoreENOENT((async () => rimrafPosixDir(path, opt, await lstat(path)))())) ?? true);',
        },
      ],
    },
  ],
};
