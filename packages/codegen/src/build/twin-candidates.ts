import path from 'node:path';

/** What an import's extension may stand for, in the order TypeScript tries them. */
const SUBSTITUTES: Record<string, readonly string[]> = {
  '.js': ['.ts', '.tsx', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.mjs'],
  '.cjs': ['.cts', '.cjs'],
};

const EXTENSIONLESS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * The files an imported path may name, most likely first: itself, the TypeScript file a `.js` import
 * stands for, and for a path without a known extension the file with each extension or the directory's
 * index (bundlers and `tsx` allow those).
 */
export function twinCandidates(imported: string): string[] {
  const absolute = path.resolve(imported);
  const extension = path.extname(absolute).toLowerCase();
  const candidates = [absolute];
  const substitutes = SUBSTITUTES[extension];
  if (substitutes !== undefined) {
    const stem = absolute.slice(0, -extension.length);
    for (const substitute of substitutes) candidates.push(stem + substitute);
  } else if (!EXTENSIONLESS.includes(extension) && !/\.d\.[cm]?ts$/.test(absolute)) {
    for (const ext of EXTENSIONLESS) candidates.push(absolute + ext);
    for (const ext of EXTENSIONLESS) candidates.push(path.join(absolute, `index${ext}`));
  }
  return candidates;
}
