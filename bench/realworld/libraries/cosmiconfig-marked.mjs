// cosmiconfig with its explorer as `tsc` emits it without `esModuleInterop`: `require("fs/promises")`
// used directly instead of through `__importDefault(…).default` (finding 3), so that the rest of the
// explorer (classes, private async methods, an async generator, Promise.all, extensionless mappings)
// is exercised.
import cosmiconfig from './cosmiconfig.mjs';

export default {
  ...cosmiconfig,
  name: 'cosmiconfig (marked)',
  package: 'cosmiconfig',
  style: 'as cosmiconfig, with fs/promises required without the interop helper (2 edits)',
  adapt: [
    {
      why: 'finding 3: a `require` wrapped in `__importDefault` is re-aimed at `fs` while its `.default.x` uses are not mapped; the same module required directly',
      edits: [
        {
          file: 'dist/Explorer.js',
          find: 'const promises_1 = __importDefault(require("fs/promises"));',
          replace: 'const promises_1 = require("fs/promises");',
        },
        { file: 'dist/Explorer.js', find: 'promises_1.default.', replace: 'promises_1.', all: true },
      ],
    },
  ],
};
