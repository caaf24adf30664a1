import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that readers see either the old content or the new one, never a half-written file:
 * the text goes to a temporary file in the same directory, which gets its mode and is then renamed over
 * the target. On failure (a full disk, a directory in the way) the temporary file is removed and the
 * target is left as it was.
 */
export function atomicWrite(file: string, text: string, mode?: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    writeFileSync(temporary, text, { flag: 'wx', mode: mode === undefined ? 0o666 : 0o600 });
    // After the write: `open`'s mode is masked by the umask, and the twin must match its source exactly.
    if (mode !== undefined) chmodSync(temporary, mode);
    renameSync(temporary, file);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The write's own error says what went wrong; a failed clean-up must not hide it.
    }
    throw error;
  }
}
