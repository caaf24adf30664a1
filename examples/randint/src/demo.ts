// Asks randint-as-a-service from both twins, then times 128 requests the talk's three ways.
import { AsyncRandintClient } from './async/index.js';
import { asyncGather, sequentialSync, threadPool } from './benchmark/contenders.js';
import { launchServer } from './server/launch-server.js';
import { RandintClient } from './sync/index.js';

await using server = await launchServer();
console.log(`randint server listening on ${server.host}:${server.port} (a child process)`);

const asyncClient = new AsyncRandintClient(server);
const syncClient = new RandintClient(server);
let started = performance.now();
const fromAsync = await asyncClient.randints(20, 3);
console.log(
  `async twin: randints(20, 3) → ${fromAsync.join(', ')} (${(performance.now() - started).toFixed(1)} ms, at once)`,
);
started = performance.now();
const fromSync = syncClient.randints(20, 3);
console.log(
  `sync twin:  randints(20, 3) → ${fromSync.join(', ')} (${(performance.now() - started).toFixed(1)} ms, one by one)`,
);

const count = 128;
for (const contender of [sequentialSync(server), threadPool(server, 16), asyncGather(server)]) {
  await contender.run(16);
  started = performance.now();
  await contender.run(count);
  console.log(
    `  ${count} requests, ${contender.name}: ${((performance.now() - started) / 1000).toFixed(3)} s`,
  );
  await contender.close();
}
