import {
  type ConfigIssue,
  defineConfig,
  type ExportMappingOption,
  type ModuleMappingOption,
  type PathRule,
  type TransformResult,
  transform,
  validateConfig,
} from '@anysync/codegen';
import { describe, expectTypeOf, it } from 'vitest';

describe('@anysync/codegen config types', () => {
  it('types rules by directory or by file, and the $schema key', () => {
    defineConfig({
      $schema: './node_modules/@anysync/codegen/schema.json',
      rules: [
        { from: 'src/_async', to: 'src/_sync' },
        { from: 'src/x.ts', to: 'src/x-sync.ts' },
      ],
    });
    expectTypeOf<PathRule['kind']>().toEqualTypeOf<'directory' | 'file' | undefined>();
    // @ts-expect-error: a rule needs both ends
    defineConfig({ rules: [{ from: 'src/_async' }] });
  });

  it('accepts each module mapping shape and refuses `same` with anything else', () => {
    const shapes: ModuleMappingOption[] = [
      'redis',
      { module: 'x', exports: { a: 'b' }, strict: true },
      { same: true },
      { error: 'no blocking DNS', suggestion: 'resolve in the async twin' },
    ];
    expectTypeOf(shapes).toEqualTypeOf<ModuleMappingOption[]>();
    // @ts-expect-error: a module that serves both colors has no export mappings
    const sameWithExports: ModuleMappingOption = { same: true, exports: { a: 'b' } };
    // @ts-expect-error: only `suggestion` goes with `error`
    const errorWithModule: ModuleMappingOption = { error: 'no', module: 'x' };
    // @ts-expect-error: `same` is `true` or absent
    const sameFalse: ModuleMappingOption = { same: false };
    void [sameWithExports, errorWithModule, sameFalse];
  });

  it('accepts each export mapping shape, members nested', () => {
    const shapes: ExportMappingOption[] = [
      'readFileSync',
      { module: 'x', name: 'y' },
      { same: true },
      { members: { lstat: 'lstatSync', deep: { members: { a: { error: 'no' } } } }, module: 'node:fs' },
      { error: 'async only', suggestion: 'keep it in the async twin' },
    ];
    expectTypeOf(shapes).toEqualTypeOf<ExportMappingOption[]>();
  });

  it('types the checker and transform of bytes', () => {
    expectTypeOf(validateConfig({})).toEqualTypeOf<ConfigIssue[]>();
    expectTypeOf<ConfigIssue['path']>().toEqualTypeOf<readonly (string | number)[]>();
    expectTypeOf(transform(new Uint8Array(), { fileName: 'a.ts' })).toEqualTypeOf<TransformResult>();
    // @ts-expect-error: text or UTF-8 bytes only
    transform(42, { fileName: 'a.ts' });
  });
});
