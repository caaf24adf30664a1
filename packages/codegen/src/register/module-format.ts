import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * How Node runs a file: by its extension (`.mts`, `.cts`, …), else by the `type` of the nearest
 * `package.json`, as Node decides for a file on disk.
 */
export function moduleFormat(file: string): 'module' | 'commonjs' {
  if (/\.m[jt]s$/.test(file)) return 'module';
  if (/\.c[jt]s$/.test(file)) return 'commonjs';
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const type = packageType(path.join(dir, 'package.json'));
    if (type !== undefined) return type === 'module' ? 'module' : 'commonjs';
    if (path.dirname(dir) === dir) return 'commonjs';
  }
}

function packageType(manifest: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(manifest, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const type = (JSON.parse(text) as { type?: unknown }).type;
    return typeof type === 'string' ? type : 'commonjs';
  } catch {
    return 'commonjs';
  }
}
