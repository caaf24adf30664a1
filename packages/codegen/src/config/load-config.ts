import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { decodeUtf8 } from '../text/decode-utf8.js';
import { ConfigError } from './config-error.js';
import { readJsonConfigFile } from './json-config-file.js';
import { type ResolvedConfig, resolveConfig } from './resolve-config.js';

/**
 * The config file names looked for, in order, before `package.json#anysync`.
 *
 * @example
 * ```ts
 * import { CONFIG_FILES } from '@anysync/codegen';
 *
 * console.log(CONFIG_FILES[0]); // 'anysync.config.ts'
 * ```
 */
export const CONFIG_FILES = [
  'anysync.config.ts',
  'anysync.config.mts',
  'anysync.config.js',
  'anysync.config.mjs',
  'anysync.config.json',
] as const;

/**
 * Loads and validates the config: the given file, or the first of {@link CONFIG_FILES} in `cwd`, or the
 * `anysync` field of `cwd/package.json`. TypeScript configs are compiled in memory with the bundled
 * TypeScript, so they work on every supported Node version.
 *
 * @example
 * ```ts
 * import { generate, loadConfig } from '@anysync/codegen';
 *
 * const config = await loadConfig(process.cwd());
 * console.log(config.source, config.rules); // 'anysync.config.json', [{ from: '/…/src/_async', to: '/…/src/_sync' }]
 * await generate(config);
 * ```
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<ResolvedConfig> {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`config file ${file} does not exist`);
    return loadConfigFile(file, path.dirname(file), path.relative(cwd, file) || file);
  }
  for (const name of CONFIG_FILES) {
    const file = path.join(cwd, name);
    if (existsSync(file)) return loadConfigFile(file, cwd, name);
  }
  const manifest = path.join(cwd, 'package.json');
  if (existsSync(manifest)) {
    const json = readJsonConfigFile(manifest, 'package.json', 'anysync');
    if (json.value !== undefined) return resolveConfig(json.value, cwd, 'package.json#anysync', json.locate);
  }
  throw new ConfigError(
    `no config found in ${cwd}: create anysync.config.json (or .ts/.js), add an "anysync" field to package.json, ` +
      'or run `anysync generate <from> <to>`',
  );
}

async function loadConfigFile(file: string, root: string, label: string): Promise<ResolvedConfig> {
  if (file.endsWith('.json')) {
    const json = readJsonConfigFile(file, label);
    return resolveConfig(json.value, root, label, json.locate);
  }
  return resolveConfig(await importConfig(file), root, label);
}

async function importConfig(file: string): Promise<unknown> {
  const imported = file.endsWith('ts')
    ? await importTypeScript(file)
    : await import(pathToFileURL(file).href);
  const value = (imported as { default?: unknown }).default ?? imported;
  return typeof value === 'function' ? await (value as () => unknown)() : value;
}

async function importTypeScript(file: string): Promise<unknown> {
  const decoded = decodeUtf8(readFileSync(file));
  if ('error' in decoded) {
    throw new ConfigError(
      `${file}: not valid UTF-8 at byte offset ${decoded.error.offset}: ${decoded.error.reason}`,
    );
  }
  const source = decoded.text;
  const { outputText } = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: false,
    },
  });
  // Beside the config so that its relative imports and package imports resolve as they would for it.
  const temporary = path.join(path.dirname(file), `.anysync.config.${randomBytes(6).toString('hex')}.mjs`);
  writeFileSync(temporary, outputText);
  try {
    return await import(pathToFileURL(temporary).href);
  } finally {
    rmSync(temporary, { force: true });
  }
}
