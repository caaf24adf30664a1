import { describe, expect, it } from 'vitest';
import { findAsyncResidue } from '../../src/verify/find-async-residue.js';

describe('findAsyncResidue()', () => {
  it('finds every async construct', () => {
    const code = [
      'async function f(): Promise<void> {',
      '  for await (const x of y) {}',
      '  await using r = g();',
      '  await h();',
      '}',
      'type T = AsyncIterable<number>;',
    ].join('\n');
    expect(findAsyncResidue(code, 'x.ts').map((r) => `${r.line}:${r.column} ${r.text}`)).toEqual([
      '1:1 async',
      '1:21 Promise',
      '2:7 for await',
      '3:3 await using',
      '4:3 await',
      '6:10 AsyncIterable',
    ]);
  });

  it('ignores the words in strings, comments and property names', () => {
    const code =
      "// async await Promise\nconst s = 'await Promise';\nconst o = { Promise: 1, await: 2 };\no.Promise;\n";
    expect(findAsyncResidue(code, 'x.ts')).toEqual([]);
  });
});
