import path from 'node:path';

/** A directory of async sources and the directory their twins go to, both absolute. */
export interface PathRule {
  readonly from: string;
  readonly to: string;
}

/**
 * Maps an absolute path through the most specific rule whose `from` contains it (the one with the most
 * path segments), or returns `undefined` when no rule covers it.
 */
export function mapPath(file: string, rules: readonly PathRule[]): string | undefined {
  let best: PathRule | undefined;
  for (const rule of rules) {
    if (!isInside(file, rule.from)) continue;
    if (!best || depth(rule.from) > depth(best.from)) best = rule;
  }
  return best && path.join(best.to, path.relative(best.from, file));
}

/** Whether `file` is `dir` or lies inside it. */
export function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function depth(dir: string): number {
  return path.resolve(dir).split(path.sep).filter(Boolean).length;
}
