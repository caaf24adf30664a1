import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJsonDocument } from '../../src/config/json-document.js';

function syntaxError(text: string): { offset: number; message: string } {
  try {
    parseJsonDocument(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { offset: error.offset, message: error.message };
    throw error;
  }
  throw new Error(`parsed: ${text}`);
}

describe('parseJsonDocument()', () => {
  it('parses like JSON.parse and knows where every value and key is', () => {
    const text = '{\n  "a": [1, {"b": "x\\u0041"}],\n  "c": null\n}';
    const document = parseJsonDocument(text);
    expect(document.value).toEqual(JSON.parse(text));
    const b = document.locate(['a', 1, 'b']);
    expect(text.slice(b?.start, b?.end)).toBe('"x\\u0041"');
    expect(text.slice(b?.keyStart, b?.keyEnd)).toBe('"b"');
    expect(document.locate(['nope'])).toBeUndefined();
  });

  it.each([
    ['{ rules: [] }', 2, 'expected a double-quoted property name'],
    ['{"a": 1,}', 8, 'a trailing comma is not JSON'],
    ['[1, 2,]', 6, 'a trailing comma is not JSON'],
    ['{"a": 1 "b": 2}', 8, 'expected `,` or `}` after the property value'],
    ['{"a" 1}', 5, 'expected `:` after the property name'],
    ["{'a': 1}", 1, 'expected a double-quoted property name'],
    ['{"a": "x', 6, 'a string is not closed'],
    ['{"a": "\\x"}', 7, 'not a JSON escape sequence'],
    ['{"a": "\t"}', 7, 'a control character must be escaped in a JSON string'],
    ['{"a": 01}', 7, 'expected `,` or `}` after the property value'],
    ['{"a": tru}', 6, 'expected a JSON value'],
    ['{"a": ', 6, 'the JSON ends where a value was expected'],
    ['{} {}', 3, 'unexpected text after the end of the JSON value'],
    ['{\n  // comment\n}', 4, 'comments are not JSON (an anysync.config.ts can have them)'],
    ['{"a": 1, "a": 2}', 9, 'duplicate key "a"'],
  ])('refuses %j at offset %i', (text, offset, message) => {
    expect(syntaxError(text)).toEqual({ offset, message });
    expect(() => JSON.parse(text) as unknown).toSatisfy((parse: () => unknown) => {
      // Every case but a duplicate key is also refused by JSON.parse: the parser is not stricter than JSON.
      try {
        parse();
        return message.startsWith('duplicate key');
      } catch {
        return !message.startsWith('duplicate key');
      }
    });
  });

  it('agrees with JSON.parse on generated JSON and on every one-character edit of it', () => {
    const edited = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', ' ', '1', '/', '\\'),
        fc.boolean(),
      )
      .map(([json, at, char, replace]) => {
        const i = json.length === 0 ? 0 : at % json.length;
        return json.slice(0, i) + char + json.slice(replace ? i + 1 : i);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), edited), (text) => {
        let expected: unknown;
        let valid = true;
        try {
          expected = JSON.parse(text);
        } catch {
          valid = false;
        }
        try {
          expect(parseJsonDocument(text).value).toEqual(expected);
          expect(valid).toBe(true);
        } catch (error) {
          if (!(error instanceof JsonSyntaxError)) throw error;
          // Only a duplicate key is refused where JSON.parse accepts.
          if (valid) expect(error.message).toMatch(/^duplicate key/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
