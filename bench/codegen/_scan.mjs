import ts from 'typescript';
import { loadCorpus } from './corpus.mjs';
const c = loadCorpus();
const scanner = ts.createScanner(ts.ScriptTarget.Latest, true);
for (let r = 0; r < 4; r++) {
  let t = performance.now();
  let n = 0;
  for (const f of c.files) {
    scanner.setText(f.text);
    let k;
    while ((k = scanner.scan()) !== ts.SyntaxKind.EndOfFileToken) n++;
  }
  const a = performance.now() - t;
  t = performance.now();
  for (const f of c.files) ts.createSourceFile(f.name, f.text, { languageVersion: 99, jsDocParsingMode: 1 });
  const b = performance.now() - t;
  console.log('scan', a.toFixed(0), 'parseNone', b.toFixed(0), 'tokens', n);
}
