// Baseline: TypeScript's parser alone, as `createSourceFile` is called by default (no parent pointers).
import ts from 'typescript';

export const name = 'parse only (typescript createSourceFile)';
export function run(file) {
  return ts.createSourceFile(file.name, file.text, ts.ScriptTarget.Latest).statements.length;
}
