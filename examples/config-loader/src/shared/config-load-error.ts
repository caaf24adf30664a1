/** A config file that exists but cannot be used: unreadable, malformed, or an `extends` cycle. */
export class ConfigLoadError extends Error {
  override readonly name = 'ConfigLoadError';
  /** The file at fault. */
  readonly file: string;

  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options);
    this.file = file;
  }
}
