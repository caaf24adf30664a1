import { describe, expect, it } from 'vitest';
import { check } from '../../src/generate/check.js';
import { generate } from '../../src/generate/generate.js';
import { transform } from '../../src/transform/transform.js';
import { type TwinToVerify, verifyTwins } from '../../src/verify/verify-twins.js';
import { tempProject } from '../support/temp-project.js';

const sourceText = 'export async function a(): Promise<number> {\n  return 1;\n}\n';
const { code, map } = transform(sourceText, {
  fileName: '/p/src/_async/a.ts',
  outFileName: '/p/src/_sync/a.ts',
});
const twin: TwinToVerify = {
  source: '/p/src/_async/a.ts',
  sourceText,
  target: '/p/src/_sync/a.ts',
  code,
  ...(map ? { map } : {}),
};

describe('verifyTwins() checks its arguments', () => {
  it.each([
    [null, undefined, /`twins` must be an array, got null/],
    [[null], undefined, /`twins\[0\]` must be an object, got null/],
    [[{ ...twin, code: 3 }], undefined, /`twins\[0\]`\.code must be a string, got 3/],
    [[{ ...twin, source: '' }], undefined, /`source` and `target` must be paths/],
    [[{ ...twin, map: { version: 2 } }], undefined, /`twins\[0\]`\.map must be a version 3 source map/],
    [[{ ...twin, report: 'yes' }], undefined, /`twins\[0\]`\.report must be a boolean, got "yes"/],
    [[twin, twin], undefined, /`twins\[1\]\.target` is also the target of `twins\[0\]`/],
    [[{ ...twin, target: twin.source }], undefined, /`twins\[0\]\.target` is a source/],
    [[twin], null, /`options` must be an object, got null/],
    [[twin], { tsconfig: true }, /`tsconfig` must be a path or false, got true/],
    [[twin], { cwd: 1 }, /`cwd` must be a directory path, got 1/],
    [[twin], { severity: { 'twin-type-eror': 'off' } }, /`severity\.twin-type-eror` is not a rule/],
    [
      [twin],
      { severity: { 'twin-type-error': 'loud' } },
      /`severity\.twin-type-error` must be 'error', 'warning' or 'off', got "loud"/,
    ],
  ])('refuses %j with %j', (twins, options, message) => {
    expect(() => verifyTwins(twins as never, options as never)).toThrow(TypeError);
    expect(() => verifyTwins(twins as never, options as never)).toThrow(message);
  });

  it('lets a twin that is not reported go without a map', () => {
    const { map: _map, ...unmapped } = twin;
    expect(verifyTwins([{ ...unmapped, report: false }], { tsconfig: false }).twinsChecked).toBe(0);
  });

  it('verifies a correct twin with the defaults', () => {
    const report = verifyTwins([twin], { tsconfig: false });
    expect([report.diagnostics, report.projects, report.twinsChecked, report.sourcesChecked]).toEqual([
      [],
      [undefined],
      1,
      0,
    ]);
  });
});

describe('generate() and check() check `verify`', () => {
  it.each([
    ['yes', /`verify` must be a boolean, got "yes"/],
    [1, /`verify` must be a boolean, got 1/],
  ])('refuse verify: %j', async (verify, message) => {
    const project = tempProject({ 'src/_async/a.ts': sourceText });
    const config = { rules: [{ from: 'src/_async', to: 'src/_sync' }] };
    await expect(generate(config, { root: project.root, verify: verify as never })).rejects.toThrow(message);
    await expect(check(config, { root: project.root, verify: verify as never })).rejects.toThrow(message);
  });
});
