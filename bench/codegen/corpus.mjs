// The corpus: every .ts file of the `effect` package's sources (a devDependency of bench/), minus the two
// generated files that are each one giant string literal (they measure string scanning, not code).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const GENERATED = new Set(['httpApiScalar.ts', 'httpApiSwagger.ts']);

export function loadCorpus() {
  const require = createRequire(import.meta.url);
  const root = path.join(path.dirname(require.resolve('effect/package.json')), 'src');
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !GENERATED.has(entry.name)) {
        files.push({ name: full, text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(root);
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
  const version = JSON.parse(readFileSync(path.join(root, '..', 'package.json'), 'utf8')).version;
  return { files, bytes, label: `effect@${version} src (${files.length} .ts files)` };
}
