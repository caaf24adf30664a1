import { describe, expectTypeOf, it } from 'vitest';
import {
  type Future,
  type Passable,
  type SyncFunction,
  type SyncHandle,
  type Synchronized,
  type Syncify,
  Synchronizer,
  expose,
  synchronize,
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

describe('one-call forms', () => {
  it('load() of a module that exposed one function gives that function', () => {
    const format = new Synchronizer().load<(code: string, width?: number) => Promise<string>>('/format.js');
    expectTypeOf(format('x')).toEqualTypeOf<string>();
    expectTypeOf(format.async('x', 80)).toEqualTypeOf<Future<string>>();
    // @ts-expect-error: the parameters are the function's
    format(1);
  });

  it('a URL crosses as a URL, both ways', () => {
    const api = new Synchronizer().load<{ resolve(base: URL): Promise<URL> }>('/urls.js');
    expectTypeOf(api.resolve(new URL('file:///x'))).toEqualTypeOf<URL>();
  });

  it('methods held in instance properties (arrow class fields) are sync methods of the handle', () => {
    class Client {
      base = 'http://x';
      get = async (path: string) => this.base + path;
    }
    const Remote = new Synchronizer().load<typeof Client>('/client.js');
    const client = new Remote();
    expectTypeOf(client.get('/a')).toEqualTypeOf<string>();
    expectTypeOf(client.get.async('/a')).toEqualTypeOf<Future<string>>();
    expectTypeOf(client.base).toEqualTypeOf<string>();
  });

  it('load() of a module that exposed a class gives the class', () => {
    const Remote = new Synchronizer().load<typeof Connection>('/connection.js');
    const connection = new Remote('db://');
    expectTypeOf(connection.query('select 1')).toEqualTypeOf<{ rows: number[] }>();
  });

  it('synchronize() maps the api like load()', () => {
    const api = synchronize(import.meta, {
      async add(a: number, b: number) {
        return a + b;
      },
      Connection,
      LIMIT: 3 as const,
    });
    expectTypeOf(api.add(1, 2)).toEqualTypeOf<number>();
    expectTypeOf(api.add.async(1, 2)).toEqualTypeOf<Future<number>>();
    expectTypeOf(new api.Connection('x').count()).toEqualTypeOf<number>();
    expectTypeOf(api.LIMIT).toEqualTypeOf<3>();
    const single = synchronize('/abs/module.js', async (text: string) => text.length);
    expectTypeOf(single('abc')).toEqualTypeOf<number>();
    expectTypeOf(single).toMatchTypeOf<SyncFunction<[text: string], Promise<number>>>();
  });

  it('synchronize() takes the CommonJS module object and URL-likes, not other objects', () => {
    const commonJsModule = { filename: '/abs/tool.cjs', exports: {}, id: '.' };
    expectTypeOf(synchronize(commonJsModule, async () => 1)()).toEqualTypeOf<number>();
    expectTypeOf(synchronize({ href: 'file:///x.js' }, async () => 1)()).toEqualTypeOf<number>();
    // @ts-expect-error: an object that names no module
    synchronize({ path: '/abs/tool.js' }, async () => 1);
  });

  it('expose() takes functions, classes and objects, and an optional module', () => {
    expose(async () => 1);
    expose({ a: async () => 1 }, import.meta);
    expose(Connection, new URL('file:///x.js'));
    // @ts-expect-error: a number is not exposable
    expose(42);
  });
});
