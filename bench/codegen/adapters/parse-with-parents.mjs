// Baseline: the parse anysync needs (parent pointers set, which rules use to look at context).
import ts from 'typescript';

export const name = 'parse with parent pointers';
export function run(file) {
  return ts.createSourceFile(file.name, file.text, ts.ScriptTarget.Latest, true).statements.length;
}
