// Puts the regenerated sync half back where the hand-written one was, in the package copy: each entry of
// `spec.assemble` makes `file` (created when the sync half was a file of its own) export the twin's names
// under the package's public names. The copy then has the published async half and the regenerated sync
// half, and the behavioural suite calls its public API exactly as it calls the published package's.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** @returns {string[]} the lines added, per file, for the report */
export function assemblePackage(spec, prepared) {
  const added = [];
  for (const entry of spec.assemble) {
    const target = path.join(prepared.pkg, entry.file);
    const twin = path.join(prepared.work, 'twin', entry.twin);
    let specifier = path.relative(path.dirname(target), twin).split(path.sep).join('/');
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    const esm = isEsm(target, prepared.pkg);
    const lines = Object.entries(entry.exports).map(([publicName, twinName]) =>
      esm
        ? `export { ${twinName === publicName ? twinName : `${twinName} as ${publicName}`} } from '${specifier}';`
        : `module.exports.${publicName} = require('${specifier}').${twinName};`,
    );
    const text = `\n// anysync realworld: the regenerated sync half\n${lines.join('\n')}\n`;
    appendFileSync(target, text);
    added.push(`${entry.file}: ${lines.join(' ')}`);
  }
  return added;
}

export function isEsm(file, packageDir) {
  if (file.endsWith('.mjs')) return true;
  if (file.endsWith('.cjs')) return false;
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  return manifest.type === 'module';
}

/** The module a spec's `entry` names, in the published package and in the copy. */
export function entryPaths(spec, prepared) {
  const published = path.join(prepared.published, spec.entry);
  const assembled = path.join(prepared.pkg, spec.entry);
  if (!existsSync(published)) throw new Error(`${spec.name}: no entry ${spec.entry}`);
  return { published, assembled, esm: isEsm(published, prepared.published) };
}
