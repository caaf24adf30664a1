/** Edits (insert, delete, replace, swap two neighbours) to turn `a` into `b`, giving up beyond `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] as number) + 1);
      }
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The known name that `key` looks like a misspelling of: the same but for case, or one edit away (two
 * for names of five letters or more). `undefined` when it looks like nothing known, e.g. a key of a
 * wider configuration object passed on as it is.
 */
export function nearMiss(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const limit = key.length >= 5 ? 2 : 1;
  return known.find(
    (candidate) =>
      candidate.toLowerCase() === lower || distance(lower, candidate.toLowerCase(), limit) <= limit,
  );
}
