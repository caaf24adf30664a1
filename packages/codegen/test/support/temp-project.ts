import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A real directory with the given files, removed after the test. */
export function tempProject(files: Record<string, string>): {
  root: string;
  read(file: string): string;
  write(file: string, text: string): void;
  remove(file: string): void;
} {
  const root = mkdtempSync(path.join(tmpdir(), 'anysync-test-'));
  created.push(root);
  const write = (file: string, text: string) => {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  for (const [file, text] of Object.entries(files)) write(file, text);
  return {
    root,
    read: (file) => readFileSync(path.join(root, file), 'utf8'),
    write,
    remove: (file) => rmSync(path.join(root, file)),
  };
}

/** A writable sink that remembers what was written to it. */
export function captured(): { write(text: string): void; text(): string } {
  let all = '';
  return {
    write(text: string) {
      all += text;
    },
    text: () => all,
  };
}
