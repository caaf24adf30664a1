import { afterAll, describe, expect, it } from 'vitest';
import { CloneError, Synchronizer } from '../../dist/synchronizer/index.js';
import { fromErrorRecord, toErrorRecord } from '../../src/synchronizer/wire/error-record.js';
import * as ErrorsModule from './fixtures/errors.mjs';

const sync = new Synchronizer({ timeout: 10_000, errors: [ErrorsModule.ValidationError] });
const errors = sync.load<typeof ErrorsModule>(new URL('./fixtures/errors.mjs', import.meta.url));
afterAll(() => sync.close());

function caught(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw');
}

describe('errors thrown on the worker', () => {
  it('keep class, message, own fields and the whole cause chain', () => {
    const error = caught(() => errors.typeError());
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('bad type');
    expect(error).toMatchObject({ code: 'E_TYPE', details: { at: [1, 2] } });
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).message).toBe('root cause');
    expect((error.cause as Error).cause).toBe('deepest');
  });

  it('keep the worker frames and add the caller frames after a boundary line', () => {
    const error = caught(() => errors.syncThrow());
    const stack = error.stack ?? '';
    expect(stack).toMatch(/^Error: thrown synchronously/);
    expect(stack).toMatch(/at deepFrame \(.*fixtures\/errors\.mjs/);
    expect(stack).toMatch(/at <synchronizer worker boundary>\n\s+at .*error-record\.test\.ts/);
    expect(stack).not.toMatch(/dist\/synchronizer/);
  });

  it('come back as registered custom classes, nearest registered ancestor first', () => {
    const error = caught(() => errors.validation());
    expect(error).toBeInstanceOf(ErrorsModule.ValidationError);
    expect(error.name).toBe('ValidationError');
    expect((error as ErrorsModule.ValidationError).field).toBe('name');
  });

  it('keep the errors of an AggregateError, and DOMException names', () => {
    const aggregate = caught(() => errors.aggregate()) as AggregateError;
    expect(aggregate).toBeInstanceOf(AggregateError);
    expect(aggregate.errors.map((e: Error) => [e.constructor.name, e.message])).toEqual([
      ['Error', 'one'],
      ['RangeError', 'two'],
    ]);
    const dom = caught(() => errors.domException());
    expect(dom).toBeInstanceOf(DOMException);
    expect(dom.name).toBe('AbortError');
  });

  it('keep thrown non-errors as they were, and stringify uncloneable fields', () => {
    expect(caught(() => errors.throwsString())).toBe('a plain string');
    const error = caught(() => errors.uncloneableField());
    expect(typeof (error as unknown as { callback: unknown }).callback).toBe('string');
  });

  it('turn a thrown value that cannot cross into a CloneError saying so, not its string form', async () => {
    const symbol = caught(() => errors.rejectsWithSymbol());
    expect(symbol).toBeInstanceOf(CloneError);
    expect(symbol.message).toMatch(/the worker threw Symbol\(boom\), a symbol/);
    const method = caught(() => errors.throwsObjectWithMethod());
    expect(method).toBeInstanceOf(CloneError);
    expect(method.message).toMatch(/the worker threw a value that cannot cross/);
    await expect(errors.rejectsWithSymbol.async()).rejects.toBeInstanceOf(CloneError);
    expect(caught(() => errors.throwsPlainObject())).toEqual({ code: 42, tags: ['a'] });
  });

  it('come back from promise-returning calls too', async () => {
    await expect(errors.validation.async()).rejects.toBeInstanceOf(ErrorsModule.ValidationError);
  });
});

describe('toErrorRecord / fromErrorRecord', () => {
  it('round-trips an error through structured clone', () => {
    class Custom extends RangeError {}
    const original = Object.assign(new Custom('out', { cause: new Error('inner') }), { code: 42 });
    const record = structuredClone(toErrorRecord(original));
    const plain = fromErrorRecord(record, new Map()) as Error;
    expect(plain).toBeInstanceOf(RangeError);
    expect(plain).not.toBeInstanceOf(Custom);
    const registered = fromErrorRecord(record, new Map([['Custom', Custom]])) as Error;
    expect(registered).toBeInstanceOf(Custom);
    expect(registered).toMatchObject({ message: 'out', code: 42 });
    expect((registered.cause as Error).message).toBe('inner');
  });

  it('keep a name set in the constructor as an own field, and a name on the prototype off the keys', () => {
    class HttpError extends Error {
      status: number;
      constructor(status: number) {
        super(`status ${status}`);
        this.name = 'HttpError';
        this.status = status;
      }
    }
    class Quiet extends Error {}
    Object.defineProperty(Quiet.prototype, 'name', { value: 'QuietError' });
    for (const original of [new HttpError(404), new Quiet('shh')]) {
      const back = fromErrorRecord(structuredClone(toErrorRecord(original)), new Map()) as Error;
      expect(back.name).toBe(original.name);
      expect(Object.keys(back)).toEqual(Object.keys(original));
      expect(JSON.stringify(back)).toBe(JSON.stringify(original));
    }
  });

  it('stops at cyclic causes', () => {
    const error = new Error('self') as Error & { cause?: unknown };
    error.cause = error;
    const record = toErrorRecord(error);
    expect(() => structuredClone(record)).not.toThrow();
  });
});
