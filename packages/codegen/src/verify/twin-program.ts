import path from 'node:path';
import ts from 'typescript';
import { createTwinCompilerHost } from './twin-compiler-host.js';
import type { TypeScriptProject } from './typescript-project.js';
import type { TwinToVerify } from './verify-twins.js';

/**
 * One program for a project: its own files, the sources and the twins (in memory, at their output
 * paths). Options that would make the program emit, or demand that every file be listed
 * (`composite`), are turned off. A source that is a script (no import or export) would declare the
 * same globals as its twin, so then every file is read as a module.
 */
export function createTwinProgram(
  project: TypeScriptProject,
  twins: readonly TwinToVerify[],
): { program: ts.Program; checker: ts.TypeChecker } {
  const inMemory = new Map<string, string>();
  for (const twin of twins) {
    inMemory.set(path.resolve(twin.source), twin.sourceText);
    inMemory.set(path.resolve(twin.target), twin.code);
  }
  const hasJavaScript = twins.some((twin) => /\.[cm]?jsx?$/i.test(twin.source));
  const options: ts.CompilerOptions = {
    ...project.options,
    noEmit: true,
    composite: false,
    incremental: false,
    declaration: false,
    declarationMap: false,
    emitDeclarationOnly: false,
    noEmitOnError: false,
    ...(hasJavaScript ? { allowJs: true } : {}),
  };
  delete options.tsBuildInfoFile;
  const rootNames = [...new Set([...project.fileNames, ...inMemory.keys()])];
  const create = (options: ts.CompilerOptions) => {
    const program = ts.createProgram({
      rootNames,
      options,
      host: createTwinCompilerHost(options, project.directory, inMemory),
      ...(project.projectReferences ? { projectReferences: project.projectReferences } : {}),
    });
    return { program, checker: program.getTypeChecker() };
  };
  const created = create(options);
  const hasScript = twins.some((twin) => {
    const file = created.program.getSourceFile(path.resolve(twin.source));
    return file !== undefined && !isModule(file);
  });
  return hasScript ? create({ ...options, moduleDetection: ts.ModuleDetectionKind.Force }) : created;
}

/** Whether a bound file is a module: ES (`import`/`export`) or CommonJS (`require`, `module.exports`). */
function isModule(file: ts.SourceFile): boolean {
  return (
    ts.isExternalModule(file) ||
    (file as { commonJsModuleIndicator?: unknown }).commonJsModuleIndicator !== undefined
  );
}
