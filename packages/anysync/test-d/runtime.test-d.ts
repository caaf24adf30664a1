import {
  canBlock,
  createBackendRegistry,
  currentRuntime,
  openSync,
  opendirSync,
  type ReadLinesSyncOptions,
  readLinesSync,
  type RuntimeName,
  type SyncDir,
  type SyncFileHandle,
  type SyncReadResult,
  type SyncWriteResult,
  sleepSync,
} from 'anysync/runtime';
import { describe, expectTypeOf, it } from 'vitest';

describe('anysync/runtime types', () => {
  it('sleepSync returns the type of its value', () => {
    expectTypeOf(sleepSync(1, 'x' as const)).toEqualTypeOf<'x'>();
    expectTypeOf(sleepSync(1)).toEqualTypeOf<void>();
  });

  it('describes the runtime', () => {
    expectTypeOf(currentRuntime().name).toEqualTypeOf<RuntimeName>();
    expectTypeOf(currentRuntime().thread).toEqualTypeOf<'main' | 'worker'>();
    expectTypeOf(canBlock()).toEqualTypeOf<boolean>();
  });

  it('types backends by their interface', () => {
    const registry = createBackendRegistry<{ now(): number }>({ default: () => ({ now: () => 0 }) });
    expectTypeOf(registry.get()).toEqualTypeOf<Promise<{ now(): number }>>();
    expectTypeOf(registry.getSync().now()).toEqualTypeOf<number>();
    // @ts-expect-error a loader must produce the interface
    createBackendRegistry<{ now(): number }>({ node: () => ({ later: () => 0 }) });
  });
});

describe('anysync/runtime file types', () => {
  it('types SyncFileHandle like FileHandle, without promises', () => {
    const file = openSync('x', 'r');
    expectTypeOf(file).toEqualTypeOf<SyncFileHandle>();
    expectTypeOf(file.fd).toEqualTypeOf<number>();
    expectTypeOf(file.read(new Uint8Array(4))).toEqualTypeOf<SyncReadResult<Uint8Array<ArrayBuffer>>>();
    expectTypeOf(file.read().buffer).toExtend<Uint8Array>();
    expectTypeOf(file.write('x')).toEqualTypeOf<SyncWriteResult<string>>();
    expectTypeOf(file.readFile('utf8')).toEqualTypeOf<string>();
    expectTypeOf(file.readFile({ encoding: 'latin1' })).toEqualTypeOf<string>();
    expectTypeOf(file.readFile()).not.toEqualTypeOf<string>();
    expectTypeOf(file.stat({ bigint: true }).size).toEqualTypeOf<bigint>();
    expectTypeOf(file.stat().size).toEqualTypeOf<number>();
    expectTypeOf(file.readLines()).toEqualTypeOf<Generator<string, undefined, undefined>>();
    expectTypeOf(file.close()).toEqualTypeOf<void>();
    expectTypeOf(file).toExtend<Disposable>();
    // @ts-expect-error a sync handle has no streams
    file.createReadStream();
    // @ts-expect-error signal has no sync meaning
    file.readFile({ signal: AbortSignal.abort() });
  });

  it('types SyncDir as an iterable of entries and readLinesSync as a generator of lines', () => {
    const dir = opendirSync('.', { recursive: true });
    expectTypeOf(dir).toEqualTypeOf<SyncDir>();
    expectTypeOf(dir.read()?.name).toEqualTypeOf<string | undefined>();
    expectTypeOf(dir).toExtend<Iterable<{ name: string }> & Disposable>();
    expectTypeOf(readLinesSync('x', { encoding: 'utf8', start: 0 })).toEqualTypeOf<
      Generator<string, undefined, undefined>
    >();
    expectTypeOf<ReadLinesSyncOptions['highWaterMark']>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error options are checked
    readLinesSync('x', { start: '0' });
  });
});
