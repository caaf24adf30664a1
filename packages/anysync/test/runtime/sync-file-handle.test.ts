import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSync } from '../../src/runtime/open-sync.js';
import { SyncFileHandle } from '../../src/runtime/sync-file-handle.js';
import { outcome } from './support/twin-outcome.js';

// Each case runs the same calls on a real FileHandle and on a SyncFileHandle, each over its own copy of
// the same file, and compares every call's outcome and the files' bytes afterwards.
type Method =
  | 'read'
  | 'readv'
  | 'write'
  | 'writev'
  | 'readFile'
  | 'writeFile'
  | 'appendFile'
  | 'stat'
  | 'truncate'
  | 'sync'
  | 'datasync'
  | 'chmod'
  | 'chown'
  | 'utimes'
  | 'close';
type Handle = { readonly [method in Method]: (...args: unknown[]) => unknown } & { readonly fd: number };
type Step = (handle: Handle) => unknown;

const NODE_MAJOR = Number(process.versions.node.split('.')[0]);
const CONTENT = 'hello\nworld\r\nx\ry é';
const roots: string[] = [];

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function twinFiles(content: string | Uint8Array = CONTENT): { asyncFile: string; syncFile: string } {
  const make = (): string => {
    const root = mkdtempSync(path.join(tmpdir(), 'anysync-handle-'));
    roots.push(root);
    const file = path.join(root, 'file.txt');
    writeFileSync(file, content);
    return file;
  };
  return { asyncFile: make(), syncFile: make() };
}

async function compare(steps: readonly Step[], flags = 'r+', content?: string | Uint8Array): Promise<void> {
  const { asyncFile, syncFile } = twinFiles(content);
  const asyncHandle = await open(asyncFile, flags);
  const syncHandle = openSync(syncFile, flags);
  try {
    for (const [index, step] of steps.entries()) {
      const expected = await outcome(() => step(asyncHandle as unknown as Handle), path.dirname(asyncFile));
      const actual = await outcome(() => step(syncHandle as unknown as Handle), path.dirname(syncFile));
      expect(actual, `step ${index}: ${step.toString()}`).toEqual(expected);
    }
  } finally {
    await asyncHandle.close();
    syncHandle.close();
  }
  expect([...readFileSync(syncFile)]).toEqual([...readFileSync(asyncFile)]);
}

