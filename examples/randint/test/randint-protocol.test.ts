import { describe, expect, it } from 'vitest';
import { checkUpper, formatRequest, parseReply, parseRequest } from '../src/shared/randint-protocol.js';

describe('the randint protocol', () => {
  it('writes and reads a request line', () => {
    expect(formatRequest(20)).toBe('20\n');
    expect(parseRequest('20\n')).toBe(20);
    expect(parseRequest('-3')).toBeUndefined();
    expect(parseRequest('1e3')).toBeUndefined();
    expect(parseRequest('99999999999999999999')).toBeUndefined();
  });

  it('checks a reply against the bound that was asked for', () => {
    expect(parseReply('7\n', 20)).toBe(7);
    expect(() => parseReply('21\n', 20)).toThrow(/the server sent "21\\n"/);
    expect(() => parseReply('error: no\n', 20)).toThrow(/the server sent/);
  });

  it('refuses bounds it cannot carry', () => {
    expect(() => checkUpper(2 ** 60)).toThrow(RangeError);
    expect(() => checkUpper(Number.NaN)).toThrow(RangeError);
  });
});
