import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Runs every TypeScript example of `docs/guide/<page>.md` that imports something, each as its own module
 * and in order, in one `tsx` process against the built package, and returns what they printed. Throws
 * (with the output so far) if an example throws or the process fails.
 */
export function runGuide(page: string): string {
  const text = readFileSync(join(root, 'docs/guide', `${page}.md`), 'utf8');
  const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((match) => match[1] as string)
    .filter((block) => /^import /m.test(block) && !/^import [^\n]*;\s*$/.test(block.trim()));
  const dir = join(root, 'packages/anysync/test/.guides', page);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    const imports = blocks.map((block, index) => {
      writeFileSync(join(dir, `example-${index}.mts`), block);
      return `console.log('--- example ${index}');\nawait import('./example-${index}.mts');`;
    });
    writeFileSync(join(dir, 'all.mts'), `${imports.join('\n')}\n`);
    return execFileSync(join(root, 'node_modules/.bin/tsx'), [join(dir, 'all.mts')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
