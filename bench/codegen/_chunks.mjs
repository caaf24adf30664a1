import ts from 'typescript';
import { loadCorpus } from './corpus.mjs';
const c = loadCorpus();
const W =
  /async|Async|await|Promise|Awaited|then|catch|finally|fetch|Response|ReadableStream|WritableStream|anysync-|IS_ASYNC|promises|events/;
const Ww =
  /\b(?:async|await|Promise|PromiseLike|Awaited|then|catch|finally|fetch|Response|ReadableStream|WritableStream|IS_ASYNC|promises|events)\b|Async|anysync-/;
let total = 0,
  keep = 0,
  keepW = 0;
for (const f of c.files) {
  if (!W.test(f.text)) continue;
  const sf = ts.createSourceFile(f.name, f.text, { languageVersion: 99, jsDocParsingMode: 1 });
  for (const st of sf.statements) {
    const t = f.text.slice(st.pos, st.end);
    total += t.length;
    if (W.test(t) || ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) keep += t.length;
    if (Ww.test(t) || ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) keepW += t.length;
  }
}
console.log(
  'bytes in needle files',
  total,
  'kept (substring)',
  ((keep / total) * 100).toFixed(1) + '%',
  'kept (whole word)',
  ((keepW / total) * 100).toFixed(1) + '%',
);
