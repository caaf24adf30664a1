// write-file-atomic with the changes its author would make for the generator today: what has no sync
// meaning (the per-file queue of `new Promise` resolvers that serializes concurrent writers, the
// callback-style wrapper) stays in the async build behind an `IS_ASYNC` marker or `anysync-skip`, and
// the two `promisify(fs.write)` calls, which the generator refuses because their results differ in
// shape, get a hand-written sync branch. Everything else is generated.
import { writeFileAtomicBase } from './write-file-atomic.mjs';

const edit = (find, replace) => ({ file: 'lib/index.js', find, replace });

export default {
  ...writeFileAtomicBase,
  name: 'write-file-atomic (marked)',
  package: 'write-file-atomic',
  style:
    'as write-file-atomic, with IS_ASYNC branches and anysync-skip where the generator refuses (7 edits)',
  adapt: [
    {
      why: 'the module exports the callback wrapper; the twin exports the sync core instead',
      edits: [
        edit(
          "'use strict'\nmodule.exports = writeFile\n",
          "'use strict'\nconst IS_ASYNC = true\nmodule.exports = IS_ASYNC ? writeFile : writeFileAsync\n",
        ),
        edit('async function writeFile (', '// anysync-skip\nasync function writeFile ('),
      ],
    },
    {
      why: 'the queue that serializes concurrent async writers to one file has no sync meaning',
      edits: [
        edit('function serializeActiveFile (', '// anysync-skip\nfunction serializeActiveFile ('),
        edit(
          '    await serializeActiveFile(absoluteName)\n',
          '    if (IS_ASYNC) {\n      await serializeActiveFile(absoluteName)\n    }\n',
        ),
        edit(
          `    activeFiles[absoluteName].shift() // remove the element added by serializeSameFile
    if (activeFiles[absoluteName].length > 0) {
      activeFiles[absoluteName][0]() // start next job if one is pending
    } else {
      delete activeFiles[absoluteName]
    }
`,
          `    if (IS_ASYNC) {
      activeFiles[absoluteName].shift() // remove the element added by serializeSameFile
      if (activeFiles[absoluteName].length > 0) {
        activeFiles[absoluteName][0]() // start next job if one is pending
      } else {
        delete activeFiles[absoluteName]
      }
    }
`,
        ),
      ],
    },
    {
      why: '`promisify(fs.write)` resolves with `{ bytesWritten, buffer }` and `fs.writeSync` returns a number, so the generator refuses it even where the result is unused: a hand-written sync branch',
      edits: [
        edit(
          '      await promisify(fs.write)(fd, data, 0, data.length, 0)\n',
          '      if (IS_ASYNC) {\n        await promisify(fs.write)(fd, data, 0, data.length, 0)\n      } else {\n        fs.writeSync(fd, data, 0, data.length, 0)\n      }\n',
        ),
        edit(
          "      await promisify(fs.write)(fd, String(data), 0, String(options.encoding || 'utf8'))\n",
          "      if (IS_ASYNC) {\n        await promisify(fs.write)(fd, String(data), 0, String(options.encoding || 'utf8'))\n      } else {\n        fs.writeSync(fd, String(data), 0, String(options.encoding || 'utf8'))\n      }\n",
        ),
      ],
    },
  ],
};
