// anysync's whole transform: parse, facts, every rule, edits applied (no source map).
import { transform } from '@anysync/codegen';

export const name = 'anysync transform';
export function run(file) {
  return transform(file.text, { fileName: file.name, sourceMap: false }).code.length;
}
