import type { DiagnosticRule, Severity } from './diagnostic.js';

/** Per-rule severity overrides from the config; `off` silences a rule. */
export type SeverityOverrides = Partial<Record<DiagnosticRule, Severity | 'off'>>;
