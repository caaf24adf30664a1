import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { NameConvention } from '../names/name-convention.js';
import { exportedNames } from './exported-names.js';

/**
 * Checks that a twin exports what its source exports, each name renamed by the naming convention: a
 * caller switching twins must find every function under its sync name. `export *` re-exports are left
 * out (their specifiers are re-aimed). Returns an error diagnostic when they differ.
 *
 * @example
 * ```ts
 * import { checkExportParity, NameConvention } from '@anysync/codegen';
 *
 * const problems = checkExportParity(
 *   'exports.loadAsync = async () => 1;',
 *   'exports.loadAsync = () => 1;',
 *   'src/_async/a.cjs',
 *   new NameConvention(),
 * );
 * console.log(problems[0]?.message); // the twin does not export `load` …
 * ```
 */
export function checkExportParity(
  source: string,
  twin: string,
  fileName: string,
  names: NameConvention,
): Diagnostic[] {
  const expected = new Set(
    exportedNames(source, fileName)
      .filter((name) => !name.startsWith('* from'))
      .map((name) => names.syncName(name) ?? name),
  );
  const actual = new Set(exportedNames(twin, fileName).filter((name) => !name.startsWith('* from')));
  const missing = [...expected].filter((name) => !actual.has(name));
  const extra = [...actual].filter((name) => !expected.has(name));
  if (missing.length === 0 && extra.length === 0) return [];
  const parts = [
    missing.length > 0 ? `does not export ${list(missing)}` : undefined,
    extra.length > 0 ? `exports ${list(extra)}, which the source's exports do not become` : undefined,
  ].filter((part) => part !== undefined);
  return [
    {
      severity: 'error',
      rule: 'export-parity',
      message: `the twin ${parts.join(' and ')}: its exports must be the source's, renamed by the naming convention`,
      file: fileName,
      line: 1,
      column: 1,
      text: '',
      frame: '',
      suggestion:
        'export the names in a form the generator renames (`export function`, `exports.name = …`, `module.exports = { … }`), or keep the name with `names.keep`',
    },
  ];
}

function list(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(', ');
}
