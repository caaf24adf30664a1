import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/generate.js';
import { localExportColor } from '../../src/origin/local-module-colors.js';
import { tempProject } from '../support/temp-project.js';

const SHARED = `/** Formats a report; then it is printed. */
export function format(n: number): string {
  return String(n);
}
export async function loadRemote(): Promise<string> {
  return 'x';
}
export function later(): Promise<number> {
  return Promise.resolve(1);
}
export const LIMIT = 3;
export const pending = Promise.resolve(1);
export class Report {}
export { format as fmt };
`;

describe('localExportColor()', () => {
  it('reads the color of each export of an unconverted project file from its syntax', () => {
    const project = tempProject({ 'src/shared/report.ts': SHARED });
    const importer = `${project.root}/src/_async/a.ts`;
    const color = (name: string) => localExportColor('../shared/report.js', importer, name);
    expect(color('format')).toBe('sync');
    expect(color('loadRemote')).toBe('async');
    expect(color('later')).toBe('unknown');
    expect(color('LIMIT')).toBe('sync');
    expect(color('pending')).toBe('unknown');
    expect(color('Report')).toBe('sync');
    expect(color('fmt')).toBe('unknown');
    expect(localExportColor('../shared/missing.js', importer, 'x')).toBeUndefined();
  });

  it('reads CommonJS exports too: exports.x, module.exports.x and the keys of module.exports = { … }', () => {
    const project = tempProject({
      'src/shared/util.cjs': [
        'function format(n) { return String(n); }',
        'async function loadRemote() { return 1; }',
        'const later = () => fetch("x").then((r) => r.text());',
        'exports.trim = (s) => s.trim();',
        'module.exports.size = function size(s) { return s.length; };',
        'module.exports = { format, loadRemote, later, limit: 3, twice(n) { return 2 * n; } };',
        '',
      ].join('\n'),
    });
    const importer = `${project.root}/src/_async/a.cjs`;
    const color = (name: string) => localExportColor('../shared/util.cjs', importer, name);
    expect(['trim', 'size', 'format', 'limit', 'twice'].map(color)).toEqual([
      'sync',
      'sync',
      'sync',
      'sync',
      'sync',
    ]);
    expect(color('loadRemote')).toBe('async');
    expect(color('later')).toBe('unknown');
  });

  it('lets a sync helper of the project be returned from an async function, and refuses the others', async () => {
    const project = tempProject({
      'src/shared/report.ts': SHARED,
      'src/_async/use.ts': [
        "import { format, later, loadRemote } from '../shared/report.js';",
        'export async function ok(): Promise<string> {',
        '  return format(1);',
        '}',
        'export async function bad(): Promise<number> {',
        '  return later();',
        '}',
        'export async function worse(): Promise<string> {',
        '  return loadRemote();',
        '}',
        '',
      ].join('\n'),
    });
    const report = await generate(
      { rules: [{ from: 'src/_async', to: 'src/_sync' }] },
      { root: project.root },
    );
    expect(report.diagnostics.map((d) => `${d.line}:${d.rule}`)).toEqual([
      '6:unmapped-await',
      '9:unmapped-await',
    ]);
  });
});
