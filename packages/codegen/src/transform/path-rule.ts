import path from 'node:path';

/**
 * Where async sources go, both paths absolute: a directory of sources and the directory their twins go
 * to, or (`kind: 'file'`) one source file and its twin's path.
 */
export interface PathRule {
  readonly from: string;
  readonly to: string;
  /** @default 'directory' */
  readonly kind?: 'directory' | 'file';
}

/**
 * Maps an absolute path through the most specific rule that covers it: a file rule for that very file,
 * else the directory rule whose `from` has the most path segments. `undefined` when no rule covers it.
 */
export function mapPath(file: string, rules: readonly PathRule[]): string | undefined {
  let best: PathRule | undefined;
  for (const rule of rules) {
    if (rule.kind === 'file') {
      if (rule.from === file) return rule.to;
      continue;
    }
    if (!isInside(file, rule.from)) continue;
    if (!best || depth(rule.from) > depth(best.from)) best = rule;
  }
  return best && path.join(best.to, path.relative(best.from, file));
}

/**
 * Maps the absolute path a relative import names (`/src/x.js` for `./x.js`, or `/src/x` without an
 * extension) through the rules. A file rule matches by the files the import can resolve to (`x.js` to
 * `x.ts`, `x.tsx`, `x.d.ts` or `x.js`), and the result keeps the import's own extension.
 */
export function mapModulePath(imported: string, rules: readonly PathRule[]): string | undefined {
  const { stem, extension } = splitModulePath(imported);
  const candidates = SOURCE_EXTENSIONS_FOR[extension];
  for (const rule of rules) {
    if (rule.kind !== 'file' || candidates === undefined) continue;
    const source = splitModulePath(rule.from);
    if (source.stem === stem && candidates.includes(source.extension)) {
      return splitModulePath(rule.to).stem + extension;
    }
  }
  return mapPath(imported, rules);
}

/** The extension a twin must keep (`.d.ts` counts whole), and the path without it. */
export function splitModulePath(file: string): { stem: string; extension: string } {
  const match = /(?:\.d)?\.[cm]?[jt]sx?$/i.exec(path.basename(file));
  const extension = match ? match[0] : '';
  return { stem: file.slice(0, file.length - extension.length), extension };
}

/** The source extensions an import with a given extension can resolve to (TypeScript's rules). */
const SOURCE_EXTENSIONS_FOR: Record<string, readonly string[]> = {
  '': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.js': ['.ts', '.tsx', '.d.ts', '.js', '.jsx'],
  '.jsx': ['.tsx', '.jsx'],
  '.mjs': ['.mts', '.d.mts', '.mjs'],
  '.cjs': ['.cts', '.d.cts', '.cjs'],
  '.ts': ['.ts'],
  '.tsx': ['.tsx'],
  '.mts': ['.mts'],
  '.cts': ['.cts'],
};

/** Whether `file` is `dir` or lies inside it. */
export function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function depth(dir: string): number {
  return path.resolve(dir).split(path.sep).filter(Boolean).length;
}
