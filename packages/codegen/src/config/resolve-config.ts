import { statSync } from 'node:fs';
import path from 'node:path';
import { DIAGNOSTIC_RULES } from '../diagnostics/diagnostic.js';
import type { PathRule } from '../transform/path-rule.js';
import { isInside } from '../transform/path-rule.js';
import type { AnysyncConfig } from './anysync-config.js';
import { ConfigError } from './config-error.js';

/** A validated config with absolute paths. */
export interface ResolvedConfig extends Omit<AnysyncConfig, 'rules'> {
  /** The directory relative paths are resolved against (the config file's directory). */
  readonly root: string;
  /** Where the config came from, for messages. */
  readonly source: string;
  readonly rules: readonly PathRule[];
}

const KNOWN_KEYS = [
  'rules',
  'exclude',
  'names',
  'mappings',
  'isAsyncMarker',
  'severity',
  'runtimeModule',
  '$schema',
];

/** Checks a raw config object and resolves its paths; every problem names the field it is about. */
export function resolveConfig(raw: unknown, root: string, source: string): ResolvedConfig {
  const fail = (message: string): never => {
    throw new ConfigError(`${source}: ${message}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('the config must be an object');
  const config = raw as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (!KNOWN_KEYS.includes(key))
      fail(`unknown option \`${key}\` (known: ${KNOWN_KEYS.slice(0, -1).join(', ')})`);
  }
  if (!Array.isArray(config.rules) || config.rules.length === 0) {
    fail('`rules` must be a non-empty array of `{ from, to }` directory pairs');
  }
  const rules = (config.rules as unknown[]).map((rule, index) => resolveRule(rule, index, root, fail));
  checkRulesDoNotOverlap(rules, fail);
  checkOptionalShapes(config, fail);
  return { ...(config as Partial<AnysyncConfig>), root, source, rules };
}

function resolveRule(rule: unknown, index: number, root: string, fail: (m: string) => never): PathRule {
  const where = `\`rules[${index}]\``;
  if (typeof rule !== 'object' || rule === null) fail(`${where} must be an object \`{ from, to }\``);
  const { from, to } = rule as { from?: unknown; to?: unknown };
  if (typeof from !== 'string' || from === '') fail(`${where}.from must be a directory path`);
  if (typeof to !== 'string' || to === '') fail(`${where}.to must be a directory path`);
  const resolved = { from: path.resolve(root, from as string), to: path.resolve(root, to as string) };
  let isDirectory = false;
  try {
    isDirectory = statSync(resolved.from).isDirectory();
  } catch {
    fail(`${where}.from: directory ${resolved.from} does not exist`);
  }
  if (!isDirectory) fail(`${where}.from: ${resolved.from} is not a directory`);
  if (isInside(resolved.to, resolved.from)) {
    fail(
      `${where}: the output directory ${resolved.to} is the source directory or inside it; twins would overwrite or be read as sources`,
    );
  }
  return resolved;
}

function checkRulesDoNotOverlap(rules: readonly PathRule[], fail: (m: string) => never): void {
  for (const [i, a] of rules.entries()) {
    for (const b of rules) {
      if (isInside(b.from, a.to) || isInside(a.to, b.from)) {
        fail(`\`rules[${i}].to\` (${a.to}) overlaps the source directory ${b.from} of another rule`);
      }
    }
  }
}

function checkOptionalShapes(config: Record<string, unknown>, fail: (m: string) => never): void {
  if (
    config.exclude !== undefined &&
    !(Array.isArray(config.exclude) && config.exclude.every((e) => typeof e === 'string'))
  ) {
    fail('`exclude` must be an array of path patterns');
  }
  for (const key of ['names', 'mappings', 'severity'] as const) {
    const value = config[key];
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      fail(`\`${key}\` must be an object`);
    }
  }
  for (const key of ['isAsyncMarker', 'runtimeModule'] as const) {
    if (config[key] !== undefined && typeof config[key] !== 'string') fail(`\`${key}\` must be a string`);
  }
  for (const [rule, level] of Object.entries(
    (config.severity as Record<string, unknown> | undefined) ?? {},
  )) {
    if (!(DIAGNOSTIC_RULES as readonly string[]).includes(rule)) {
      fail(`\`severity.${rule}\` is not a rule (rules: ${DIAGNOSTIC_RULES.join(', ')})`);
    }
    if (level !== 'error' && level !== 'warning' && level !== 'off')
      fail(`\`severity.${rule}\` must be 'error', 'warning' or 'off'`);
  }
}

/** A config as the API accepts it: already resolved (from `loadConfig`), or raw with paths relative to `root`. */
export function toResolvedConfig(
  config: AnysyncConfig | ResolvedConfig,
  root = process.cwd(),
): ResolvedConfig {
  return 'source' in config && 'root' in config
    ? (config as ResolvedConfig)
    : resolveConfig(config, root, 'config');
}
