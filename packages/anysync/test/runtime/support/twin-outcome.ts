import { Stats } from 'node:fs';

/** What a call did, in a form two twins can be compared by: its value, or its error's identity. */
export type Outcome =
  | { readonly value: unknown }
  | { readonly error: { name: string; code: unknown; syscall: unknown; message?: string } };

/**
 * Runs a call (sync or async) and describes its outcome with `root` replaced by `<root>` in messages, so
 * that twins run in two temp directories compare equal. Argument errors (`ERR_…` codes) are compared by
 * name and code only: their wording is each implementation's own.
 */
export async function outcome(call: () => unknown, root: string): Promise<Outcome> {
  try {
    return { value: plain(await call()) };
  } catch (caught) {
    const error = caught as Error & { code?: unknown; syscall?: unknown };
    const message = error.message.split(root).join('<root>');
    const described = { name: error.name, code: error.code, syscall: error.syscall };
    return { error: String(error.code).startsWith('ERR_') ? described : { ...described, message } };
  }
}

/** A value as plain data: bytes as arrays, `Stats` as the fields that identify a file, objects without their prototype. */
export function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value))
    return { bytes: [...new Uint8Array(value.buffer, value.byteOffset, value.byteLength)] };
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Stats) {
    // Two files written a moment apart have different times, unless a test set them (to long ago).
    const mtimeMs = value.mtimeMs < 1e10 ? value.mtimeMs : 'now';
    return { size: value.size, mode: value.mode, mtimeMs, isFile: value.isFile() };
  }
  if (typeof value === 'object' && value !== null && typeof (value as { size?: unknown }).size === 'bigint') {
    const stats = value as { size: bigint; mode: bigint };
    return { size: stats.size, mode: stats.mode, bigint: true };
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, plain(field)]));
  }
  return value;
}
