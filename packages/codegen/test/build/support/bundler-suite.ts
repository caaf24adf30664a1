import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTwins, copyFixture, removeCopies, TWIN_PATHS } from './fixture-library.js';
import { originalPosition } from './source-map-lookup.js';

/** The outcome of one build (a watch build reports one per rebuild). */
export interface BuildOutcome {
  /** The build's error text, as the bundler reports it; `undefined` when it succeeded. */
  readonly error: string | undefined;
}

/** A watch build of the fixture, started by {@link BundlerUnderTest.watch}. */
export interface WatchBuild {
  /** The outcome of the next build to finish (the first build, then each rebuild). */
  next(): Promise<BuildOutcome>;
  close(): Promise<void>;
}

/** How one real bundler builds the fixture library. */
export interface BundlerUnderTest {
  /**
   * Builds the library at `root` into `root/dist`: `index.js` (the async entry, `src/async/index.ts`)
   * and `sync.js` (the sync entry: the twin `src/sync/index.ts`), each with a `.map`. Resolves with the
   * text of every twin module as the bundler received it (absolute path → text); rejects with the
   * bundler's error when the build fails.
   */
  build(root: string): Promise<Map<string, string>>;
  /** Starts building `root` as {@link build} does, in watch mode. */
  watch(root: string): Promise<WatchBuild>;
}

/**
 * The proof every bundler must pass on the fixture library: the twins it receives are byte for byte
 * what `anysync generate` writes, none is written to disk, the built sync entry passes the library's
 * behavioural checks and maps back to the async source, a source error fails the build with the
 * diagnostic, and watch mode rebuilds after an edit. One build is shared by the first assertions.
 */
export function bundlerSuite(name: string, bundler: BundlerUnderTest): void {
  // Real builds (webpack's take seconds on a loaded machine): generous limits.
  describe(`${name}: the fixture library built with the anysync plugin`, { timeout: 90_000 }, () => {
    let root = '';
    let served = new Map<string, string>();
    beforeAll(async () => {
      root = copyFixture();
      served = await bundler.build(root);
    }, 90_000);
    afterAll(() => removeCopies());

    it('receives every twin byte for byte as `anysync generate` writes it', () => {
      const expected = cliTwins();
      expect([...served.keys()].map((file) => path.relative(root, file)).sort()).toEqual(TWIN_PATHS);
      for (const twin of TWIN_PATHS) expect(served.get(path.join(root, twin))).toBe(expected.get(twin));
    });

    it('writes no twin to disk', () => {
      for (const twin of TWIN_PATHS) expect(existsSync(path.join(root, twin))).toBe(false);
    });

    it('builds a sync entry that passes the behavioural checks, like the async entry', async () => {
      const { checkNotes } = await import(pathToFileURL(path.join(root, 'behaviour.mjs')).href);
      const asyncEntry = await import(pathToFileURL(path.join(root, 'dist', 'index.js')).href);
      const syncEntry = await import(pathToFileURL(path.join(root, 'dist', 'sync.js')).href);
      expect(await checkNotes(asyncEntry, 'async')).toBe(12);
      expect(await checkNotes(syncEntry, 'sync')).toBe(12);
      expect(Object.keys(syncEntry).sort()).toEqual(
        ['HEADING', 'NOTE_EXTENSION', 'NoteStore', 'openNoteStore', 'render', 'renderAll'].sort(),
      );
    });

    it("maps the sync entry's code back to the async source", () => {
      const bundle = readFileSync(path.join(root, 'dist', 'sync.js'), 'utf8').split('\n');
      const map = JSON.parse(readFileSync(path.join(root, 'dist', 'sync.js.map'), 'utf8'));
      // Bundlers rename imported bindings (`(0, fs.readFileSync)(…)`, `__WEBPACK_…_readFileSync__(…)`).
      const call = /[\w$.]*readFileSync\w*\)?\(this\.#file\(name\)/;
      const line = bundle.findIndex((text) => call.test(text));
      expect(line).toBeGreaterThanOrEqual(0);
      const column = call.exec(bundle[line] ?? '')?.index ?? -1;
      const original = originalPosition(map, line, column);
      const source = readFileSync(path.join(root, 'src/async/note-store.ts'), 'utf8').split('\n');
      expect(original?.source).toMatch(/(^|\/)src\/async\/note-store\.ts$/);
      expect(source[original?.line ?? -1]).toContain('await readFile(this.#file(name)');
    });

    it('fails the build on a source error, with the diagnostic at file:line:col', async () => {
      const broken = copyFixture();
      const file = path.join(broken, 'src/async/note-store.ts');
      const text = readFileSync(file, 'utf8');
      writeFileSync(
        file,
        `${text}\nexport async function first(a: Promise<number>, b: Promise<number>) {\n  return await Promise.race([a, b]);\n}\n`,
      );
      const line = text.split('\n').length + 2;
      const error = await bundler.build(broken).then(
        () => undefined,
        (thrown: unknown) => String((thrown as Error)?.message ?? thrown),
      );
      expect(error).toContain(`src/async/note-store.ts:${line}:16 error[no-sync-meaning]`);
      expect(error).toContain('Promise.race');
      expect(existsSync(path.join(broken, 'src/sync'))).toBe(false);
    });

    it('rebuilds in watch mode when an async source changes', async () => {
      const watched = copyFixture();
      const build = await bundler.watch(watched);
      try {
        expect((await build.next()).error).toBeUndefined();
        expect(await renderedHeading(watched, 1)).toBe('# ');
        const markdown = path.join(watched, 'src/async/formats/markdown.ts');
        const original = readFileSync(markdown, 'utf8');
        const edited = original.replace("HEADING = '# '", "HEADING = '## '");
        let round = 1;
        const rebuilt = await afterEdit(build, markdown, edited, async (outcome) => {
          round += 1;
          return outcome.error === undefined && (await renderedHeading(watched, round)) === '## ';
        });
        expect(rebuilt.error).toBeUndefined();
        expect(await renderedHeading(watched, round + 1)).toBe('## ');
        const failing = `${edited}\nexport const late = async () => fetch('https://example.com');\n`;
        const failed = await afterEdit(
          build,
          markdown,
          failing,
          async (outcome) => outcome.error !== undefined,
        );
        expect(failed.error).toContain('src/async/formats/markdown.ts');
        expect(failed.error).toContain('error[no-sync-meaning]');
      } finally {
        await build.close();
      }
    });
  });
}

/**
 * Writes `text` to `file` and waits for a build whose outcome `accept`s. A watcher may still be
 * starting when a build ends, so the write is repeated (same text, a new modification time) while no
 * build comes; builds from an earlier write that do not pass `accept` are skipped.
 */
async function afterEdit(
  build: WatchBuild,
  file: string,
  text: string,
  accept: (outcome: BuildOutcome) => Promise<boolean>,
): Promise<BuildOutcome> {
  let last: BuildOutcome | undefined;
  let pending = build.next();
  writeFileSync(file, text);
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const settled = await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, 1000))]);
    if (settled === undefined) {
      writeFileSync(file, text);
      continue;
    }
    last = settled as BuildOutcome;
    if (await accept(last)) return last;
    pending = build.next();
  }
  return last ?? { error: 'no build came after the edit' };
}

/** The heading the built sync entry renders (a fresh import each time). */
async function renderedHeading(root: string, round: number): Promise<string> {
  const url = `${pathToFileURL(path.join(root, 'dist', 'sync.js')).href}?round=${round}`;
  const syncEntry = await import(url);
  return syncEntry.render({ readNote: () => 'text' } as never, 'x').slice(0, -'x\n\ntext\n'.length) as string;
}
