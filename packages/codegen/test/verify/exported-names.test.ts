import { describe, expect, it } from 'vitest';
import { exportedNames } from '../../src/verify/exported-names.js';

describe('exportedNames()', () => {
  it('lists values, types, re-exports and defaults', () => {
    const code = [
      'export class A {}',
      'export interface B {}',
      'export type C = 1;',
      'export const d = 1, e = 2;',
      'export function f() {}',
      'export enum G {}',
      'const h = 1;',
      'export { h as H };',
      "export * from './x.js';",
      "export * as ns from './y.js';",
      'export default function () {}',
    ].join('\n');
    expect(exportedNames(code, 'm.ts')).toEqual([
      '* from ./x.js',
      'A',
      'B',
      'C',
      'G',
      'H',
      'd',
      'default',
      'e',
      'f',
      'ns',
    ]);
  });
});
