import { writeFileSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { transform } from '@anysync/codegen';
import { loadCorpus } from './corpus.mjs';
const out = {};
const c = loadCorpus();
const files = [...c.files];
const walk = (d) => {
  for (const e of readdirSync(d)) {
    const f = path.join(d, e);
    if (statSync(f).isDirectory()) walk(f);
    else if (/\.(ts|js|mts|tsx)$/.test(e) && !f.includes('node_modules') && !f.includes('/dist/'))
      files.push({ name: f, text: readFileSync(f, 'utf8') });
  }
};
walk('/work/main/packages/codegen/test/fixtures');
walk('/work/main/examples');
walk('/work/main/packages/anysync/src');
for (const f of files) {
  for (const sm of [false]) {
    const r = transform(f.text, { fileName: f.name.replace('/input.', '/_async/input.'), sourceMap: sm });
    out[f.name] = {
      code: r.code,
      diags: r.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`),
    };
  }
}
writeFileSync(process.argv[2], JSON.stringify(out));
console.log(files.length, 'files');
