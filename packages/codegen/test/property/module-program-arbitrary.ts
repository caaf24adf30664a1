import fc from 'fast-check';

/**
 * Random pairs of CommonJS modules written the way Node libraries are: a `lib.cjs` exporting async
 * functions in every CommonJS form (`module.exports.x =`, `exports.x =`, `Object.defineProperty`), built
 * on `promisify(fs.x)`, `fs.promises` and `fs/promises`; and a `main.cjs` that requires it both as a
 * namespace and destructured, and does file I/O in a directory `DIR`: file handles from `open`
 * (`read`, `stat`, `readFile`, `close`), `opendir`, readline over a file, awaited `.catch` chains on
 * missing files, writes and appends. Every construct is one the generator converts exactly, so both
 * twins must log the same.
 */
export interface ModuleProgram {
  readonly lib: string;
  readonly main: string;
  /** The files `DIR` starts with: name → content. */
  readonly files: Readonly<Record<string, string>>;
}

const LIB = `'use strict';
const fs = require('fs');
const { promisify } = require('util');
const fsp = require('fs/promises');

const readFileText = promisify(fs.readFile);

module.exports.readTextAsync = async function readTextAsync(file) {
  return (await readFileText(file, 'utf8')).length;
};
exports.sizeAsync = async (file) => (await fsp.stat(file)).size;
Object.defineProperty(exports, 'existsAsync', {
  enumerable: true,
  value: async (file) => fs.promises.access(file).then(() => true, () => false),
});
exports.linesAsync = async function linesAsync(file) {
  const text = await fs.promises.readFile(file, 'utf8').catch((error) => error.code);
  return text.split(/\\r?\\n/).length;
};
`;

const lineText = fc
  .array(fc.constantFrom('alpha', 'beta', '', 'gamma delta', 'é', '  x'), { maxLength: 5 })
  .chain((lines) =>
    fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol) + (lines.length > 0 ? eol : '')),
  );

const fileName = fc.constantFrom('a.txt', 'b.txt', 'missing.txt');

const operation: fc.Arbitrary<string> = fc.oneof(
  fileName.map((f) => `log.push(await lib.readTextAsync(DIR + '/${f}').catch((error) => error.code));`),
  fileName.map((f) => `log.push(await sizeAsync(DIR + '/${f}').catch((error) => error.code));`),
  fileName.map((f) => `log.push(await lib.existsAsync(DIR + '/${f}'));`),
  fileName.map((f) => `log.push(await linesAsync(DIR + '/${f}'));`),
  fc.tuple(fileName, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 4 })).map(
    ([f, length, position]) => `try {
  const handle = await open(DIR + '/${f}', 'r');
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(${length}), 0, ${length}, ${position});
    log.push(bytesRead, buffer.toString('hex'), (await handle.stat()).size, await handle.readFile('utf8'));
  } finally {
    await handle.close();
  }
} catch (error) {
  log.push('open failed: ' + error.code);
}`,
  ),
  fileName.map(
    (f) => `try {
  for await (const line of readline.createInterface({ input: fs.createReadStream(DIR + '/${f}'), crlfDelay: Infinity })) {
    log.push('line ' + JSON.stringify(line));
  }
} catch (error) {
  log.push('lines failed: ' + error.code);
}`,
  ),
  fc.constant(`{
  const dir = await opendir(DIR);
  const names = [];
  for await (const entry of dir) names.push(entry.name + (entry.isFile() ? '' : '/'));
  log.push(names.sort().join(','));
}`),
  fc
    .tuple(fileName, fc.constantFrom('one', 'two\n', ''))
    .map(([f, text]) => `await appendFile(DIR + '/${f}', ${JSON.stringify(text)});`),
  fc
    .tuple(fileName, fc.constantFrom('w', 'new\r\nline'))
    .map(([f, text]) => `await fs.promises.writeFile(DIR + '/${f}', ${JSON.stringify(text)});`),
  fileName.map(
    (f) => `await unlink(DIR + '/${f}').catch((error) => log.push('unlink failed: ' + error.code));`,
  ),
);

/** A library module, a main module of random operations, and the files they start with. */
export const moduleProgramArbitrary: fc.Arbitrary<ModuleProgram> = fc
  .record({
    operations: fc.array(operation, { minLength: 1, maxLength: 6 }),
    a: lineText,
    b: lineText,
  })
  .map(({ operations, a, b }) => ({
    lib: LIB,
    main: `'use strict';
const fs = require('fs');
const readline = require('readline');
const { open, opendir, appendFile, unlink } = require('fs/promises');
const lib = require('./lib.cjs');
const { sizeAsync, linesAsync } = require('./lib.cjs');

async function mainAsync(log) {
${operations.join('\n')}
  return log.length;
}

module.exports = { mainAsync };
`,
    files: { 'a.txt': a, 'b.txt': b },
  }));
