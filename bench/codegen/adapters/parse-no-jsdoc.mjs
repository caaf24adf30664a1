// TypeScript's parser with JSDoc comments left unparsed (`jsDocParsingMode: ParseNone`): the ceiling for a
// transform that parses JSDoc only where it must edit it, as anysync's does.
import ts from 'typescript';

export const name = 'parse only, JSDoc not parsed';
export function run(file) {
  const options = {
    languageVersion: ts.ScriptTarget.Latest,
    jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
  };
  return ts.createSourceFile(file.name, file.text, options).statements.length;
}
