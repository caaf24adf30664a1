import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { twinMessages } from './twin-messages.js';
import { type ServedTwin, TwinProject } from './twin-project.js';

/** Options of {@link emitTwinDeclarations}. */
export interface TwinDeclarationOptions {
  /** The directory of the anysync config. @default process.cwd() */
  root?: string;
  /** An anysync config file, relative to `root`, instead of looking for one. */
  config?: string;
  /** The TypeScript project whose options (`outDir`, `declarationDir`, `rootDir`, …) apply. @default 'tsconfig.json' in `root` */
  tsconfig?: string;
  /** Write the files (else only return them). @default true */
  write?: boolean;
}

/** One declaration file of a twin, where `tsc` would write it if the twin were on disk. */
export interface TwinDeclaration {
  /** The twin it declares (absolute). */
  readonly twin: string;
  /** Where it goes (absolute). */
  readonly file: string;
  readonly text: string;
}

/**
 * Emits the declarations (`.d.ts`) of the twins as `tsc` emits them for files on disk: the project's
 * own `tsconfig` decides where they go and how they look, and the twins, generated in memory, stand at
 * their paths. A build that serves twins without files on disk publishes the twin's types this way; a
 * declaration bundler (rollup-plugin-dts, …) can then bundle them like any other.
 *
 * A twin whose source has errors, and any error of the declaration emit, throws with every message.
 *
 * @example
 * ```ts
 * import { emitTwinDeclarations } from '@anysync/codegen';
 *
 * // after `tsc` has emitted dist/types/async/*.d.ts: dist/types/sync/*.d.ts beside them
 * const written = await emitTwinDeclarations({ tsconfig: 'tsconfig.json' });
 * console.log(written.map((declaration) => declaration.file));
 * ```
 */
export async function emitTwinDeclarations(options: TwinDeclarationOptions = {}): Promise<TwinDeclaration[]> {
  checkOptions(options);
  const root = path.resolve(options.root ?? process.cwd());
  const project = new TwinProject({ root, config: options.config });
  await project.refresh();
  const twins = new Map(project.twins.map((twin) => [twin.target, twin]));
  for (const twin of twins.values()) {
    const { error } = twinMessages(twin, project.config.root);
    if (error !== undefined) throw new Error(error);
  }
  const compilerOptions = readCompilerOptions(path.resolve(root, options.tsconfig ?? 'tsconfig.json'));
  const program = ts.createProgram({
    rootNames: [...compilerOptions.fileNames, ...twins.keys()],
    options: compilerOptions.options,
    host: hostWithTwins(compilerOptions.options, twins),
  });
  const declarations: TwinDeclaration[] = [];
  const problems: ts.Diagnostic[] = [];
  for (const twin of twins.keys()) {
    const sourceFile = program.getSourceFile(twin);
    if (sourceFile === undefined) continue;
    const result = program.emit(
      sourceFile,
      (file, text) => {
        if (/\.d\.[cm]?ts$/.test(file)) declarations.push({ twin, file: path.resolve(file), text });
      },
      undefined,
      true,
    );
    problems.push(...result.diagnostics);
  }
  if (problems.length > 0)
    throw new Error(`anysync: the twins' declarations cannot be emitted\n${format(problems, root)}`);
  if (options.write ?? true) {
    for (const declaration of declarations) {
      mkdirSync(path.dirname(declaration.file), { recursive: true });
      writeFileSync(declaration.file, declaration.text);
    }
  }
  return declarations;
}

function readCompilerOptions(tsconfig: string): ts.ParsedCommandLine {
  const read = ts.readConfigFile(tsconfig, ts.sys.readFile);
  if (read.error !== undefined) throw new Error(`anysync: ${format([read.error], path.dirname(tsconfig))}`);
  const parsed = ts.parseJsonConfigFileContent(
    read.config,
    ts.sys,
    path.dirname(tsconfig),
    undefined,
    tsconfig,
  );
  if (parsed.errors.length > 0) throw new Error(`anysync: ${format(parsed.errors, path.dirname(tsconfig))}`);
  const options: ts.CompilerOptions = {
    ...parsed.options,
    declaration: true,
    emitDeclarationOnly: true,
    noEmit: false,
    noEmitOnError: false,
    incremental: false,
    composite: false,
  };
  delete options.tsBuildInfoFile;
  return { ...parsed, options };
}

function hostWithTwins(options: ts.CompilerOptions, twins: ReadonlyMap<string, ServedTwin>): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const twinText = (file: string) => twins.get(path.resolve(file))?.code;
  const { fileExists, readFile, getSourceFile, directoryExists } = host;
  host.fileExists = (file) => twinText(file) !== undefined || fileExists.call(host, file);
  host.readFile = (file) => twinText(file) ?? readFile.call(host, file);
  host.directoryExists = (dir) =>
    [...twins.keys()].some((twin) => twin.startsWith(path.resolve(dir) + path.sep)) ||
    (directoryExists?.call(host, dir) ?? true);
  host.getSourceFile = (file, language, onError, shouldCreate) => {
    const text = twinText(file);
    return text === undefined
      ? getSourceFile.call(host, file, language, onError, shouldCreate)
      : ts.createSourceFile(file, text, language);
  };
  return host;
}

function format(diagnostics: readonly ts.Diagnostic[], root: string): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (file) => file,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  });
}

function checkOptions(options: TwinDeclarationOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`anysync: emitTwinDeclarations options must be an object, got ${String(options)}`);
  }
  for (const key of ['root', 'config', 'tsconfig'] as const) {
    const value = options[key];
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw new TypeError(
        `anysync: emitTwinDeclarations option \`${key}\` must be a non-empty path, got ${JSON.stringify(value)}`,
      );
    }
  }
  if (options.write !== undefined && typeof options.write !== 'boolean') {
    throw new TypeError(
      `anysync: emitTwinDeclarations option \`write\` must be a boolean, got ${JSON.stringify(options.write)}`,
    );
  }
}
