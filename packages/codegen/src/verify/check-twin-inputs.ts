import path from 'node:path';
import { DIAGNOSTIC_RULES } from '../diagnostics/diagnostic.js';
import type { TwinToVerify, VerifyOptions } from './verify-twins.js';

/** Checks the arguments of `verifyTwins`; a wrong one is a TypeError naming it and its value. */
export function checkTwinInputs(twins: readonly TwinToVerify[], options: VerifyOptions): void {
  if (!Array.isArray(twins))
    throw new TypeError(`verifyTwins: \`twins\` must be an array, got ${describe(twins)}`);
  for (const [index, twin] of twins.entries()) {
    const where = `verifyTwins: \`twins[${index}]\``;
    if (typeof twin !== 'object' || twin === null)
      throw new TypeError(`${where} must be an object, got ${describe(twin)}`);
    for (const key of ['source', 'sourceText', 'target', 'code'] as const) {
      if (typeof twin[key] !== 'string')
        throw new TypeError(`${where}.${key} must be a string, got ${describe(twin[key])}`);
    }
    if (twin.report !== undefined && typeof twin.report !== 'boolean')
      throw new TypeError(`${where}.report must be a boolean, got ${describe(twin.report)}`);
    if (twin.source === '' || twin.target === '')
      throw new TypeError(`${where}: \`source\` and \`target\` must be paths`);
    const map = twin.map as unknown as { version?: unknown; mappings?: unknown } | null | undefined;
    if (map === undefined && twin.report === false) continue;
    if (typeof map !== 'object' || map === null || map.version !== 3 || typeof map.mappings !== 'string')
      throw new TypeError(
        `${where}.map must be a version 3 source map (from transform()), got ${describe(map)}`,
      );
  }
  const targets = new Map<string, number>();
  const sources = new Set(twins.map((twin) => path.resolve(twin.source)));
  for (const [index, twin] of twins.entries()) {
    const target = path.resolve(twin.target);
    const other = targets.get(target);
    if (other !== undefined)
      throw new TypeError(
        `verifyTwins: \`twins[${index}].target\` is also the target of \`twins[${other}]\`: ${target}`,
      );
    if (sources.has(target))
      throw new TypeError(`verifyTwins: \`twins[${index}].target\` is a source: ${target}`);
    targets.set(target, index);
  }
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`verifyTwins: \`options\` must be an object, got ${describe(options)}`);
  const { tsconfig, cwd, severity } = options;
  if (tsconfig !== undefined && tsconfig !== false && (typeof tsconfig !== 'string' || tsconfig === ''))
    throw new TypeError(`verifyTwins: \`tsconfig\` must be a path or false, got ${describe(tsconfig)}`);
  if (cwd !== undefined && (typeof cwd !== 'string' || cwd === ''))
    throw new TypeError(`verifyTwins: \`cwd\` must be a directory path, got ${describe(cwd)}`);
  if (severity === undefined) return;
  if (typeof severity !== 'object' || severity === null)
    throw new TypeError(`verifyTwins: \`severity\` must be an object, got ${describe(severity)}`);
  for (const [rule, level] of Object.entries(severity)) {
    if (!(DIAGNOSTIC_RULES as readonly string[]).includes(rule))
      throw new TypeError(`verifyTwins: \`severity.${rule}\` is not a rule`);
    if (level !== 'error' && level !== 'warning' && level !== 'off')
      throw new TypeError(
        `verifyTwins: \`severity.${rule}\` must be 'error', 'warning' or 'off', got ${describe(level)}`,
      );
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