describe('SyncFileHandle, against FileHandle on real files', () => {
  it('reads in every argument form FileHandle.read takes', async () => {
    await compare([
      (h) => h.read(),
      (h) => h.read(Buffer.alloc(4), 0, 4, 0),
      (h) => h.read(Buffer.alloc(8), 2),
      (h) => h.read(Buffer.alloc(8), 2, 3),
      (h) => h.read(Buffer.alloc(8), 2, null, 1),
      (h) => h.read(Buffer.alloc(8), { position: 3 }),
      (h) => h.read(Buffer.alloc(8), { offset: 1, length: 2, position: 5 }),
      (h) => h.read({ buffer: Buffer.alloc(3), position: 1 }),
      (h) => h.read({ position: 2 }),
      (h) => h.read(new Uint16Array(2), 0, 4, 0),
      (h) => h.read(new DataView(new ArrayBuffer(5)), 0, 5, 2),
      // Node 20's FileHandle ignores a bigint position (a bug fixed in 22): the twin follows 22 and 24.
      ...(NODE_MAJOR >= 22 ? [(h: Handle) => h.read(Buffer.alloc(4), 0, 4, 10n)] : []),
      (h) => h.read(Buffer.alloc(4), 0, 4, -1),
      (h) => h.read(Buffer.alloc(4), 0, 0, 0),
      (h) => h.read(Buffer.alloc(4), 0, 4, 1000),
    ]);
  });

  it('refuses bad read arguments with the same error codes', async () => {
    await compare([
      (h) => h.read(Buffer.alloc(0), 0, 1, 0),
      (h) => h.read(Buffer.alloc(4), 0, 8, 0),
      (h) => h.read(Buffer.alloc(4), -1, 2, 0),
      (h) => h.read(Buffer.alloc(4), 1.5, 2, 0),
      (h) => h.read({ buffer: 'nope' }),
      (h) => h.read(5),
    ]);
  });

  it('writes strings and buffers in every argument form FileHandle.write takes', async () => {
    await compare([
      (h) => h.write('AB'),
      (h) => h.write('CD', 0),
      (h) => h.write('é', 4, 'latin1'),
      (h) => h.write('aGk=', 6, 'base64'),
      (h) => h.write(Buffer.from('XYZ'), 1, 2, 8),
      (h) => h.write(Buffer.from('QRS'), { offset: 1, position: 10 }),
      (h) => h.write(Buffer.from('tail')),
      (h) => h.write(Buffer.alloc(0)),
      (h) => h.write(''),
      (h) => h.write(new Uint16Array([0x4142]), 0, 2, 0),
      (h) => h.read(Buffer.alloc(24), 0, 24, 0),
    ]);
  });

  it('refuses bad write arguments with the same error codes', async () => {
    await compare([
      (h) => h.write(42),
      (h) => h.write(Buffer.from('ab'), 0, 5),
      (h) => h.write(Buffer.from('ab'), -1),
      (h) => h.write('x', 0, 'klingon'),
    ]);
  });

  it('reads and writes vectors', async () => {
    await compare([
      (h) => h.readv([Buffer.alloc(2), Buffer.alloc(3)], 1),
      (h) => h.readv([Buffer.alloc(4)]),
      (h) => h.writev([Buffer.from('12'), Buffer.from('345')], 2),
      (h) => h.writev([Buffer.from('!')]),
      (h) => h.writev([]),
      (h) => h.readv([Buffer.alloc(32)], 0),
    ]);
  });

  it('reads the rest of the file from the current position', async () => {
    await compare([(h) => h.readFile(), (h) => h.read(Buffer.alloc(3), 0, 3, 0), (h) => h.readFile('utf8')]);
    await compare([(h) => h.read(Buffer.alloc(3)), (h) => h.readFile({ encoding: 'latin1' })]);
    await compare([(h) => h.read(Buffer.alloc(6)), (h) => h.readFile('utf8'), (h) => h.readFile('utf8')]);
  });

  it('writes and appends strings, bytes and iterables from the current position', async () => {
    await compare([
      (h) => h.writeFile('new'),
      (h) => h.writeFile(Buffer.from(' bytes')),
      (h) => h.appendFile('é', 'latin1'),
      (h) => h.writeFile(['a', Buffer.from('b'), new Uint8Array([99])]),
      (h) =>
        h.writeFile(
          (function* () {
            yield 'gen';
            yield 'erated';
          })(),
        ),
      (h) => h.writeFile('ü', { encoding: 'utf16le' }),
      (h) => h.writeFile(42),
    ]);
    await compare([(h) => h.appendFile('more'), (h) => h.appendFile(Buffer.from('!'))], 'a');
  });

  it('stats, truncates, syncs, changes mode, owner and times', async () => {
    const { uid, gid } = { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 };
    await compare([
      (h) => h.stat(),
      (h) => h.stat({ bigint: true }),
      (h) => h.truncate(4),
      (h) => h.stat(),
      (h) => h.truncate(),
      (h) => h.truncate(10),
      (h) => h.sync(),
      (h) => h.datasync(),
      (h) => h.chmod(0o600),
      (h) => h.chown(uid, gid),
      (h) => h.utimes(1_000, new Date(2_000_000)),
      (h) => h.stat(),
      (h) => h.truncate(-1),
      (h) => h.chmod('nope'),
    ]);
  });

  it('behaves like a closed FileHandle once closed', async () => {
    await compare([
      (h) => h.close(),
      (h) => h.fd,
      (h) => h.close(),
      (h) => h.read(),
      (h) => h.readv([Buffer.alloc(1)]),
      (h) => h.write('x'),
      (h) => h.writev([Buffer.alloc(1)]),
      (h) => h.readFile(),
      (h) => h.writeFile('x'),
      (h) => h.appendFile('x'),
      (h) => h.stat(),
      (h) => h.truncate(),
      (h) => h.sync(),
      (h) => h.datasync(),
      (h) => h.chmod(0o600),
      (h) => h.chown(0, 0),
      (h) => h.utimes(1, 1),
    ]);
  });

  it('opens with the flags and errors of FileHandle', async () => {
    const { asyncFile, syncFile } = twinFiles();
    const asyncRoot = path.dirname(asyncFile);
    const syncRoot = path.dirname(syncFile);
    const cases: [string, string | number | undefined, number?][] = [
      ['missing.txt', 'r'],
      ['missing.txt', undefined],
      ['file.txt', 'wx'],
      ['.', 'w'],
      ['new.txt', 'wx', 0o600],
      ['file.txt', 'nonsense'],
    ];
    for (const [name, flags, mode] of cases) {
      const expected = await outcome(async () => {
        const handle = await open(path.join(asyncRoot, name), flags, mode);
        await handle.close();
        return typeof handle;
      }, asyncRoot);
      const actual = await outcome(() => {
        const handle = openSync(path.join(syncRoot, name), flags, mode);
        handle.close();
        return typeof handle;
      }, syncRoot);
      expect(actual, `${name} ${String(flags)}`).toEqual(expected);
    }
  });

  it('reads at a bigint position, as FileHandle does from Node 22 on', () => {
    const { syncFile } = twinFiles();
    using handle = openSync(syncFile);
    expect(handle.read(Buffer.alloc(5), 0, 5, 6n).buffer.toString()).toBe('world');
  });

  it('returns results without a prototype, as FileHandle does', async () => {
    const { syncFile } = twinFiles();
    using handle = openSync(syncFile);
    expect(Object.getPrototypeOf(handle.read())).toBe(null);
    expect(Object.getPrototypeOf(handle.write(Buffer.alloc(0)))).toBe(null);
  });

  it('closes with `using` and tells a closed handle by fd -1', () => {
    const { syncFile } = twinFiles();
    let outer: SyncFileHandle | undefined;
    {
      using handle = openSync(syncFile);
      outer = handle;
      expect(handle.fd).toBeGreaterThanOrEqual(0);
    }
    expect(outer.fd).toBe(-1);
  });

  it('refuses options that have no sync meaning', () => {
    const { syncFile } = twinFiles();
    using handle = openSync(syncFile, 'r+');
    const signal = new AbortController().signal;
    expect(() => handle.readFile({ signal } as never)).toThrow(/options.signal is not supported/);
    expect(() => handle.writeFile('x', { signal } as never)).toThrow(/options.signal is not supported/);
    const asyncSource = (async function* () {
      yield 'x';
    })();
    expect(() => handle.writeFile(asyncSource as never)).toThrow(
      /async iterable or stream cannot be written/,
    );
    expect(readFileSync(syncFile, 'utf8')).toBe(CONTENT);
  });

  it('checks the descriptor it wraps', () => {
    expect(() => new SyncFileHandle({} as never, -1)).toThrow(RangeError);
    expect(() => new SyncFileHandle({} as never, 1.5)).toThrow(/fd must be an integer/);
  });
});
