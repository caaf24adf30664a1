import { describe, expect, it } from 'vitest';
import { defaultMappings, FS_PROMISES_WITH_SYNC_TWIN } from '../../src/mappings/default-mappings.js';
import { MappingTable, moduleKey } from '../../src/mappings/mapping-table.js';

describe('MappingTable', () => {
  const table = new MappingTable(
    defaultMappings('anysync/runtime'),
    {
      'lib-a': { exports: { read: 'readSync', unusedExport: 'x' } },
      './local.js': './local-sync.js',
      'never-used': 'x',
    },
    '/project',
  );

  it('ships the 31 node:fs/promises functions that have a …Sync twin, and reports watch', () => {
    expect(FS_PROMISES_WITH_SYNC_TWIN).toHaveLength(31);
    const fs = table.lookup('fs/promises', '/project/src/a.ts');
    expect(fs?.module).toBe('node:fs');
    expect(fs?.exports.get('readFile')).toEqual({ kind: 'rename', module: undefined, name: 'readFileSync' });
    expect(fs?.exports.get('watch')?.kind).toBe('error');
  });

  it('maps the promise setTimeout to the runtime sleep', () => {
    const timers = table.lookup('node:timers/promises', '/project/a.ts');
    expect(timers?.exports.get('setTimeout')).toEqual({
      kind: 'rename',
      module: 'anysync/runtime',
      name: 'sleepSync',
    });
  });

  it('matches relative keys by the file they point at, from any importer', () => {
    expect(table.lookup('../local.ts', '/project/src/a.ts')?.module).toBe('/project/local-sync.js');
    expect(table.lookup('./local', '/project/b.ts')?.label).toBe('./local.js');
    expect(table.lookup('./local.js', '/project/src/a.ts')).toBeUndefined();
  });

  it('reports the project entries and exports that never fired', () => {
    const entry = table.lookup('lib-a', '/project/a.ts');
    if (!entry) throw new Error('lib-a missing');
    table.markUsed(entry, 'read');
    expect(table.unusedUserEntries().sort()).toEqual(['./local.js', 'lib-a#unusedExport', 'never-used']);
  });

  it('normalises built-in specifiers', () => {
    expect(moduleKey('fs', '/')).toBe('node:fs');
    expect(moduleKey('node:fs', '/')).toBe('node:fs');
    expect(moduleKey('fs-extra', '/')).toBe('fs-extra');
  });
});
