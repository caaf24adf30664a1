import { mkdtempSync, opendirSync as nodeOpendirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { opendirSync } from '../../src/runtime/index.js';

const root = mkdtempSync(join(tmpdir(), 'anysync-opendir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const BAD_SIZES: [unknown, string, string, string][] = [
  [0, 'RangeError', 'ERR_OUT_OF_RANGE', 'It must be >= 1 && <= 4294967295. Received 0'],
  [-3, 'RangeError', 'ERR_OUT_OF_RANGE', 'It must be >= 1 && <= 4294967295. Received -3'],
  [2 ** 32, 'RangeError', 'ERR_OUT_OF_RANGE', 'It must be >= 1 && <= 4294967295. Received 4294967296'],
  [2 ** 33, 'RangeError', 'ERR_OUT_OF_RANGE', 'It must be >= 1 && <= 4294967295. Received 8_589_934_592'],
  [1.5, 'RangeError', 'ERR_OUT_OF_RANGE', 'It must be an integer. Received 1.5'],
  [Number.NaN, 'RangeError', 'ERR_OUT_OF_RANGE', 'It must be an integer. Received NaN'],
  ['8', 'TypeError', 'ERR_INVALID_ARG_TYPE', "Received type string ('8')"],
  [null, 'TypeError', 'ERR_INVALID_ARG_TYPE', 'Received null'],
  [{}, 'TypeError', 'ERR_INVALID_ARG_TYPE', 'Received an instance of Object'],
  [8n, 'TypeError', 'ERR_INVALID_ARG_TYPE', 'Received type bigint (8n)'],
];

const openDescriptors = () => readdirSync('/proc/self/fd').length;
const onLinux = process.platform === 'linux';

describe('opendirSync with a bad bufferSize', () => {
  it.each(BAD_SIZES)('%s: fails as fs.opendirSync does (%s %s)', (size, name, code, tail) => {
    const call = () => opendirSync(root, { bufferSize: size as number });
    expect(call).toThrow(expect.objectContaining({ name, code }));
    expect(call).toThrow(tail);
    // Node 22 and later check the size before opening (Node 20 after, losing the descriptor): compare there.
    if (Number(process.versions.node.split('.')[0]) >= 22) {
      let expected: unknown;
      try {
        nodeOpendirSync(root, { bufferSize: size as number }).closeSync();
      } catch (error) {
        expected = error;
      }
      expect(call).toThrow((expected as Error).message);
    }
  });

  it.runIf(onLinux)('leaves no directory open, on every Node version', () => {
    const before = openDescriptors();
    for (const [size] of BAD_SIZES) expect(() => opendirSync(root, { bufferSize: size as number })).toThrow();
    expect(openDescriptors()).toBe(before);
  });

  it('reports a missing directory first, as Node does, and a good size opens as before', () => {
    expect(() => opendirSync(join(root, 'missing'), { bufferSize: 0 })).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
    expect(() => opendirSync(42 as never, { bufferSize: 0 })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }),
    );
    const dir = opendirSync(root, { bufferSize: 1 });
    expect(dir.read()).toBeNull();
    dir.close();
  });
});
