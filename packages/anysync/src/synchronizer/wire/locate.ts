/**
 * Finding where a problem value sits, for error messages such as `arguments[1].options.onProgress`. Only
 * used after something failed, so the hot path never builds paths.
 */

/** The path of `target` (by identity) inside `root`, or `root`'s own name when it cannot be found. */
export function locate(root: unknown, target: unknown, name: string): string {
  return search(root, name, (value) => value === target, new Set()) ?? name;
}

/** The path of the deepest value inside `root` that structured clone rejects, or `name` itself. */
export function locateUncloneable(root: unknown, name: string): string {
  let path = name;
  let value = root;
  const seen = new Set<object>();
  for (;;) {
    if (typeof value !== 'object' || value === null || seen.has(value)) return path;
    seen.add(value);
    const child = children(value).find(([, item]) => !cloneable(item));
    if (!child) return path;
    path = join(path, child[0]);
    value = child[1];
  }
}

function search(
  value: unknown,
  path: string,
  match: (value: unknown) => boolean,
  seen: Set<object>,
): string | undefined {
  if (match(value)) return path;
  if (typeof value !== 'object' || value === null || seen.has(value)) return undefined;
  seen.add(value);
  for (const [key, item] of children(value)) {
    const found = search(item, join(path, key), match, seen);
    if (found) return found;
  }
  return undefined;
}

function children(value: object): [string | number, unknown][] {
  if (Array.isArray(value)) return value.map((item, index) => [index, item]);
  if (value instanceof Map) return [...value.entries()].map(([key, item]) => [String(key), item]);
  if (value instanceof Set) return [...value].map((item, index) => [index, item]);
  if (value instanceof Error) {
    const parts = (['cause', 'errors'] as const).filter((key) => Object.hasOwn(value, key));
    return parts.map((key) => [key, (value as unknown as Record<string, unknown>)[key]]);
  }
  return Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}
