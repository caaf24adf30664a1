import { statSync } from 'node:fs';

/** Whether file modes mean anything here (Windows keeps only a read-only bit). */
const MODES_APPLY = process.platform !== 'win32';

/**
 * The permission bits a twin must have: its source's (a shebang CLI stays executable). `undefined`
 * where modes do not apply, or when the source cannot be read.
 */
export function sourceMode(source: string): number | undefined {
  if (!MODES_APPLY) return undefined;
  try {
    return statSync(source).mode & 0o777;
  } catch {
    return undefined;
  }
}

/** The permission bits of an existing file, `undefined` where modes do not apply. */
export function fileMode(file: string): number | undefined {
  return MODES_APPLY ? statSync(file).mode & 0o777 : undefined;
}

/** A mode as `ls -l`'s octal: `755`. */
export function octal(mode: number): string {
  return mode.toString(8).padStart(3, '0');
}
