import { describe, expect, it } from 'vitest';
import { httpBase, parseRandintPath, randintPath } from '../src/shared/randint-http-path.js';

describe('the HTTP form of the protocol', () => {
  it('writes and reads the talk path', () => {
    expect(randintPath(25)).toBe('/randint/25');
    expect(parseRandintPath('/randint/25')).toBe(25);
    expect(parseRandintPath('/randint/0/')).toBe(0);
  });

  it.each(['/randint/', '/randint/-1', '/randint/2.5', '/randint/1e3', '/randint/99999999999999999999'])(
    'calls %s a bad bound',
    (path) => {
      expect(parseRandintPath(path)).toBe('bad-bound');
    },
  );

  it.each(['/', '/randint', '/randint/1/2', '/random/25'])('does not know %s', (path) => {
    expect(parseRandintPath(path)).toBeUndefined();
  });

  it('refuses a bound it cannot carry before anything is sent', () => {
    expect(() => randintPath(-1)).toThrow(RangeError);
  });

  it('brackets IPv6 hosts', () => {
    expect(httpBase('::1', 8080)).toBe('http://[::1]:8080');
    expect(httpBase('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080');
  });
});
