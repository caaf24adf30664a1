// make-synchronous: each inline function gets its own worker; no closures, arguments and results cloned.
import makeSynchronous from 'make-synchronous';

export const name = 'make-synchronous';

export async function create() {
  return {
    trivial: makeSynchronous(async (x) => x + 1),
    options: makeSynchronous(async (text, bag) => ({
      output: text.trim(),
      filepath: bag.filepath,
      width: bag.tabWidth,
    })),
    // Inline, as make-synchronous needs: the same body as the shared handler.
    transform: makeSynchronous(async (source, bag) => {
      const code = `${source}\n//# sourceMappingURL=${bag.filename}.map\n`;
      const map = `{"version":3,"file":"${bag.filename}","mappings":"${'AACA;'.repeat(source.length >> 3)}"}`;
      return { code, map, warnings: [] };
    }),
    stringLength: makeSynchronous(async (text) => text.length),
    bufferEcho: makeSynchronous(async (bytes) => bytes),
    timer: makeSynchronous(async (x) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return x + 1;
    }),
    close: () => {},
  };
}
