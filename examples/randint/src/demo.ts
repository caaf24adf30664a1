// Asks randint-as-a-service from both twins over TCP, times 128 requests the talk's three ways, then asks
// the same service over HTTP (the talk's `curl http://…/randint/25`) from both twins.
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

await using httpServer = await launchServer('http');
const base = `http://${httpServer.host}:${httpServer.port}`;
console.log(`randint HTTP server on ${base} (a child process)`);
const asyncHttp = new AsyncRandintClient(httpServer);
const syncHttp = new RandintClient(httpServer);
console.log(`async twin: GET ${base}/randint/25 → ${await asyncHttp.randint(25)}`);
console.log(`sync twin:  GET ${base}/randint/2500 → ${syncHttp.randint(2500)}`);
started = performance.now();
const overHttp = await asyncHttp.randints(20, 16);
console.log(
  `  16 requests over HTTP, async: ${overHttp.join(' ')} (${(performance.now() - started).toFixed(0)} ms)`,
);
started = performance.now();
const overHttpSync = syncHttp.randints(20, 16);
console.log(
  `  16 requests over HTTP, sync:  ${overHttpSync.join(' ')} (${(performance.now() - started).toFixed(0)} ms)`,
);
