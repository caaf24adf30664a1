import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One golden fixture's input, read from `test/fixtures/<rule>/<case>/input.<ext>`. */
export interface FixtureInput {
  readonly name: string;
  readonly extension: string;
  readonly text: string;
}

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Every fixture input, for tests that hold a property over all of them. */
export function fixtureInputs(): FixtureInput[] {
  const inputs: FixtureInput[] = [];
  for (const rule of readdirSync(root).sort()) {
    for (const name of readdirSync(path.join(root, rule)).sort()) {
      const dir = path.join(root, rule, name);
      const input = readdirSync(dir).find((file) => file.startsWith('input.'));
      if (input === undefined) continue;
      inputs.push({
        name: `${rule}/${name}`,
        extension: input.slice('input'.length),
        text: readFileSync(path.join(dir, input), 'utf8'),
      });
    }
  }
  return inputs;
}
