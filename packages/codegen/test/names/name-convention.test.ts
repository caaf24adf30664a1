import { describe, expect, it } from 'vitest';
import { NameConvention } from '../../src/names/name-convention.js';

describe('NameConvention', () => {
  it('strips the Async prefix and suffix by default', () => {
    const names = new NameConvention();
    expect(names.syncName('AsyncClient')).toBe('Client');
    expect(names.syncName('_AsyncClient')).toBe('_Client');
    expect(names.syncName('readAsync')).toBe('read');
    expect(names.syncName('Asynchronous')).toBeUndefined();
    expect(names.syncName('Async')).toBeUndefined();
    expect(names.syncName('client')).toBeUndefined();
  });

  it('leaves predicates about asynchrony alone', () => {
    const names = new NameConvention();
    expect(names.syncName('isAsync')).toBeUndefined();
    expect(names.syncName('hasAsync')).toBeUndefined();
    expect(names.syncName('supportsAsync')).toBeUndefined();
  });

  it('can use a Sync prefix or keep names', () => {
    expect(new NameConvention({ asyncPrefix: 'sync' }).syncName('AsyncClient')).toBe('SyncClient');
    expect(new NameConvention({ asyncPrefix: 'keep' }).syncName('AsyncClient')).toBeUndefined();
    expect(new NameConvention({ asyncSuffix: 'keep' }).syncName('readAsync')).toBeUndefined();
  });

  it('lets explicit renames and keeps win over the conventions', () => {
    const names = new NameConvention({
      renames: { aclose: 'close', AsyncX: 'AsyncX' },
      keep: ['AsyncSearchClient'],
    });
    expect(names.syncName('aclose')).toBe('close');
    expect(names.syncName('AsyncX')).toBeUndefined();
    expect(names.syncName('AsyncSearchClient')).toBeUndefined();
  });
});
