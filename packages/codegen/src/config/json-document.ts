/** A path into a JSON value: property names and array indices. */
export type JsonPath = readonly (string | number)[];

/** Where a value (and, for a property, its key) sits in the JSON text. */
export interface JsonSpan {
  readonly start: number;
  readonly end: number;
  readonly keyStart?: number;
  readonly keyEnd?: number;
}

/** A syntax error in a JSON text, at an offset. */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  readonly offset: number;
  readonly length: number;

  constructor(message: string, offset: number, length = 1) {
    super(message);
    this.offset = offset;
    this.length = length;
  }
}

/** A parsed JSON text that remembers where each value came from. */
export interface JsonDocument {
  readonly value: unknown;
  /** The span of the value at `path`, `undefined` when the text has no such value. */
  locate(path: JsonPath): JsonSpan | undefined;
}

/**
 * Parses JSON strictly (RFC 8259), keeping the position of every value, so that a config problem can be
 * shown where it is. Duplicate keys are an error: `JSON.parse` would silently keep the last one.
 */
export function parseJsonDocument(text: string): JsonDocument {
  const spans = new Map<string, JsonSpan>();
  const scanner = new Scanner(text, spans);
  scanner.skipSpace();
  scanner.value([]);
  scanner.skipSpace();
  if (scanner.at < text.length) scanner.fail('unexpected text after the end of the JSON value');
  return {
    value: JSON.parse(text) as unknown,
    locate: (path) => spans.get(JSON.stringify(path)),
  };
}

class Scanner {
  at = 0;
  readonly #text: string;
  readonly #spans: Map<string, JsonSpan>;

  constructor(text: string, spans: Map<string, JsonSpan>) {
    this.#text = text;
    this.#spans = spans;
  }

  fail(message: string, offset = this.at, length = 1): never {
    throw new JsonSyntaxError(message, offset, length);
  }

  skipSpace(): void {
    const text = this.#text;
    while (this.at < text.length) {
      const char = text[this.at];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') this.at += 1;
      else if (char === '/' && (text[this.at + 1] === '/' || text[this.at + 1] === '*')) {
        this.fail('comments are not JSON (an anysync.config.ts can have them)', this.at, 2);
      } else return;
    }
  }

  value(path: JsonPath, key?: { start: number; end: number }): void {
    const start = this.at;
    const char = this.#text[this.at];
    if (char === '{') this.#object(path);
    else if (char === '[') this.#array(path);
    else if (char === '"') this.#string('a string');
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) this.#number();
    else if (!this.#literal()) {
      this.fail(char === undefined ? 'the JSON ends where a value was expected' : 'expected a JSON value');
    }
    this.#spans.set(JSON.stringify(path), {
      start,
      end: this.at,
      ...(key === undefined ? {} : { keyStart: key.start, keyEnd: key.end }),
    });
  }

  #object(path: JsonPath): void {
    const seen = new Map<string, number>();
    this.at += 1;
    this.skipSpace();
    if (this.#text[this.at] === '}') {
      this.at += 1;
      return;
    }
    for (;;) {
      if (this.#text[this.at] !== '"') {
        this.fail(
          this.#text[this.at] === '}'
            ? 'a trailing comma is not JSON'
            : 'expected a double-quoted property name',
        );
      }
      const keyStart = this.at;
      this.#string('a property name');
      const name = JSON.parse(this.#text.slice(keyStart, this.at)) as string;
      if (seen.has(name)) this.fail(`duplicate key ${JSON.stringify(name)}`, keyStart, this.at - keyStart);
      seen.set(name, keyStart);
      const key = { start: keyStart, end: this.at };
      this.skipSpace();
      if (this.#text[this.at] !== ':') this.fail('expected `:` after the property name');
      this.at += 1;
      this.skipSpace();
      this.value([...path, name], key);
      this.skipSpace();
      if (this.#text[this.at] === '}') {
        this.at += 1;
        return;
      }
      if (this.#text[this.at] !== ',') this.fail('expected `,` or `}` after the property value');
      this.at += 1;
      this.skipSpace();
    }
  }

  #array(path: JsonPath): void {
    this.at += 1;
    this.skipSpace();
    if (this.#text[this.at] === ']') {
      this.at += 1;
      return;
    }
    for (let index = 0; ; index += 1) {
      if (this.#text[this.at] === ']') this.fail('a trailing comma is not JSON');
      this.value([...path, index]);
      this.skipSpace();
      if (this.#text[this.at] === ']') {
        this.at += 1;
        return;
      }
      if (this.#text[this.at] !== ',') this.fail('expected `,` or `]` after the array element');
      this.at += 1;
      this.skipSpace();
    }
  }

  #string(what: string): void {
    const text = this.#text;
    const start = this.at;
    this.at += 1;
    for (;;) {
      const code = text.charCodeAt(this.at);
      if (Number.isNaN(code) || code === 10 || code === 13) this.fail(`${what} is not closed`, start);
      if (code < 0x20) this.fail('a control character must be escaped in a JSON string');
      this.at += 1;
      if (code === 0x22) return;
      if (code !== 0x5c) continue;
      const escaped = text[this.at] ?? '';
      if ('"\\/bfnrt'.includes(escaped) && escaped !== '') this.at += 1;
      else if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(this.at + 1, this.at + 5))) this.at += 5;
      else this.fail('not a JSON escape sequence', this.at - 1, 2);
    }
  }

  #number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
      this.#text.slice(this.at, this.at + 400),
    );
    if (!match) this.fail('not a JSON number');
    this.at += match[0].length;
  }

  #literal(): boolean {
    for (const word of ['true', 'false', 'null']) {
      if (this.#text.startsWith(word, this.at)) {
        this.at += word.length;
        return true;
      }
    }
    return false;
  }
}
