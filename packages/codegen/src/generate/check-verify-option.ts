/** Checks the `verify` option of `generate` and `check` (a boolean, or nothing for the default). */
export function checkVerifyOption(value: unknown, caller: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  throw new TypeError(`${caller}: \`verify\` must be a boolean, got ${shown}`);
}
