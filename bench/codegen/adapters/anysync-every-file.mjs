// anysync's transform with its text check and partial parse off: every file is parsed whole (JSDoc on
// demand) and walked, also those that contain no word any rule acts on. Not a public entry point: the
// bench reaches the internal `transformParsed` through the built files, to show what the two save.
import { typescriptParser } from '@anysync/codegen';
import { transformParsed } from '../../../packages/codegen/dist/transform/transform.js';

export const name = 'anysync transform, every file parsed whole';
export function transformEveryFile(file) {
  const parsed = typescriptParser.parse(file.name, file.text, { jsDoc: 'on-demand' });
  return transformParsed(parsed, { fileName: file.name, sourceMap: false });
}
export function run(file) {
  return transformEveryFile(file).code.length;
}
