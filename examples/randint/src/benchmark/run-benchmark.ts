// The talk's comparison: n requests to randint-as-a-service from the sync client in a loop, from sync
// clients on a pool of threads, and from the async client all at once. Prints a table, writes it with the
// machine and runtime to bench/results/randint.md, and draws the chart (SVG, and PNG where Chromium is).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launchServer } from '../server/launch-server.js';
import { chartSvg } from './chart-svg.js';
import { asyncGather, type Contender, sequentialSync, threadPool } from './contenders.js';
import { renderPng } from './render-png.js';

const COUNTS = [32, 64, 128, 256, 512, 1024];
const THREADS = 16;
const quick = process.argv.includes('--quick');
const counts = quick ? [32, 64] : COUNTS;
const resultsDir = fileURLToPath(new URL('../../../../bench/results/', import.meta.url));

async function seconds(contender: Contender, count: number, runs: number): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await contender.run(count);
    times.push((performance.now() - started) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

await using server = await launchServer();
const contenders = [sequentialSync(server), threadPool(server, THREADS), asyncGather(server)];
// Warm up: workers started, modules loaded, connections tried once.
for (const contender of contenders) await contender.run(THREADS);

const rows: number[][] = [];
for (const count of counts) {
  const row: number[] = [];
  for (const contender of contenders) {
    // The sequential loop is slow and steady: one run; the others take the median of three.
    row.push(await seconds(contender, count, contender === contenders[0] ? 1 : 3));
  }
  rows.push(row);
  const [sequential, threads, gathered] = row as [number, number, number];
  console.log(
    `${String(count).padStart(5)} requests: sequential ${sequential.toFixed(3)} s, ${THREADS} threads ${threads.toFixed(3)} s, async ${gathered.toFixed(3)} s (${(sequential / gathered).toFixed(1)}× faster than sequential)`,
  );
}
for (const contender of contenders) await contender.close();

const header = `| requests | ${contenders.map((c) => c.name).join(' | ')} | async vs sequential |`;
const table = [
  header,
  `| ---: | ${contenders.map(() => '---:').join(' | ')} | ---: |`,
  ...rows.map(
    (row, i) =>
      `| ${counts[i]} | ${row.map((v) => `${v.toFixed(3)} s`).join(' | ')} | ${(row[0]! / row[2]!).toFixed(1)}× |`,
  ),
].join('\n');
console.log(`\n${table}`);

if (!quick) {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {}
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`;
  const svg = chartSvg(
    'randint-as-a-service: seconds for n requests',
    counts,
    contenders.map((c, i) => ({ name: c.name, seconds: rows.map((row) => row[i]!) })),
  );
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}randint.svg`, svg);
  const png = await renderPng(svg, 720, 420, `${resultsDir}randint.png`);
  writeFileSync(
    `${resultsDir}randint.md`,
    `# randint-as-a-service: sync loop, thread pool, async

The comparison from the talk "Friendly and Modern AsyncIO": n requests to a TCP server that reads an upper
bound, thinks for a random 0–10 ms, and replies with a random number (one connection per request).

- **${contenders[0]!.name}**: the generated sync twin (\`RandintClient\`), one blocking request after another;
  its network I/O runs on a Synchronizer's worker.
- **${contenders[1]!.name}**: the sync twin on an \`anysync/offload\` WorkerPool of ${THREADS} threads, one client per thread.
- **${contenders[2]!.name}**: \`AsyncRandintClient.randints()\`, every request at once (\`Promise.all\`).

Median of three runs (one for the sequential loop), after a warm-up. Run it with
\`npm run build && npm run bench --workspace examples/randint\`.

Machine: ${machine}. Runtime: Node ${process.versions.node} (${process.platform}-${process.arch}). Commit: ${commit}.
Date: ${new Date().toISOString().slice(0, 10)}.

${table}

![chart](randint.${png ? 'png' : 'svg'})
`,
  );
  console.log(`\nwrote ${resultsDir}randint.md, randint.svg${png ? ' and randint.png' : ''}`);
}
