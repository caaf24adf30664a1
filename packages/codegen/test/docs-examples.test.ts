import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transform } from '../src/transform/transform.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The before/after pair a page shows, as `Input (…):` and `Output (…):` code blocks. */
function example(file: string): { input: string; output: string } {
  const text = readFileSync(path.join(root, file), 'utf8');
  const input = /Input \(`[^`]+`\)[^\n]*:\n\n```ts\n([\s\S]*?)```/.exec(text)?.[1];
  const output = /Output \(`[^`]+`\)[^\n]*:\n\n```ts\n\/\/ @generated[^\n]*\n([\s\S]*?)```/.exec(text)?.[1];
  if (input === undefined || output === undefined) throw new Error(`${file} has no Input/Output example`);
  return { input, output };
}

describe('documentation examples', () => {
  it.each(['docs/guide/codegen.md', 'README.md'])('%s shows what the generator really writes', (file) => {
    const { input, output } = example(file);
    const result = transform(input, { fileName: '/project/src/_async/client.ts' });
    expect(result.diagnostics).toEqual([]);
    expect(result.code).toBe(output);
  });
});
