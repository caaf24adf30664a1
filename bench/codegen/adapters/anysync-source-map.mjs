// anysync's transform with the source map back to the async source.
import { transform } from '@anysync/codegen';

export const name = 'anysync transform + source map';
export function run(file) {
  return transform(file.text, { fileName: file.name }).map.mappings.length;
}
