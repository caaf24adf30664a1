import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnysyncConfig } from '../../src/config/anysync-config.js';
import { check } from '../../src/generate/check.js';
import { typedProject } from '../support/typed-project.js';

const RULES = { rules: [{ from: 'src/_async', to: 'src/_sync' }] };

/** `check()`'s verification findings for a project, as `file:line:col severity[rule]: message` lines. */
async function verification(files: Record<string, string>, config: Partial<AnysyncConfig> = {}) {
  const project = typedProject({ 'package.json': '{ "type": "module" }\n', ...files });
  const report = await check({ ...RULES, ...config }, { root: project.root });
  const others = report.diagnostics.filter((d) => !d.rule.startsWith('twin-'));
  expect(others.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([]);
  return report.diagnostics.map(
    (d) =>
      `${path.relative(project.root, d.file)}:${d.line}:${d.column} ${d.severity}[${d.rule}]: ${d.message}`,
  );
}

const API = `export interface Api {
  get(key: string): Promise<string>;
  lines(): AsyncIterable<string>;
  pending(): Promise<string>[];
}
export type Loader = (path: string) => Promise<string>;
export const makeLoader = (): Loader => async (path) => path;
`;

// The rules report `await` of an unmapped module's function; these cases turn that off to show the
// safety net catches what a rule would miss.
const NO_UNMAPPED_AWAIT: Partial<AnysyncConfig> = { severity: { 'unmapped-await': 'off' } };

const HOLDS = 'error[twin-holds-promise]: the twin holds';
const AWAITED = 'where the source awaited it: without `await` it stays a promise';
const RETURNED = 'where the async function returned its awaited value: the twin returns the promise itself';
const TYPE_ERROR = 'error[twin-type-error]: the twin has a type error here that its source does not have:';

const cases: {
  name: string;
  files: Record<string, string>;
  config?: Partial<AnysyncConfig>;
  /** Every finding, exactly; or a pattern for the first one, where the twin's shape may change. */
  expected?: string[];
  first?: RegExp;
}[] = [
  {
    name: 'an awaited call through an interface of an unconverted module',
    files: {
      'src/shared/api.ts': API,
      'src/_async/read.ts': `import type { Api } from '../shared/api.js';

export async function read(api: Api, key: string) {
  return (await api.get(key)).trim();
}
`,
    },
    expected: [`src/_async/read.ts:4:17 ${HOLDS} \`Promise<string>\` ${AWAITED}`],
  },

  {
    name: 'an awaited call of a local bound from an unconverted, unmapped module (`const { lstat } = promises`)',
    files: {
      'node_modules/graceful-fs-like/package.json':
        '{ "name": "graceful-fs-like", "type": "module", "exports": { ".": { "types": "./index.d.ts", "default": "./index.js" } } }\n',
      'node_modules/graceful-fs-like/index.d.ts':
        'export declare const promises: { lstat(file: string): Promise<{ isSymbolicLink(): boolean }> };\n',
      'src/_async/is-link.ts': `import { promises } from 'graceful-fs-like';

const { lstat } = promises;

export async function isLink(file: string) {
  const stats = await lstat(file);
  return stats.isSymbolicLink();
}
`,
    },
    config: NO_UNMAPPED_AWAIT,
    // The twin keeps the package's promise-returning \`lstat\`: it holds the promise at the call (and
    // \`stats.isSymbolicLink\` is then a type error, on the line already reported).
    first: /^src\/_async\/is-link\.ts:6:23 error\[twin-(?:type-error|holds-promise)\]/,
  },
  {
    name: 'a promise returned, not awaited, from an async function (`return pLocate(…)`)',
    files: {
      'node_modules/p-locate/package.json':
        '{ "name": "p-locate", "type": "module", "exports": { ".": { "types": "./index.d.ts", "default": "./index.js" } } }\n',
      'node_modules/p-locate/index.d.ts':
        'export default function pLocate<T>(input: Iterable<T>, tester: (element: T) => boolean | PromiseLike<boolean>): Promise<T | undefined>;\n',
      'src/_async/locate.ts': `import { existsSync } from 'node:fs';
import pLocate from 'p-locate';

export async function locate(paths: string[]) {
  return pLocate(paths, async (file) => existsSync(file));
}
`,
    },
    config: NO_UNMAPPED_AWAIT,
    expected: [`src/_async/locate.ts:5:10 ${HOLDS} \`Promise<string | undefined>\` ${RETURNED}`],
  },
  {
    name: 'an awaited call whose callee is itself a call (`(await h(1)(2)).trim()`)',
    files: {
      'node_modules/universalify/package.json':
        '{ "name": "universalify", "type": "module", "exports": { ".": { "types": "./index.d.ts", "default": "./index.js" } } }\n',
      'node_modules/universalify/index.d.ts':
        'export function fromCallback(fn: (...args: any[]) => void): (...args: any[]) => Promise<string>;\n',
      'src/_async/read.ts': `import fs from 'node:fs';
import { fromCallback } from 'universalify';

export async function read(file: string) {
  return (await fromCallback(fs.readFile)(file, 'utf8')).trim();
}
`,
    },
    config: NO_UNMAPPED_AWAIT,
    expected: [`src/_async/read.ts:5:17 ${HOLDS} \`Promise<string>\` ${AWAITED}`],
  },
  {
    name: '`for await` over a value that is only async-iterable',
    files: {
      'src/shared/api.ts': API,
      'src/_async/count.ts': `import type { Api } from '../shared/api.js';

export async function count(api: Api) {
  let total = 0;
  for await (const line of api.lines()) total += line.length;
  return total;
}
`,
    },
    expected: [
      'src/_async/count.ts:5:28 error[twin-holds-promise]: the twin iterates `AsyncIterable<string>` with `for … of`, but it is only async-iterable',
    ],
  },
  {
    name: '`for await` over an array of promises',
    files: {
      'src/shared/api.ts': API,
      'src/_async/concat.ts': `import type { Api } from '../shared/api.js';

export async function concat(api: Api) {
  let all = '';
  for await (const part of api.pending()) all += part;
  return all;
}
`,
    },
    expected: [
      'src/_async/concat.ts:5:28 error[twin-holds-promise]: the twin iterates `Promise<string>[]`, whose elements are promises: `for await` awaited each of them, `for … of` does not',
    ],
  },
  {
    name: '`yield` and `yield*` in an async generator',
    files: {
      'src/shared/api.ts': API,
      'src/_async/stream.ts': `import type { Api } from '../shared/api.js';

export async function* stream(api: Api, keys: string[]) {
  for (const key of keys) yield api.get(key);
  yield* api.lines();
}
`,
    },
    expected: [
      `src/_async/stream.ts:4:33 ${HOLDS} \`Promise<string>\` where the async generator yielded its awaited value: the twin yields the promise itself`,
      'src/_async/stream.ts:5:10 error[twin-holds-promise]: the twin delegates with `yield*` to `AsyncIterable<string>`, which is only async-iterable',
    ],
  },
  {
    name: '`return` inside `try` of an async function, and an async arrow body',
    files: {
      'src/shared/api.ts': API,
      'src/_async/load.ts': `import { makeLoader } from '../shared/api.js';

const load = makeLoader();

export async function safeLoad(file: string) {
  try {
    return load(file);
  } catch {
    return '';
  }
}

export const loadArrow = async (file: string) => load(file);
`,
    },
    expected: [
      `src/_async/load.ts:7:12 ${HOLDS} \`Promise<string>\` ${RETURNED}`,
      `src/_async/load.ts:13:50 ${HOLDS} \`Promise<string>\` where the async arrow returned its awaited value: the twin's arrow returns the promise itself`,
    ],
  },
  {
    name: 'the elements of an awaited `Promise.all([…])`',
    files: {
      'src/shared/api.ts': API,
      'src/_async/both.ts': `import type { Api } from '../shared/api.js';

export async function both(api: Api) {
  const [a, b] = await Promise.all([api.get('a'), api.get('b')]);
  return \`\${a}\${b}\`;
}
`,
    },
    expected: [
      'src/_async/both.ts:4:36 error[twin-holds-promise]: the twin gets `[Promise<string>, Promise<string>]`, whose elements are promises: `Promise.all()` awaited each of them',
    ],
  },
  {
    name: 'a value that may be a promise (`T | Promise<T>`) is reported, since the twin may hold one',
    files: {
      'src/shared/maybe.ts': 'export type MaybePromise<T> = T | Promise<T>;\n',
      'src/_async/once.ts': `import type { MaybePromise } from '../shared/maybe.js';

export async function once(load: () => MaybePromise<number>) {
  return await load();
}
`,
    },
    expected: [`src/_async/once.ts:4:16 ${HOLDS} \`MaybePromise<number>\` ${AWAITED}`],
  },
  {
    name: 'JavaScript typed with JSDoc, checked through `checkJs`',
    files: {
      'src/shared/api.ts': API,
      'src/_async/read.js': `/**
 * @param {import('../shared/api.js').Api} api
 * @param {string} key
 */
export async function read(api, key) {
  return (await api.get(key)).trim();
}
`,
    },
    expected: [`src/_async/read.js:6:17 ${HOLDS} \`Promise<string>\` ${AWAITED}`],
  },
  {
    name: 'a type error the twin has and its source does not',
    files: {
      'src/shared/api.ts': API,
      'src/_async/first.ts': `import type { Api } from '../shared/api.js';

export async function first(api: Api, key: string) {
  const pending: Promise<string> = api.get(key);
  return pending;
}
`,
    },
    expected: [
      `src/_async/first.ts:4:9 ${TYPE_ERROR} src/_sync/first.ts:4:9: TS2322: Type 'Promise<string>' is not assignable to type 'string'.`,
    ],
  },
  {
    name: 'twins that import each other, before any is written, across files',
    files: {
      'src/shared/api.ts': API,
      'src/_async/fetch-text.ts': `import type { Api } from '../shared/api.js';

export async function fetchText(api: Api) {
  return api.get('x');
}
`,
      'src/_async/shout.ts': `import type { Api } from '../shared/api.js';
import { fetchText } from './fetch-text.js';

export async function shout(api: Api) {
  return (await fetchText(api)).toUpperCase();
}
`,
    },
    expected: [
      `src/_async/fetch-text.ts:4:10 ${HOLDS} \`Promise<string>\` ${RETURNED}`,
      `src/_async/shout.ts:5:17 ${HOLDS} \`Promise<string>\` ${AWAITED}`,
    ],
  },
];

describe('verification finds promises the syntax rules cannot see', () => {
  for (const { name, files, config, expected, first } of cases) {
    it(name, async () => {
      const found = await verification(files, config);
      if (expected) expect(found).toEqual(expected);
      else expect(found[0]).toMatch(first as RegExp);
    });
  }
});

describe('verification does not blame a twin for its source', () => {
  it('passes errors the source already has, also where the twin reports them a few characters later', async () => {
    const found = await verification({
      'src/_async/broken.ts': `export async function broken(): Promise<number> {
  const n: number = 'not a number';
  takesNumber(await text());
  return n;
}

async function text(): Promise<string> {
  return 'x';
}

function takesNumber(n: number) {
  return n;
}
`,
    });
    expect(found).toEqual([]);
  });

  it('passes correct twins, including awaits of values that are not promises and sync generics', async () => {
    const found = await verification({
      'src/_async/size.ts': `export async function size(text: string): Promise<number> {
  return text.length;
}
`,
      'src/_async/use.ts': `import { size } from './size.js';

export async function twice<T>(value: T, f: (value: T) => Promise<T>) {
  const once = await f(value);
  return [once, await f(once), await 1, (await size('ab')) + 1] as const;
}

export async function* pairs(values: Iterable<number>) {
  for await (const value of values) yield [value, await size(String(value))];
}
`,
    });
    expect(found).toEqual([]);
  });
  it('reads a script source and its twin as modules, so that they do not share globals', async () => {
    const found = await verification({
      'tsconfig.json': JSON.stringify({
        compilerOptions: { strict: true, module: 'esnext', moduleResolution: 'bundler', noEmit: true },
        include: ['src'],
      }),
      'src/_async/script.ts': `declare function load(): Promise<number>;
interface Box {
  value: Promise<number>;
}
async function run(box: Box) {
  const n = await box.value;
  return n.toFixed() + (await load()).toFixed();
}
`,
    });
    expect(found).toEqual([]);
  });
});

describe('verification reads the project the sources belong to', () => {
  const SOURCE = `import type { Api } from '#api';

export async function read(api: Api) {
  return (await api.get('k')).trim();
}
`;

  it("uses the sources' nearest tsconfig.json (its `paths` make the type visible)", async () => {
    const found = await verification({
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          noEmit: true,
          paths: { '#api': ['./src/shared/api.ts'] },
        },
        include: ['src'],
      }),
      'src/shared/api.ts': API,
      'src/_async/read.ts': SOURCE,
    });
    expect(found).toEqual([`src/_async/read.ts:4:17 ${HOLDS} \`Promise<string>\` ${AWAITED}`]);
  });

  it('without a tsconfig.json, an import it cannot resolve is the same in both twins (no finding)', async () => {
    expect(await verification({ 'src/shared/api.ts': API, 'src/_async/read.ts': SOURCE })).toEqual([]);
  });

  it('follows a solution-style tsconfig.json to the referenced project that includes the source', async () => {
    const found = await verification({
      'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './tsconfig.lib.json' }] }),
      'tsconfig.lib.json': JSON.stringify({
        compilerOptions: {
          composite: true,
          strict: true,
          module: 'nodenext',
          outDir: 'dist',
          paths: { '#api': ['./src/shared/api.ts'] },
        },
        include: ['src'],
      }),
      'src/shared/api.ts': API,
      'src/_async/read.ts': SOURCE,
    });
    expect(found).toEqual([`src/_async/read.ts:4:17 ${HOLDS} \`Promise<string>\` ${AWAITED}`]);
  });

  it('refuses a tsconfig.json it cannot read, naming it', async () => {
    await expect(
      verification({
        'tsconfig.json': '{ "compilerOptions": { "strict": tru } }',
        'src/_async/a.ts': 'export {};\n',
      }),
    ).rejects.toThrow(/cannot verify the twins: tsconfig\.json: /);
  });
});

