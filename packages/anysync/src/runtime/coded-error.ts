/**
 * A `TypeError` or `RangeError` carrying a Node-style `code` (`ERR_INVALID_ARG_TYPE`, …), so that callers
 * who branch on `error.code` treat the sync file API's argument errors like Node's.
 */
export function codedError<E extends Error>(
  Kind: new (message: string) => E,
  code: string,
  message: string,
): E & { code: string } {
  return Object.assign(new Kind(message), { code });
}

/** The error a closed file handle gives, with the fields Node's `FileHandle` gives it. */
export function fileClosedError(syscall: string): Error & { code: 'EBADF'; syscall: string } {
  return Object.assign(new Error('file closed'), { code: 'EBADF' as const, syscall });
}
