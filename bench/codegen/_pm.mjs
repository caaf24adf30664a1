import ts from 'typescript';
import { loadCorpus } from '/work/main/bench/codegen/corpus.mjs';
const c = loadCorpus();
const modes = { all: 0, none: 1, types: 2 };
for (let r = 0; r < 4; r++)
  for (const [name, m] of Object.entries(modes)) {
    globalThis.gc?.();
    const t = performance.now();
    for (const f of c.files)
      ts.createSourceFile(
        f.name,
        f.text,
        { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: m },
        false,
        ts.ScriptKind.TS,
      );
    const ms = performance.now() - t;
    console.log(r, name, ms.toFixed(0), (c.bytes / 1e6 / (ms / 1000)).toFixed(1), 'MB/s');
  }
let noNeedle = 0,
  bytesNo = 0;
for (const f of c.files) {
  if (!/async|await|Promise|Async/.test(f.text)) {
    noNeedle++;
    bytesNo += f.text.length;
  }
}
console.log('files without needles', noNeedle, 'of', c.files.length, 'bytes', bytesNo);
// comment share
let commentBytes = 0;
for (const f of c.files) for (const m of f.text.matchAll(/\/\*\*[\s\S]*?\*\//g)) commentBytes += m[0].length;
console.log('jsdoc bytes', commentBytes, 'of', c.bytes);