describe('verification severities', () => {
  const files = {
    'src/shared/api.ts': API,
    'src/_async/read.ts': `import type { Api } from '../shared/api.js';

export async function read(api: Api) {
  return api.get('k');
}
`,
  };

  it('can make a finding a warning (check passes) or turn it off', async () => {
    const project = typedProject({ 'package.json': '{ "type": "module" }\n', ...files });
    const { generate } = await import('../../src/generate/generate.js');
    await generate(RULES, { root: project.root });
    const asWarning = await check(
      { ...RULES, severity: { 'twin-holds-promise': 'warning' } },
      { root: project.root },
    );
    expect(asWarning.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity}[${d.rule}]`)).toEqual([
      '4:10 warning[twin-holds-promise]',
    ]);
    expect(asWarning.ok).toBe(true);
    const asError = await check(RULES, { root: project.root });
    expect(asError.ok).toBe(false);
    const off = await check({ ...RULES, severity: { 'twin-holds-promise': 'off' } }, { root: project.root });
    expect(off.diagnostics).toEqual([]);
    expect(off.ok).toBe(true);
    const skipped = await check(RULES, { root: project.root, verify: false });
    expect([skipped.ok, skipped.verification, skipped.diagnostics.length]).toEqual([true, undefined, 0]);
  });
});
