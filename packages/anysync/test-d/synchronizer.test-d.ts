import { describe, expectTypeOf, it } from 'vitest';
import {
  type Future,
  type Passable,
  type SyncFunction,
  type SyncHandle,
  type Synchronized,
  type Syncify,
  Synchronizer,
} from 'anysync/synchronizer';

declare class Connection {
  constructor(url: string);
  readonly url: string;
  query(sql: string): Promise<{ rows: number[] }>;
  count(): number;
  stream(limit: number): AsyncGenerator<{ id: number }, 'end', undefined>;
  merge(other: Connection): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
  static open(url: string): Promise<Connection>;
}

interface Db {
  VERSION: string;
  Connection: typeof Connection;
  connect(url: string): Promise<Connection>;
  ping(): Promise<'pong'>;
  plain(a: number, b?: string): boolean;
  rows(): AsyncGenerator<number, void, unknown>;
  snapshot(): Promise<{ when: Date; tags: string[]; nested: { values: Map<string, number> } }>;
  factory(): (x: number) => Promise<number>;
}

const db = new Synchronizer().load<Db>('/db.js');

describe('Synchronized<M>', () => {
  it('keeps plain values and turns Promise<T> into T', () => {
    expectTypeOf(db.VERSION).toEqualTypeOf<string>();
    expectTypeOf(db.ping()).toEqualTypeOf<'pong'>();
    expectTypeOf(db.plain(1)).toEqualTypeOf<boolean>();
    expectTypeOf(db.plain).parameters.toEqualTypeOf<[a: number, b?: string | undefined]>();
    expectTypeOf(db.snapshot()).toEqualTypeOf<{
      when: Date;
      tags: string[];
      nested: { values: Map<string, number> };
    }>();
  });

  it('gives every function a promise-returning twin and an options binder', () => {
    expectTypeOf(db.ping.async()).toEqualTypeOf<Future<'pong'>>();
    expectTypeOf(db.ping.async().result()).toEqualTypeOf<'pong'>();
    expectTypeOf(db.ping.with({ timeout: 10 })).toEqualTypeOf<typeof db.ping>();
    expectTypeOf<Future<number>>().toMatchTypeOf<Promise<number>>();
  });

  it('turns async generators into generators, and into async generators for the twin', () => {
    expectTypeOf(db.rows()).toEqualTypeOf<Generator<number, void, unknown>>();
    expectTypeOf(db.rows.async()).toEqualTypeOf<AsyncGenerator<number, void, unknown>>();
    for (const row of db.rows()) expectTypeOf(row).toEqualTypeOf<number>();
  });

  it('turns classes into sync-handle classes', () => {
    const connection = new db.Connection('pg://');
    expectTypeOf(connection).toEqualTypeOf<SyncHandle<Connection>>();
    expectTypeOf(connection.query('select')).toEqualTypeOf<{ rows: number[] }>();
    expectTypeOf(connection.query.async('select')).toEqualTypeOf<Future<{ rows: number[] }>>();
    expectTypeOf(connection.count()).toEqualTypeOf<number>();
    expectTypeOf(connection.url).toEqualTypeOf<string>();
    expectTypeOf(connection.stream(3)).toEqualTypeOf<Generator<{ id: number }, 'end', undefined>>();
    expectTypeOf(db.Connection.async('pg://')).toEqualTypeOf<Future<SyncHandle<Connection>>>();
    expectTypeOf(db.Connection.open('pg://')).toEqualTypeOf<SyncHandle<Connection>>();
  });

  it('maps Symbol.asyncDispose to Symbol.dispose', () => {
    const connection = new db.Connection('pg://');
    expectTypeOf(connection).toMatchTypeOf<Disposable>();
    expectTypeOf(connection).toMatchTypeOf<AsyncDisposable>();
    expectTypeOf<keyof typeof connection>().not.toEqualTypeOf<typeof Symbol.asyncDispose>();
  });

  it('returns handles from functions and accepts them back as arguments', () => {
    const connection = db.connect('pg://');
    expectTypeOf(connection).toEqualTypeOf<SyncHandle<Connection>>();
    expectTypeOf(connection.merge).parameter(0).toEqualTypeOf<Connection | SyncHandle<Connection>>();
    connection.merge(new db.Connection('other'));
    expectTypeOf<Passable<[Connection, number]>>().toEqualTypeOf<
      [Connection | SyncHandle<Connection>, number]
    >();
  });

  it('turns returned functions into sync functions', () => {
    const add = db.factory();
    expectTypeOf(add).toEqualTypeOf<SyncFunction<[x: number], Promise<number>>>();
    expectTypeOf(add(1)).toEqualTypeOf<number>();
  });

  it('exposes the building blocks', () => {
    expectTypeOf<Syncify<Promise<Promise<string>>>>().toEqualTypeOf<string>();
    expectTypeOf<Syncify<AsyncIterator<number, void, undefined>>>().toEqualTypeOf<
      Generator<number, void, undefined>
    >();
    expectTypeOf<Synchronized<{ f(): Promise<1> }>['f']>().returns.toEqualTypeOf<1>();
  });
});
