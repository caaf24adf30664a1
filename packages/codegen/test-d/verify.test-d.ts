import {
  type CheckOptions,
  type CheckReport,
  check,
  type Diagnostic,
  type GenerateOptions,
  generate,
  type SourceMap,
  type TwinToVerify,
  transform,
  type VerifyOptions,
  type VerifyReport,
  verifyTwins,
} from '@anysync/codegen';
import { describe, expectTypeOf, it } from 'vitest';

describe('@anysync/codegen verification types', () => {
  it('verifyTwins takes transform() results and returns diagnostics', () => {
    const { code, map } = transform('export async function f() {}', { fileName: 'src/_async/f.ts' });
    expectTypeOf(map).toEqualTypeOf<SourceMap | undefined>();
    const twin = {
      source: 'src/_async/f.ts',
      sourceText: '',
      target: 'src/_sync/f.ts',
      code,
      map: map as SourceMap,
    };
    expectTypeOf(twin).toExtend<TwinToVerify>();
    expectTypeOf(verifyTwins).parameters.toEqualTypeOf<
      [twins: readonly TwinToVerify[], options?: VerifyOptions]
    >();
    expectTypeOf(verifyTwins([twin])).toEqualTypeOf<VerifyReport>();
    expectTypeOf(verifyTwins([twin]).diagnostics).toEqualTypeOf<readonly Diagnostic[]>();
    expectTypeOf(verifyTwins([twin]).projects).toEqualTypeOf<readonly (string | undefined)[]>();
    // @ts-expect-error: the twin's code is required
    verifyTwins([{ source: 'a.ts', sourceText: '', target: 'b.ts', map: map as SourceMap }]);
  });

  it('options name the tsconfig (or false) and the two rules', () => {
    expectTypeOf<{ tsconfig: 'tsconfig.json' }>().toExtend<VerifyOptions>();
    expectTypeOf<{ tsconfig: false; severity: { 'twin-type-error': 'warning' } }>().toExtend<VerifyOptions>();
    // @ts-expect-error: `true` is not a tsconfig
    verifyTwins([], { tsconfig: true });
    // @ts-expect-error: severities are per known rule
    verifyTwins([], { severity: { 'twin-types': 'off' } });
  });

  it('check and generate take `verify`', () => {
    expectTypeOf<CheckOptions['verify']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<GenerateOptions['verify']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf(check).parameter(1).toEqualTypeOf<CheckOptions | undefined>();
    expectTypeOf(generate).parameter(1).toEqualTypeOf<GenerateOptions | undefined>();
    expectTypeOf<CheckReport['verification']>().toEqualTypeOf<VerifyReport | undefined>();
  });
});
