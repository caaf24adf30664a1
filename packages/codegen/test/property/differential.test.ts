import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transform } from '../../src/transform/transform.js';
import { programArbitrary } from './program-arbitrary.js';

interface Outcome {
  readonly result?: unknown;
  readonly error?: string;
  readonly log: unknown[];
}

function load(code: string): (log: unknown[]) => () => unknown {
  // Each program is evaluated in a fresh function scope with its own log.
  return new Function('log', `${code}\nreturn main;`) as (log: unknown[]) => () => unknown;
}

async function runAsync(code: string): Promise<Outcome> {
  const log: unknown[] = [];
  try {
    return { result: await load(code)(log)(), log };
  } catch (error) {
    return { error: String((error as Error).message), log };
  }
}

function runSync(code: string): Outcome {
  const log: unknown[] = [];
  try {
    const result = load(code)(log)();
    if (result instanceof Promise) throw new Error('the sync twin returned a Promise');
    return { result, log };
  } catch (error) {
    return { error: String((error as Error).message), log };
  }
}

describe('differential: async program vs its generated sync twin', () => {
  it('gives the same result or the same error, with the same side effects', async () => {
    await fc.assert(
      fc.asyncProperty(programArbitrary, async ({ code }) => {
        const twin = transform(code, { fileName: '/virtual/_async/program.js', sourceMap: false });
        expect(twin.diagnostics).toEqual([]);
        expect(twin.code).not.toMatch(/\basync\b|\bawait\b|Promise/);
        const expected = await runAsync(code);
        expect(runSync(twin.code)).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
    // 1,500 programs run in ~15 s on a quiet machine; the margin is for a loaded one.
  }, 300_000);
});
