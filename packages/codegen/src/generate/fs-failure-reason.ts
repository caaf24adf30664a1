import type { Stats } from 'node:fs';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large for the file system or the process limit',
  EISDIR: 'a directory is in the way',
  ENOTDIR: 'a path component is a file, not a directory',
  EEXIST: 'something is in the way',
  ENOTEMPTY: 'a directory is in the way',
  ENOENT: 'no such file or directory',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  ENAMETOOLONG: 'the path is too long',
  EBUSY: 'the file is busy',
};

/**
 * One line saying why a file operation failed (`permission denied (EACCES)`). An error that is not a
 * file-system failure is a bug and is thrown on, so that it is seen with its stack.
 */
export function fsFailureReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) throw error;
  return `${REASONS[code] ?? 'the file system refused'} (${code})`;
}

/** What is at a path where a regular file was expected: `a directory`, `a symbolic link`, … */
export function nonFileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  return stats.isSymbolicLink() ? 'a symbolic link' : 'a special file';
}
