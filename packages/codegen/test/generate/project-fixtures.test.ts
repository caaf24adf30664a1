import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { captured, tempProject } from '../support/temp-project.js';

/**
 * Golden projects: `fixtures/_projects/<case>/input/` is a project with its config; `expected/` holds
 * every file `anysync generate` adds to it, byte for byte. `ANYSYNC_UPDATE_PROJECTS=1` writes them
 * (review the diff before committing).
 */
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/_projects');

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The relative specifiers a twin imports that resolve to no file (TypeScript's `.js` → `.ts` included). */
function unresolved(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\(|require\()'(\.{1,2}\/[^']+)'/g)].map(
    (m) => m[1] as string,
  );
  const candidates = (base: string) => {
    const stem = base.replace(/\.[cm]?js$/, '');
    const mapped = { '.js': ['.ts', '.d.ts', '.js'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'] };
    const extension = /\.[cm]?js$/.exec(base)?.[0] as keyof typeof mapped | undefined;
    const extensions = extension ? mapped[extension] : ['', '.ts', '.d.ts', '.js'];
    return extensions.map((ext) => stem + ext);
  };
  return specifiers.filter(
    (specifier) => !candidates(path.resolve(path.dirname(file), specifier)).some((c) => existsSync(c)),
  );
}

describe('golden projects', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, async () => {
      const input = path.join(root, name, 'input');
      const expectedDir = path.join(root, name, 'expected');
      const project = tempProject({});
      cpSync(input, project.root, { recursive: true });
      const stdout = captured();
      const stderr = captured();
      const status = await runCli(['generate'], { cwd: project.root, stdout, stderr });
      expect(stderr.text()).toBe('');
      expect(status).toBe(0);

      const inputs = new Set(filesBelow(input));
      const generated = filesBelow(project.root).filter((file) => !inputs.has(file));
      if (process.env.ANYSYNC_UPDATE_PROJECTS === '1') {
        for (const file of generated) {
          mkdirSync(path.dirname(path.join(expectedDir, file)), { recursive: true });
          writeFileSync(path.join(expectedDir, file), readFileSync(path.join(project.root, file)));
        }
      }
      expect(generated).toEqual(filesBelow(expectedDir));
      for (const file of generated) {
        expect(readFileSync(path.join(project.root, file), 'utf8'), file).toBe(
          readFileSync(path.join(expectedDir, file), 'utf8'),
        );
        expect(unresolved(path.join(project.root, file)), `unresolved imports in ${file}`).toEqual([]);
      }
      expect(
        await runCli(['check', '--no-verify'], { cwd: project.root, stdout: captured(), stderr: captured() }),
      ).toBe(0);
    });
  }
});
