// Every contender of the codegen benchmark, in the order of the results table.
import * as anysyncEveryFile from './adapters/anysync-every-file.mjs';
import * as anysyncSourceMap from './adapters/anysync-source-map.mjs';
import * as anysync from './adapters/anysync.mjs';
import * as parseNoJsDoc from './adapters/parse-no-jsdoc.mjs';
import * as parseOnly from './adapters/parse-only.mjs';
import * as parseWithParents from './adapters/parse-with-parents.mjs';
import * as quansync from './adapters/unplugin-quansync.mjs';

export const contenders = [
  parseOnly,
  parseNoJsDoc,
  parseWithParents,
  anysync,
  anysyncEveryFile,
  anysyncSourceMap,
  quansync,
];
