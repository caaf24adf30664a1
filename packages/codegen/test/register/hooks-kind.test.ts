import module from 'node:module';
import { describe, expect, it } from 'vitest';
import { hooksKind } from '../../src/register/hooks-kind.js';

const available = typeof (module as { registerHooks?: unknown }).registerHooks === 'function';

describe('hooksKind', () => {
  it('uses module.register where Node has no registerHooks, or next to another preloaded loader', () => {
    expect(hooksKind(['--import', 'tsx', '--import', '@anysync/codegen/register'], {})).toBe('register');
    expect(hooksKind([], { NODE_OPTIONS: '--import=tsx' })).toBe('register');
    expect(hooksKind(['--require', 'ts-node/register'], {})).toBe('register');
  });

  it('uses registerHooks when anysync is the only loader and Node has it', () => {
    const alone = available ? 'registerHooks' : 'register';
    expect(hooksKind(['--import', '@anysync/codegen/register'], {})).toBe(alone);
    expect(hooksKind([], {})).toBe(alone);
  });

  it('follows ANYSYNC_HOOKS, and refuses a value it does not know', () => {
    expect(hooksKind([], { ANYSYNC_HOOKS: 'register' })).toBe('register');
    if (available)
      expect(hooksKind(['--import', 'tsx'], { ANYSYNC_HOOKS: 'registerHooks' })).toBe('registerHooks');
    else
      expect(() => hooksKind([], { ANYSYNC_HOOKS: 'registerHooks' })).toThrow(/has no module.registerHooks/);
    expect(() => hooksKind([], { ANYSYNC_HOOKS: 'sync' })).toThrow(RangeError);
  });
});
