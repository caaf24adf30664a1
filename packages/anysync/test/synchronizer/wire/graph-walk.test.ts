import { describe, expect, it } from 'vitest';
import { transfer } from '../../../src/synchronizer/transfer.js';
import { GraphWalk, Refusal, WALK } from '../../../src/synchronizer/wire/graph-walk.js';

/** Replaces every `Token` by `{ token: name }`, counting the calls; walks arrays and records. */
class Token {
  constructor(readonly name: string) {}
}

function walker() {
  const classified: unknown[] = [];
  const walk = new GraphWalk((value) => {
    classified.push(value);
    if (typeof value === 'symbol') throw new Refusal(value, 'is a symbol');
    if (value instanceof Token) return { token: value.name };
    if (value instanceof Date) return value;
    return WALK;
  });
  return { walk, classified };
}

describe('GraphWalk', () => {
  it('returns the same arrays and objects when nothing is replaced', () => {
    const { walk } = walker();
    const args = [1, { a: [1, { b: new Date(0) }] }, 'x'];
    expect(walk.values(args)).toBe(args);
  });

  it('copies only the arrays and records on the way to a replacement', () => {
    const { walk } = walker();
    const untouched = { n: 1 };
    const arg = { untouched, path: [0, { token: new Token('t') }] };
    const [out] = walk.values([arg]) as [typeof arg];
    expect(out).not.toBe(arg);
    expect(out.untouched).toBe(untouched);
    expect(out.path[1]).toEqual({ token: { token: 't' } });
    expect(arg.path[1]).toEqual({ token: new Token('t') });
  });

  it('replaces an object reached twice once, and sends its copies as one object', () => {
    const { walk, classified } = walker();
    const token = new Token('t');
    const part = { token };
    const [out] = walk.values([{ a: part, b: part, c: token, d: token }]) as [Record<string, unknown>];
    expect(out.a).toBe(out.b);
    expect(out.c).toBe(out.d);
    expect(classified.filter((value) => value === token)).toHaveLength(1);
  });

  it('keeps cycles through changed records and arrays as cycles', () => {
    const { walk } = walker();
    const list: unknown[] = [new Token('t')];
    const root: Record<string, unknown> = { list, child: { up: undefined as unknown } };
    (root.child as Record<string, unknown>).up = root;
    list.push(root, list);
    const [out] = walk.values([root]) as [Record<string, unknown>];
    const outList = out.list as unknown[];
    expect(outList[0]).toEqual({ token: 't' });
    expect(outList[1]).toBe(out);
    expect(outList[2]).toBe(outList);
    expect((out.child as Record<string, unknown>).up).toBe(out);
    expect(root.list).toBe(list);
    expect(list[0]).toBeInstanceOf(Token);
  });

  it('walks into Maps (keys and values) and Sets, copying only those that changed, in order', () => {
    const { walk } = walker();
    const untouched = new Map<unknown, unknown>([['a', { n: 1 }]]);
    const map = new Map<unknown, unknown>([
      ['first', 1],
      [new Token('key'), 'value'],
      ['last', [new Token('item')]],
    ]);
    const set = new Set<unknown>(['first', new Token('member'), 'last']);
    const [outUntouched, outMap, outSet] = walk.values([untouched, map, set]) as [
      Map<unknown, unknown>,
      Map<unknown, unknown>,
      Set<unknown>,
    ];
    expect(outUntouched).toBe(untouched);
    expect([...outMap]).toEqual([
      ['first', 1],
      [{ token: 'key' }, 'value'],
      ['last', [{ token: 'item' }]],
    ]);
    expect([...outSet]).toEqual(['first', { token: 'member' }, 'last']);
    expect([...map.keys()][1]).toBeInstanceOf(Token);
    expect([...set][1]).toBeInstanceOf(Token);
  });

  it('keeps cycles through changed Maps and Sets as cycles', () => {
    const { walk } = walker();
    const map = new Map<string, unknown>([['token', new Token('t')]]);
    const set = new Set<unknown>([map]);
    map.set('set', set);
    map.set('self', map);
    const [out] = walk.values([map]) as [Map<string, unknown>];
    expect(out).not.toBe(map);
    expect(out.get('token')).toEqual({ token: 't' });
    expect(out.get('self')).toBe(out);
    const outSet = out.get('set') as Set<unknown>;
    expect(outSet).not.toBe(set);
    expect([...outSet][0]).toBe(out);
  });

  it('walks an Error’s cause, and refuses a replacement there, which structured clone could not carry', () => {
    const { walk } = walker();
    const plain = new Error('plain', { cause: { n: [1] } });
    expect(walk.values([plain])[0]).toBe(plain);
    // Also in the eager walk that a cycle through a changed record starts, which copies every record.
    const cyclic: Record<string, unknown> = { token: new Token('c') };
    cyclic.self = cyclic;
    const withData = new Error('data', { cause: { list: [1] } });
    const [, sameError] = walker().walk.values([cyclic, withData]);
    expect(sameError).toBe(withData);
    const replaced = new Error('outer', { cause: [new Token('t')] });
    expect(() => walk.values([replaced])).toThrow(
      expect.objectContaining({ value: replaced, reason: expect.stringMatching(/in its cause/) }),
    );
  });

  it('leaves cycles without replacements untouched', () => {
    const { walk } = walker();
    const root: Record<string, unknown> = {};
    root.self = root;
    expect(walk.values([root])[0]).toBe(root);
  });

  it('ends on data whose every level refers twice to the next', () => {
    const { walk } = walker();
    let level: Record<string, unknown> = { token: new Token('deep') };
    for (let i = 0; i < 48; i++) level = { left: level, right: level };
    let out = walk.values([level])[0] as Record<string, unknown>;
    for (let i = 0; i < 48; i++) {
      expect(out.left).toBe(out.right);
      out = out.left as Record<string, unknown>;
    }
    expect(out.token).toEqual({ token: 'deep' });
    const plain = walker();
    let shared: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 48; i++) shared = { left: shared, right: shared };
    expect(plain.walk.values([shared])[0]).toBe(shared);
  });

  it('copies subclassed arrays as plain arrays, holes kept, without constructing the subclass', () => {
    let constructed = 0;
    class Tracked<T> extends Array<T> {
      constructor(...items: T[]) {
        super(...items);
        constructed++;
      }
    }
    const tracked = new Tracked<unknown>();
    tracked.length = 3;
    tracked[2] = new Token('t');
    constructed = 0;
    const { walk } = walker();
    const [out] = walk.values([tracked]) as [unknown[]];
    expect(constructed).toBe(0);
    expect(Object.getPrototypeOf(out)).toBe(Array.prototype);
    expect(0 in out).toBe(false);
    expect(out[2]).toEqual({ token: 't' });
  });

  it('keeps an own __proto__ property a property', () => {
    const record = JSON.parse('{"__proto__": null, "n": 1}') as Record<string, unknown>;
    Object.defineProperty(record, '__proto__', { value: new Token('t') });
    const { walk } = walker();
    const [out] = walk.values([record]) as [Record<string, unknown>];
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ token: 't' });
  });

  it('collects transfer lists of marked objects, each once', () => {
    const buffer = new ArrayBuffer(8);
    const marked = transfer({ bytes: new Uint8Array(buffer) }, [buffer]);
    const { walk } = walker();
    walk.values([{ a: marked, b: marked }]);
    expect(walk.transfer).toEqual([buffer]);
  });

  it('lets a refusal through to the caller, with the refused value', () => {
    const { walk } = walker();
    const symbol = Symbol('s');
    expect(() => walk.values([{ nested: [symbol] }])).toThrow(Refusal);
  });

  it('skips the values it is told to', () => {
    const { walk, classified } = walker();
    const args = [{ token: new Token('a') }, { token: new Token('b') }];
    const out = walk.values(args, (index) => index === 0);
    expect(out[0]).toBe(args[0]);
    expect(out[1]).toEqual({ token: { token: 'b' } });
    expect(classified).not.toContain(args[0]);
  });
});
