/** How serious a diagnostic is: an `error` keeps its file from being written. */
export type Severity = 'error' | 'warning';

/**
 * Something the generator could not convert, or wants the author to know. Positions are 1-based, as an
 * editor shows them.
 */
export interface Diagnostic {
  readonly severity: Severity;
  /** The rule that reported it, e.g. `no-sync-meaning`; severities can be overridden per rule in the config. */
  readonly rule: string;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The offending source text. */
  readonly text: string;
  /** How to fix it, when there is a known way. */
  readonly suggestion?: string;
  /** The offending line(s) with a caret under the span, ready to print. */
  readonly frame: string;
}

/**
 * The ids of the rules that report diagnostics; each can be set to `error`, `warning` or `off`.
 *
 * @example
 * ```ts
 * import { DIAGNOSTIC_RULES } from '@anysync/codegen';
 *
 * console.log(DIAGNOSTIC_RULES.includes('then-chain')); // true
 * ```
 */
export const DIAGNOSTIC_RULES = [
  'syntax-error',
  'no-sync-meaning',
  'then-chain',
  'unmapped-import',
  'unmapped-await',
  'floating-async-call',
  'dynamic-import',
  'name-collision',
  'unsupported-type',
  'marker',
  'export-parity',
  'async-residue',
  'twin-holds-promise',
  'twin-type-error',
] as const;

/** One of {@link DIAGNOSTIC_RULES}. */
export type DiagnosticRule = (typeof DIAGNOSTIC_RULES)[number];
