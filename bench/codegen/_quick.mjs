import ts from 'typescript';
import { transform } from '@anysync/codegen';
import { loadCorpus } from './corpus.mjs';
const c = loadCorpus();
const mb = c.bytes / 1e6;
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
const res = {};
const cpu = {};
const now = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let r = 0; r < 7; r++)
  for (const [k, fn] of Object.entries(cs)) {
    gc();
    const c0 = now();
    const t = performance.now();
    for (const f of c.files) fn(f);
    const ms = performance.now() - t;
    const cms = now() - c0;
    if (r > 0) {
      (res[k] ??= []).push(ms);
      (cpu[k] ??= []).push(cms);
    }
  }
const med = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
for (const k of Object.keys(res))
  console.log(
    k.padEnd(10),
    'wall',
    med(res[k]).toFixed(0),
    'ms',
    ((mb / med(res[k])) * 1000).toFixed(1),
    'MB/s | cpu',
    med(cpu[k]).toFixed(0),
    'ms',
    ((mb / med(cpu[k])) * 1000).toFixed(1),
    'MB/s | best wall',
    ((mb / Math.min(...res[k])) * 1000).toFixed(1),
  );
