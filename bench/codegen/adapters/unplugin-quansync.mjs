// unplugin-quansync's transform (Babel parse + walk + magic-string). It returns at once unless the file
// imports its macro, so the import is prepended: it then parses and walks every file, as it would for a
// file using the macro; the corpus has no macro calls, so it edits nothing.
import { transformQuansync } from 'unplugin-quansync/api';

const PREFIX = "import { quansync } from 'quansync/macro';\n";
export const name = 'unplugin-quansync transformQuansync';
export function prepare(file) {
  return { name: file.name, text: PREFIX + file.text };
}
export function run(file) {
  return transformQuansync(file.text, file.name)?.code.length ?? 0;
}
