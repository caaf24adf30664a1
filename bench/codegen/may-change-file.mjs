// Whether anysync's text check lets a file of the corpus through unparsed (the bench reports how many).
import { MappingTable } from '../../packages/codegen/dist/mappings/mapping-table.js';
import { defaultMappings } from '../../packages/codegen/dist/mappings/default-mappings.js';
import { NameConvention } from '../../packages/codegen/dist/names/name-convention.js';
import { mayChange } from '../../packages/codegen/dist/transform/may-change.js';

const table = new MappingTable(defaultMappings('anysync/runtime'));
export function mayChangeFile(file) {
  return mayChange(file.text, { fileName: file.name }, NameConvention.for(), table);
}
