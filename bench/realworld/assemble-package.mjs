// Puts the regenerated sync half back where the hand-written one was, in the package copy: each entry of
// `spec.assemble` makes `file` (created when the sync half was a file of its own) export the twin's names
// under the package's public names. The copy then has the published async half and the regenerated sync
// half, and the behavioural suite calls its public API exactly as it calls the published package's.
import { appendFileSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `exports` maps a public name to a twin's export; `'.'` on either side is the module itself
 * (`module.exports = …` / `require(twin)`), for CommonJS files that export one function.
 * @param {string[]} written the converted files whose twins exist (entries for the others are skipped)
 * @returns {string[]} the lines added, per file, for the report
 */
export function assemblePackage(spec, prepared, written) {
  const added = [];
  for (const entry of spec.assemble) {
    if (!written.includes(entry.twin)) continue;
    const target = path.join(prepared.pkg, entry.file);
    const twin = path.join(prepared.work, 'twin', entry.twin);
    let specifier = path.relative(path.dirname(target), twin).split(path.sep).join('/');
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    const esm = isEsm(target, prepared.pkg);
    const lines = Object.entries(entry.exports).map(([publicName, twinName]) => {
      if (esm)
        return `export { ${twinName === publicName ? twinName : `${twinName} as ${publicName}`} } from '${specifier}';`;
      const target = publicName === '.' ? 'module.exports' : `module.exports.${publicName}`;
      const value = twinName === '.' ? `require('${specifier}')` : `require('${specifier}').${twinName}`;
      return `${target} = ${value};`;
    });
    const text = `\n// anysync realworld: the regenerated sync half\n${lines.join('\n')}\n`;
    appendFileSync(target, text);
    added.push(`${entry.file}: ${lines.join(' ')}`);
  }
  return added;
}

/**
 * Where a file was refused, the copy gets the hand-written sync half back (from the published package),
 * so that the package loads and the twins that were written can still be tested.
 * @returns {string[]} what was restored
 */
export function restoreRefused(spec, prepared, written) {
  const restored = [];
  for (const entry of spec.assemble) {
    if (written.includes(entry.twin)) continue;
    const target = path.join(prepared.pkg, entry.file);
    const original = path.join(prepared.published, entry.file);
    if ((spec.deleteFiles ?? []).includes(entry.file)) {
      copyFileSync(original, target);
      restored.push(`${entry.file} (the published file)`);
      continue;
    }
    let specifier = path.relative(path.dirname(target), original).split(path.sep).join('/');
    if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    const esm = isEsm(target, prepared.pkg);
    const lines = Object.keys(entry.exports).map((name) =>
      esm
        ? `export { ${name} } from '${specifier}';`
        : `module.exports.${name} = require('${specifier}').${name};`,
    );
    appendFileSync(target, `\n// anysync realworld: refused, the published sync half\n${lines.join('\n')}\n`);
    restored.push(`${entry.file}: ${Object.keys(entry.exports).join(', ')} (published)`);
  }
  return restored;
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
