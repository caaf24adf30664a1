// When some files are refused, a written twin that imports the twin of a refused file (directly or
// through another twin) cannot load: generate exited 1 and said why. Such twins are left out of the
// typecheck and the behavioural suite, and their hand-written halves stay in place.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const RELATIVE = /(?:require\(|from\s+|import\()\s*['"](\.{1,2}\/[^'"]*)['"]/g;

/** @returns {string[]} the written files (relative to the package) whose twins can load */
export function usableTwins(convert, written, twinDir) {
  const refused = convert.filter((f) => !written.includes(f));
  const imports = new Map(
    written.map((file) => {
      const text = readFileSync(path.join(twinDir, file), 'utf8');
      const targets = [...text.matchAll(RELATIVE)].map((m) =>
        path.posix.join(path.posix.dirname(file), m[1]),
      );
      return [file, targets];
    }),
  );
  const names = (file) => {
    const bare = file.replace(/\.[cm]?js$/, '');
    return path.posix.basename(bare) === 'index' ? [bare, file, path.posix.dirname(bare)] : [bare, file];
  };
  const unusable = new Set(refused);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [file, targets] of imports) {
      if (unusable.has(file)) continue;
      if (targets.some((t) => [...unusable].some((u) => names(u).includes(t)))) {
        unusable.add(file);
        changed = true;
      }
    }
  }
  return written.filter((f) => !unusable.has(f));
}
