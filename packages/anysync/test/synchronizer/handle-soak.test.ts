import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

const INDEX = new URL('../../dist/synchronizer/index.js', import.meta.url).href;
const SOAK = new URL('./fixtures/soak.mjs', import.meta.url).href;
const MIB = 2 ** 20;

/**
 * One synchronous loop that creates and disposes handles, never yielding to the event loop: the heap of
 * both sides is sampled (after a full GC) every tenth of the way. Runs in its own process, with
 * --expose-gc, so both sides can collect on demand.
 */
function soak(count: number, kind: 'Item' | 'Closable', useEach: boolean) {
  const dir = tempDir('anysync-soak-');
  const script = join(dir, 'soak.mjs');
  writeFileSync(
    script,
    `import { getHeapStatistics } from 'node:v8';
     import { Synchronizer } from ${JSON.stringify(INDEX)};
     const sync = new Synchronizer();
     const api = sync.load(${JSON.stringify(SOAK)});
     const caller = () => { globalThis.gc(); return getHeapStatistics().used_heap_size; };
     const samples = [];
     const step = ${count} / 10;
     for (let i = 0; i <= ${count}; i++) {
       if (i % step === 0) samples.push({ at: i, caller: caller(), worker: api.heapUsed() });
       if (i === ${count}) break;
       const handle = new api.${kind}(i);
       ${useEach ? "if (handle.get() !== i) throw new Error('wrong value at ' + i);" : ''}
       handle[Symbol.dispose]();
     }
     console.log(JSON.stringify(samples));
     await sync.close();`,
  );
  const result = spawnSync(process.execPath, ['--expose-gc', script], { encoding: 'utf8', timeout: 540_000 });
  if (result.status !== 0)
    throw new Error(`soak failed (${result.status} ${result.signal}):\n${result.stderr}`);
  return JSON.parse(result.stdout) as { at: number; caller: number; worker: number }[];
}

/**
 * Growth of each side's heap from the first sample past warm-up to the lowest of the last three, in MiB.
 * Even right after a full collection a heap keeps some garbage for a while (seen on Node 24: a worker at
 * 16 MiB for four samples in a row, then back to 6), which a leak never gives back: the lowest of the
 * last samples is what the loop kept.
 */
function growth(samples: { caller: number; worker: number }[]) {
  const first = samples[1] as { caller: number; worker: number };
  const last = samples.slice(-3);
  const kept = (side: 'caller' | 'worker') => Math.min(...last.map((sample) => sample[side]));
  return { caller: (kept('caller') - first.caller) / MIB, worker: (kept('worker') - first.worker) / MIB };
}

/** A kept handle costs over 100 bytes; this bound sits far under what even a tenth of them would hold. */
const FLAT_MIB = 16;

describe('handles disposed in a synchronous loop', () => {
  it('1,000,000 handles created and disposed without yielding: both heaps stay flat', {
    timeout: 600_000,
  }, () => {
    const samples = soak(1_000_000, 'Item', false);
    expect(samples).toHaveLength(11);
    const { caller, worker } = growth(samples);
    // A handle kept until the loop ends would cost over 100 bytes: 1,000,000 of them, well over 100 MiB.
    expect(caller).toBeLessThan(FLAT_MIB);
    expect(worker).toBeLessThan(FLAT_MIB);
  });

  it('handles used, and handles whose worker object has an async dispose, stay flat too', {
    timeout: 300_000,
  }, () => {
    for (const kind of ['Item', 'Closable'] as const) {
      const { caller, worker } = growth(soak(50_000, kind, true));
      // 50,000 kept handles would hold 5 MiB or more (the caller grows by about 2 MiB of tables here).
      expect(caller).toBeLessThan(5);
      expect(worker).toBeLessThan(5);
    }
  });
});
