import ts from 'typescript';
import { loadCorpus } from './corpus.mjs';
const c = loadCorpus();
const W =
  /async|Async|await|Promise|Awaited|then|catch|finally|fetch|Response|ReadableStream|WritableStream|anysync-|IS_ASYNC|promises|events|require|\bArray\b|\bSymbol\b/;
let total = 0,
  keep = 0;
for (const f of c.files) {
  if (
    !/async|Async|await|Promise|Awaited|then|catch|finally|fetch|Response|ReadableStream|WritableStream|anysync-|IS_ASYNC|promises|events/.test(
      f.text,
    )
  )
    continue;
  const sf = ts.createSourceFile(f.name, f.text, { languageVersion: 99, jsDocParsingMode: 1 });
  sf.statements.forEach((st, i) => {
    const t = f.text.slice(st.pos, st.end);
    total += t.length;
    if (i === 0 || W.test(t) || ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) keep += t.length;
  });
}
console.log('kept', ((keep / total) * 100).toFixed(1) + '%');
