import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

const INDEX = new URL('../../dist/synchronizer/index.js', import.meta.url).href;
const CHATTY = new URL('./fixtures/chatty.mjs', import.meta.url).href;

function run(source: string) {
  const dir = tempDir('anysync-');
  writeFileSync(join(dir, 'script.mjs'), source);
  return spawnSync(process.execPath, [join(dir, 'script.mjs')], { encoding: 'utf8', timeout: 15_000 });
}

describe('worker console output', () => {
  it('appears, in order, before the blocking call returns', { timeout: 20_000 }, () => {
    const result = run(`
      import { Synchronizer } from ${JSON.stringify(INDEX)};
      const chatty = new Synchronizer().load(${JSON.stringify(CHATTY)});
      console.log('before');
      const length = chatty.greet('ada');
      console.log('returned', length);
      // Block long after the call: output must not be waiting for the event loop.
      const until = Date.now() + 200;
      while (Date.now() < until);
      console.log('end');
    `);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('before\nhello ada from the worker\nafter the timer\nreturned 3\nend\n');
    expect(result.stderr).toBe('warning for ada\n');
  });

  it('appears before a promise-returning call settles', { timeout: 20_000 }, () => {
    const result = run(`
      import { Synchronizer } from ${JSON.stringify(INDEX)};
      const chatty = new Synchronizer().load(${JSON.stringify(CHATTY)});
      const length = await chatty.greet.async('bo');
      console.log('settled', length);
    `);
    expect(result.stdout).toBe('hello bo from the worker\nafter the timer\nsettled 2\n');
  });

  it('can be left to Node instead', { timeout: 20_000 }, () => {
    const result = run(`
      import { Synchronizer } from ${JSON.stringify(INDEX)};
      const sync = new Synchronizer({ captureOutput: false });
      const chatty = sync.load(${JSON.stringify(CHATTY)});
      chatty.greet('cy');
      console.log('returned');
      await sync.close();
    `);
    expect(result.stdout).toContain('returned');
  });
});
