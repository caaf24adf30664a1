import { describe, expect, it } from 'vitest';
import { Permit } from '../../src/primitives/permit.js';

describe('Permit', () => {
  it('calls its release function once, with its token, whether released or disposed', () => {
    const calls: unknown[] = [];
    const permit = new Permit((token: string) => calls.push(token), 'token');
    expect(permit.released).toBe(false);
    permit.release();
    permit[Symbol.dispose]();
    expect(calls).toEqual(['token']);
    expect(permit.released).toBe(true);
  });
});
