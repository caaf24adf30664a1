import path from 'node:path';
import ts from 'typescript';
import { ConfigError } from '../config/config-error.js';

/** The compiler setup a group of sources and their twins is checked with. */
export interface TypeScriptProject {
  /** The tsconfig.json the options come from; `undefined` for the defaults. */
  readonly configFile: string | undefined;
  /** Where relative paths and `@types` lookups start. */
  readonly directory: string;
  /** The config's options as TypeScript reads them (before verification forces `noEmit`). */
  readonly options: ts.CompilerOptions;
  /** The files the config includes. */
  readonly fileNames: readonly string[];
  readonly projectReferences: readonly ts.ProjectReference[] | undefined;
}

/**
 * The options used when no tsconfig.json covers a source: strict, each file's module format from its
 * extension and package.json (`nodenext`), the newest library with the DOM, every installed `@types`
 * package, and JavaScript checked through its JSDoc types.
 */
export const DEFAULT_VERIFY_OPTIONS: Readonly<ts.CompilerOptions> = {
  strict: true,
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowJs: true,
  checkJs: true,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  skipLibCheck: true,
  // Every installed `@types` package, as before TypeScript 6 (whose default is none).
  types: ['*'],
};

/**
 * Finds, for each source, the TypeScript project it belongs to: the nearest tsconfig.json above it,
 * or the project among that config's references that includes the file (a solution-style config lists
 * none itself). A source no config covers gets {@link DEFAULT_VERIFY_OPTIONS}.
 */
export class TypeScriptProjects {
  readonly #parsed = new Map<string, TypeScriptProject>();
  readonly #nearest = new Map<string, string | undefined>();
  readonly #fileSets = new WeakMap<TypeScriptProject, ReadonlySet<string>>();
  readonly #defaults: TypeScriptProject;
  readonly #explicit: string | false | undefined;
  readonly #cwd: string;

  /** `explicit`: one tsconfig.json for every source, or `false` for the defaults everywhere. */
  constructor(cwd: string, explicit?: string | false) {
    this.#cwd = cwd;
    this.#defaults = {
      configFile: undefined,
      directory: cwd,
      options: { ...DEFAULT_VERIFY_OPTIONS },
      fileNames: [],
      projectReferences: undefined,
    };
    this.#explicit = explicit === undefined || explicit === false ? explicit : path.resolve(cwd, explicit);
  }

  projectFor(source: string): TypeScriptProject {
    if (this.#explicit === false) return this.#defaults;
    if (this.#explicit !== undefined) return this.#parse(this.#explicit);
    const nearest = this.#nearestConfig(path.dirname(source));
    if (nearest === undefined) return this.#defaults;
    const project = this.#parse(nearest);
    const including = this.#including(project, path.resolve(source), new Set());
    if (including) return including;
    return project.fileNames.length === 0 ? this.#defaults : project;
  }

  #including(project: TypeScriptProject, file: string, seen: Set<string>): TypeScriptProject | undefined {
    if (this.#fileSets.get(project)?.has(file)) return project;
    for (const reference of project.projectReferences ?? []) {
      const configFile = ts.resolveProjectReferencePath(reference);
      if (seen.has(configFile) || !ts.sys.fileExists(configFile)) continue;
      seen.add(configFile);
      const found = this.#including(this.#parse(configFile), file, seen);
      if (found) return found;
    }
    return undefined;
  }

  #nearestConfig(directory: string): string | undefined {
    if (this.#nearest.has(directory)) return this.#nearest.get(directory);
    const candidate = path.join(directory, 'tsconfig.json');
    const parent = path.dirname(directory);
    const found = ts.sys.fileExists(candidate)
      ? candidate
      : parent === directory
        ? undefined
        : this.#nearestConfig(parent);
    this.#nearest.set(directory, found);
    return found;
  }

  #parse(configFile: string): TypeScriptProject {
    const cached = this.#parsed.get(configFile);
    if (cached) return cached;
    const fail = (problem: ts.Diagnostic | string): never => {
      const message =
        typeof problem === 'string' ? problem : ts.flattenDiagnosticMessageText(problem.messageText, '\n');
      throw new ConfigError(
        `cannot verify the twins: ${path.relative(this.#cwd, configFile) || configFile}: ${message} ` +
          '(fix it, or skip the verification with --no-verify)',
      );
    };
    if (!ts.sys.fileExists(configFile)) fail('does not exist');
    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: fail,
    });
    if (parsed === undefined) return fail('cannot be read');
    // A config that includes no files is valid here (its references may); any other problem is not.
    const problem = parsed.errors.find((error) => error.code !== NO_INPUTS_FOUND);
    if (problem) fail(problem);
    const project: TypeScriptProject = {
      configFile,
      directory: path.dirname(configFile),
      options: parsed.options,
      fileNames: parsed.fileNames.map((file) => path.resolve(file)),
      projectReferences: parsed.projectReferences,
    };
    this.#parsed.set(configFile, project);
    this.#fileSets.set(project, new Set(project.fileNames));
    return project;
  }
}

/** TS18003: "No inputs were found in config file". */
const NO_INPUTS_FOUND = 18003;
