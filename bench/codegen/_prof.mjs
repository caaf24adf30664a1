import { transform } from '@anysync/codegen';
import { loadCorpus } from './corpus.mjs';
const c = loadCorpus();
for (let r = 0; r < 8; r++)
  for (const f of c.files) transform(f.text, { fileName: f.name, sourceMap: false });
