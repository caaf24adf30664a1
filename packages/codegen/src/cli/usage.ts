/** The `--help` text. */
export const USAGE = `anysync — write async TypeScript once, generate its exact sync twin

Usage:
  anysync generate [--config <file>] [--watch] [--force] [--verify] [--quiet]
  anysync generate <from> <to> [--verify]
  anysync check [--config <file>] [--no-verify] [--quiet]
  anysync check <from> <to> [--no-verify]

Commands:
  generate   convert every source and write the twins (atomically, only when changed)
  check      regenerate in memory and compare with the files on disk; exit 1 if anything is
             stale, missing, orphaned, hand-edited or has errors, or a mapping never fired;
             then type-check the regenerated twins (see --verify)

<from> <to>: a directory of async sources and the directory of their twins, or one source file and
its twin's path (src/x.ts src/x-sync.ts), instead of a config.

Options:
  -c, --config <file>  config file (default: anysync.config.{ts,mts,js,mjs,json} or package.json#anysync)
  -w, --watch          keep running and regenerate when a source or the config changes
      --force          overwrite twins that were edited by hand
      --verify         type-check the twins with TypeScript (the sources' nearest tsconfig.json) and
                       report where a twin holds a promise its source awaited, or has a type error its
                       source does not; such twins are not written (default for check)
      --no-verify      skip that type-check in check
  -q, --quiet          print only problems and the summary
  -h, --help           show this help
  -v, --version        print the version

Exit status: 0 success, 1 errors or check failures, 2 bad usage or configuration.`;
