import { checkOptionalBoolean } from '../internal/check-boolean.js';
import { checkOptionalFunction } from '../internal/check-function.js';
import { checkOptions } from '../internal/check-options.js';
import { invalidArgument } from '../internal/invalid-argument.js';
import type { TwinCasesOptions } from './twin-cases.js';

/** A module namespace or an object of exports: what a twin is. */
export function checkTwin(twin: unknown, label: string): void {
  if ((typeof twin !== 'object' && typeof twin !== 'function') || twin === null) {
    throw invalidArgument('type', label, 'a module namespace or an object of exports', twin);
  }
}

/** `renames`: async name to sync name, both strings. */
export function checkRenames(renames: unknown, label: string): void {
  if (renames === undefined) return;
  const ok =
    typeof renames === 'object' &&
    renames !== null &&
    Object.values(renames).every((name) => typeof name === 'string');
  if (!ok) throw invalidArgument('type', label, 'an object mapping async names to sync names', renames);
}

function checkColors(colors: unknown): void {
  if (colors === undefined) return;
  const label = 'twinCases(): colors';
  if (!Array.isArray(colors)) throw invalidArgument('type', label, "an array of 'async' and 'sync'", colors);
  const wrong = colors.find((color) => color !== 'async' && color !== 'sync');
  if (wrong !== undefined) throw invalidArgument('range', label, "an array of 'async' and 'sync'", wrong);
}

function checkBackends(backends: unknown): void {
  if (backends === undefined || Array.isArray(backends)) return;
  const perColor = backends as { async?: unknown; sync?: unknown } | null;
  if (
    typeof perColor !== 'object' ||
    perColor === null ||
    !Array.isArray(perColor.async) ||
    !Array.isArray(perColor.sync)
  ) {
    throw invalidArgument(
      'type',
      'twinCases(): backends',
      'an array, or { async: [...], sync: [...] }',
      backends,
    );
  }
}

/** The options of `twinCases()`, checked when the cases are made. */
export function checkTwinCasesOptions<Backend>(options: TwinCasesOptions<Backend>): void {
  checkOptions(options, 'twinCases()', ['backends', 'colors', 'syncNeedsBlocking', 'skip', 'renames']);
  checkBackends(options.backends);
  checkColors(options.colors);
  checkOptionalBoolean(options.syncNeedsBlocking, 'twinCases(): syncNeedsBlocking');
  checkOptionalFunction(options.skip, 'twinCases(): skip');
  checkRenames(options.renames, 'twinCases(): renames');
}
