import path from 'node:path';
import ts from 'typescript';
import { cachedSourceFile } from './source-file-cache.js';

/**
 * A compiler host that reads the given files from memory (the twins, before they are written, at their
 * output paths, and the sources as the generator read them) and everything else from disk through a
 * cache of parsed files shared by all programs. Directories that will hold the twins exist for module resolution even when
 * nothing has been written there yet. Referenced projects are read from their sources, as editors do,
 * so that no build is needed first.
 */
export function createTwinCompilerHost(
  options: ts.CompilerOptions,
  directory: string,
  inMemory: ReadonlyMap<string, string>,
): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const directories = new Set<string>();
  for (const file of inMemory.keys()) {
    for (let dir = path.dirname(file); !directories.has(dir); dir = path.dirname(dir)) {
      directories.add(dir);
      if (path.dirname(dir) === dir) break;
    }
  }
  const { fileExists, readFile, directoryExists } = host;
  const memory = (fileName: string) => inMemory.get(path.resolve(fileName));
  return Object.assign(host, {
    getCurrentDirectory: () => directory,
    fileExists: (fileName: string) => memory(fileName) !== undefined || fileExists.call(host, fileName),
    readFile: (fileName: string) => memory(fileName) ?? readFile.call(host, fileName),
    directoryExists: (name: string) =>
      directories.has(path.resolve(name)) || (directoryExists?.call(host, name) ?? true),
    getSourceFile(
      fileName: string,
      languageVersionOrOptions: ts.ScriptTarget | ts.CreateSourceFileOptions,
      onError?: (message: string) => void,
    ): ts.SourceFile | undefined {
      const text = memory(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersionOrOptions, true);
      const onDisk = readFile.call(host, fileName);
      if (onDisk === undefined) {
        onError?.(`cannot read ${fileName}`);
        return undefined;
      }
      return cachedSourceFile(fileName, onDisk, languageVersionOrOptions, options);
    },
    useSourceOfProjectReferenceRedirect: () => true,
  });
}
