// The migration under test: a copy of eslint-plugin-prettier, as published, whose two imports of synckit
// (the rule's `require('synckit')` and the worker's `import … from 'synckit'`) now name `anysync/synckit`.
// Nothing else of the tool changes. The edit is checked, not assumed: a release that imports synckit
// differently makes the run fail here rather than measure synckit twice.
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The two places the published tool names synckit, and what each becomes. */
const EDITS = [
  { file: 'eslint-plugin-prettier.js', from: "require('synckit')", to: "require('anysync/synckit')" },
  { file: 'worker.mjs', from: "from 'synckit'", to: "from 'anysync/synckit'" },
];

/**
 * Copies `<modules>/eslint-plugin-prettier` to `<modules>/eslint-plugin-prettier-anysync` with its synckit
 * imports replaced, and links `<modules>/anysync` to the anysync package the bench depends on (its built
 * `dist`). Returns the copy's directory.
 */
export function migrate(modules) {
  const original = join(modules, 'eslint-plugin-prettier');
  const copy = join(modules, 'eslint-plugin-prettier-anysync');
  cpSync(original, copy, { recursive: true });
  for (const { file, from, to } of EDITS) {
    const path = join(copy, file);
    const text = readFileSync(path, 'utf8');
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`${file}: expected ${from} once, found it ${count} times`);
    writeFileSync(path, text.replace(from, to));
    if (/['"]synckit['"]/.test(text.replace(from, to)))
      throw new Error(`${file}: still names synckit after the edit`);
  }
  const anysync = dirname(createRequire(import.meta.url).resolve('anysync/package.json'));
  symlinkSync(anysync, join(modules, 'anysync'), 'dir');
  return copy;
}
