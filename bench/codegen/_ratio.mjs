import ts from 'typescript';
import { transform } from '@anysync/codegen';
import { loadCorpus } from './corpus.mjs';
const c = loadCorpus();
const mb = c.bytes / 1e6;
const now = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const cs = {
  parse: (f) => ts.createSourceFile(f.name, f.text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS),
  parseNone: (f) =>
    ts.createSourceFile(
      f.name,
      f.text,
      { languageVersion: 99, jsDocParsingMode: 1 },
      false,
      ts.ScriptKind.TS,
    ),
  transform: (f) => transform(f.text, { fileName: f.name, sourceMap: false }),
};
const r1 = [],
  r2 = [],
  best = {};
for (let r = 0; r < 8; r++) {
  const t = {};
  for (const [k, fn] of Object.entries(cs)) {
    gc();
    const c0 = now();
    const w0 = performance.now();
    for (const f of c.files) fn(f);
    t[k] = now() - c0;
    const w = performance.now() - w0;
    best[k] = Math.min(best[k] ?? 1e9, w);
  }
  if (r > 0) {
    r1.push(t.parse / t.transform);
    r2.push(t.parseNone / t.transform);
  }
}
const med = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
console.log('cpu ratio parse/transform', med(r1).toFixed(2), 'parseNone/transform', med(r2).toFixed(2));
for (const k in best) console.log(k, 'best wall MB/s', ((mb / best[k]) * 1000).toFixed(1));
