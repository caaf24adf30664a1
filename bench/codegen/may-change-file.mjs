// Whether anysync's text check lets a file of the corpus through unparsed, and whether the transform
// parses it in part (the bench reports how many files and how much of their text).
import { MappingTable } from '../../packages/codegen/dist/mappings/mapping-table.js';
import { defaultMappings } from '../../packages/codegen/dist/mappings/default-mappings.js';
import { NameConvention } from '../../packages/codegen/dist/names/name-convention.js';
import {
  mayChange,
  statementNeedles,
  textNeedles,
} from '../../packages/codegen/dist/transform/may-change.js';
import { PartialSource } from '../../packages/codegen/dist/transform/partial-source.js';
import { transformInPart } from '../../packages/codegen/dist/transform/transform.js';

const table = new MappingTable(defaultMappings('anysync/runtime'));
export function mayChangeFile(file) {
  return mayChange(file.text, { fileName: file.name }, NameConvention.for(), table);
}

/** The characters of a file the parser does not see when the transform parses it in part, or 0. */
export function skippedByPartialParse(file) {
  const options = { fileName: file.name, sourceMap: false, mappings: table };
  const text = textNeedles(options, NameConvention.for(), table);
  if (text === undefined || !text.test(file.text)) return 0;
  const statements = statementNeedles(options, NameConvention.for(), table);
  if (transformInPart(file.text, options, statements) === undefined) return 0;
  return PartialSource.plan(file.text, statements)?.skippedLength ?? 0;
}
