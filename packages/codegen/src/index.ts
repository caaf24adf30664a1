/**
 * `@anysync/codegen`: write a library's logic once as async TypeScript and generate its exact sync
 * twin. The CLI (`anysync generate`, `anysync check`) is built on these functions.
 *
 * @module
 */
export type { TwinDeclaration, TwinDeclarationOptions } from './build/twin-declarations.js';
export { emitTwinDeclarations } from './build/twin-declarations.js';
export type { AnysyncConfig, DirectoryRule } from './config/anysync-config.js';
export { defineConfig } from './config/anysync-config.js';
export { ConfigError } from './config/config-error.js';
export type { ConfigIssue } from './config/config-issue.js';
export { CONFIG_FILES, loadConfig } from './config/load-config.js';
export type { ExportMappingOption, MappingOptions, ModuleMappingOption } from './config/mapping-options.js';
export type { NameOptions } from './config/name-options.js';
export type { ResolvedConfig } from './config/resolve-config.js';
export { validateConfig } from './config/validate-config.js';
export type { Diagnostic, DiagnosticRule, Severity } from './diagnostics/diagnostic.js';
export { DIAGNOSTIC_RULES } from './diagnostics/diagnostic.js';
export { formatDiagnostic } from './diagnostics/format-diagnostic.js';
export type { SeverityOverrides } from './diagnostics/severity-overrides.js';
export type { SourceMap } from './edits/source-map.js';
export type { CheckedFile, CheckOptions, CheckReport } from './generate/check.js';
export { check } from './generate/check.js';
export type { GenerateOptions, GeneratedFile, GenerateReport } from './generate/generate.js';
export { generate } from './generate/generate.js';
export { defaultMappings, FS_PROMISES_WITH_SYNC_TWIN } from './mappings/default-mappings.js';
export type { ParsedSource, ParseOptions, Parser, SourceLanguage } from './parser/parser.js';
export { SOURCE_EXTENSIONS, typescriptParser } from './parser/typescript-parser.js';
export type { PathRule } from './transform/path-rule.js';
export type { TransformResult } from './transform/transform.js';
export { transform } from './transform/transform.js';
export type { TransformOptions } from './transform/transform-options.js';
export { checkExportParity } from './verify/export-parity.js';
export { exportedNames } from './verify/exported-names.js';
export type { AsyncResidue } from './verify/find-async-residue.js';
export { findAsyncResidue } from './verify/find-async-residue.js';
export type { TwinToVerify, VerifyOptions, VerifyReport } from './verify/verify-twins.js';
export { verifyTwins } from './verify/verify-twins.js';
export { NameConvention } from './names/name-convention.js';
